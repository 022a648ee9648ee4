#pragma once
// UI intents. Panels and input handlers emit commands; the frame loop applies them to the state in one place.
#include "anatomy/structure.h"
#include "scene/camera.h"
#include "scene/view_state.h"

#include <cstdint>
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
struct HideSelection {};
struct IsolateSelection {};
struct ShowAll {};
struct SetNamedView {
    ViewName view;
};
struct FrameSelection {};
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
struct SetLessonActive {
    bool active;
};
// Replaces the whole view (lesson steps), keeping nothing of the old one.
struct SetViewState {
    ViewState view;
};

using Command =
    std::variant<SelectStructure, ClearSelection, SetLayerVisible, SetLayerOpacity, SetPeel, HideSelection,
                 IsolateSelection, ShowAll, SetNamedView, FrameSelection, FrameBody, ResetLayers, ShowTriggerPoint,
                 HideTriggerPoint, ClearTriggerPoints, SetHeatTime, AddPainPoint, ClearPainPoints, ShowLine,
                 SetTechnique, SetTechniqueStep, SetCaption, SetViewState, FrameBox, AnimateCamera, SetLessonActive>;

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
