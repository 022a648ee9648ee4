#pragma once
// The one place where input becomes intent: the frame's events, in the order they happened, go through the key map
// and the mouse gestures (drag to orbit or pan, click to pick, wheel to zoom towards the pointer) and come out as
// commands for the state, actions for the modes and the app, and clicks on the body for the features.
#include "scene/app_state.h"
#include "scene/commands.h"
#include "scene/input.h"
#include "scene/key_map.h"
#include "scene/picker.h"

#include <optional>
#include <variant>
#include <vector>

namespace myoatlas::scene {

// What the router needs to know besides the events.
struct InputContext {
    glm::vec2 viewport{1280.0f, 720.0f}; // window size in the events' coordinates
    bool uiWantsMouse = false;           // the pointer is over a panel (ImGui takes it)
    bool uiWantsKeyboard = false;        // a text field has the keyboard
    InputModes modes;
};

// A click on the scene: what it hit (nothing: empty space), and whether Ctrl or Shift was held.
struct BodyClick {
    std::optional<Pick> pick;
    bool additive = false;
};

// What one event came to: a command for the state (camera moves, views, peel, selection keys, hover), an action
// for the app (presentation, help, quit) or a mode (next, previous, ...), or a click the features may take before
// it selects. Kept in the order the events happened: a lesson step and a peel key in one frame apply in order.
using Intent = std::variant<Command, BoundAction, BodyClick>;

struct RoutedInput {
    std::vector<Intent> intents;

    [[nodiscard]] std::vector<Command> commands() const { return only<Command>(); }
    [[nodiscard]] std::vector<BoundAction> actions() const { return only<BoundAction>(); }
    [[nodiscard]] std::vector<BodyClick> clicks() const { return only<BodyClick>(); }

private:
    template <class T> [[nodiscard]] std::vector<T> only() const {
        std::vector<T> out;
        for (const auto& i : intents)
            if (const T* t = std::get_if<T>(&i))
                out.push_back(*t);
        return out;
    }
};

class InputRouter {
public:
    // `picker` may be null (no picking, no hover).
    explicit InputRouter(const Picker* picker) : picker_(picker) {}

    [[nodiscard]] RoutedInput route(const std::vector<InputEvent>& events, const InputContext& context,
                                    const AppState& state);
    [[nodiscard]] glm::vec2 cursor() const { return cursor_; }

    // Gesture tuning (pixels and radians per pixel).
    static constexpr float kDragThreshold = 4.0f;
    static constexpr float kOrbitPerPixel = 0.008f;
    static constexpr float kKeyOrbit = 0.16f;
    static constexpr float kZoomStep = 0.88f;
    static constexpr double kDoubleClickSeconds = 0.4;
    static constexpr float kDoubleClickPixels = 6.0f;

private:
    void onKey(const KeyEvent& e, const InputContext& context, RoutedInput& out) const;
    void onCursor(glm::vec2 p, const InputContext& context, RoutedInput& out);
    void onButton(const MouseButtonEvent& e, const InputContext& context, const AppState& state, RoutedInput& out);
    [[nodiscard]] std::optional<Pick> pickAt(glm::vec2 p, const InputContext& context, const AppState& state) const;

    const Picker* picker_;
    glm::vec2 cursor_{-1.0f};
    glm::vec2 pressPos_{0.0f};
    bool leftDown_ = false, panDown_ = false, dragging_ = false;
    unsigned pressMods_ = 0;
    double lastClickTime_ = -1.0; // release time of the last click (not a drag), for double clicks
    glm::vec2 lastClickPos_{0.0f};
    bool cursorMoved_ = true;
    std::optional<CameraPose> hoverPose_;
};

} // namespace myoatlas::scene
