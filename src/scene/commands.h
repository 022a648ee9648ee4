#pragma once
// UI intents. Panels and input handlers emit commands; the frame loop applies them to the state in one place.
#include "anatomy/structure.h"
#include "scene/camera.h"
#include "scene/shell.h"
#include "scene/view_state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace myoatlas::scene {

struct SelectStructure {
    uint32_t structure;
    bool additive = false; // ctrl/shift-click adds to the selection
    bool whole = true;     // select every part of its whole muscle
};
struct ClearSelection {};
struct SetLayerVisible {
    anatomy::Layer layer;
    bool visible;
};
struct SetLayerOpacity {
    anatomy::Layer layer;
    float opacity;
};
struct SetPeel {
    int peel; // 0 = nothing peeled
};
// Relative, so two quick presses of ']' inside one frame peel two layers.
struct PeelBy {
    int delta;
};
struct HideSelection {};
struct IsolateSelection {};
struct ShowAll {};
struct SetNamedView {
    ViewName view;
};
// Seconds the camera takes to fly to what F or a double click frames.
inline constexpr float kFlySeconds = 0.6f;
struct FrameSelection {
    float seconds = 0.0f; // 0: at once (headless renders); otherwise a smooth flight
};
struct FrameBody {};
struct ResetLayers {};
// Teaching content.
struct ShowTriggerPoint {
    TriggerPointRef trp;
    bool additive = false; // keep the others (several patterns combined)
};
struct HideTriggerPoint {
    TriggerPointRef trp;
};
struct ClearTriggerPoints {};
struct SetHeatTime {
    float time; // < 0: live
};
struct AddPainPoint {
    glm::vec3 point;
};
struct ClearPainPoints {};
struct ShowLine {
    std::string line;
    bool shown = true;
    bool exclusive = false; // hide the others
};
struct SetTechnique {
    TechniqueRef technique; // empty id: none
};
struct SetTechniqueStep {
    int step;
};
// Relative, so two quick clicker presses inside one frame step twice; kept within the technique's `steps`.
struct StepTechnique {
    int delta;
    int steps;
};
struct SetCaption {
    std::string caption;
};
// Frames a box (e.g. a technique's target) keeping the view direction.
struct FrameBox {
    geometry::Aabb box;
};
// Moves the camera smoothly to a pose over `seconds` (0: at once).
struct AnimateCamera {
    CameraPose pose;
    float seconds = 0.8f;
};
// Direct camera moves from the mouse and keys. They end any camera flight under way: the user is in control.
struct OrbitCamera {
    float dYaw = 0.0f, dPitch = 0.0f; // radians
};
struct PanCamera {
    float dxPixels = 0.0f, dyPixels = 0.0f, viewportHeight = 720.0f;
};
struct ZoomCamera {
    float factor = 1.0f;                  // < 1 moves closer
    std::optional<geometry::Ray> towards; // the pointer's ray: what lies under it stays under it
};
// The structure under the pointer (none: nothing).
struct SetHovered {
    std::optional<uint32_t> structure;
};
struct SetLessonActive {
    bool active;
};
// Replaces the whole view (lesson steps), keeping nothing of the old one.
struct SetViewState {
    ViewState view;
};

// The program around the scene (scene/shell.h): panels, presentation, modes, look.
struct SetShellFlag {
    ShellFlag flag;
    bool on;
};
// Relative, so two quick presses of F5 inside one frame switch presentation on and off again.
struct ToggleShellFlag {
    ShellFlag flag;
};
struct SetUiScale {
    float scale;
};
struct SetPresentationScale {
    float scale;
};
struct SetPresentationMonitor {
    int monitor;
};
struct SetTheme {
    std::string theme;
};
struct Quit {};

using Command =
    std::variant<SelectStructure, ClearSelection, SetLayerVisible, SetLayerOpacity, SetPeel, HideSelection,
                 IsolateSelection, ShowAll, SetNamedView, FrameSelection, FrameBody, ResetLayers, ShowTriggerPoint,
                 HideTriggerPoint, ClearTriggerPoints, SetHeatTime, AddPainPoint, ClearPainPoints, ShowLine,
                 SetTechnique, SetTechniqueStep, SetCaption, SetViewState, FrameBox, AnimateCamera, SetLessonActive,
                 PeelBy, OrbitCamera, PanCamera, ZoomCamera, SetHovered, StepTechnique, SetShellFlag, ToggleShellFlag,
                 SetUiScale, SetPresentationScale, SetPresentationMonitor, SetTheme, Quit>;

// Collected during a frame, applied after the UI is built.
class Commands {
public:
    void push(Command c) { list_.push_back(std::move(c)); }
    [[nodiscard]] const std::vector<Command>& list() const { return list_; }
    [[nodiscard]] bool empty() const { return list_.empty(); }
    void clear() { list_.clear(); }

private:
    std::vector<Command> list_;
};

} // namespace myoatlas::scene
