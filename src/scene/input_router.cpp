#include "scene/input_router.h"

#include <cmath>
#include <glm/geometric.hpp>

namespace myoatlas::scene {
namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

bool inside(glm::vec2 p, glm::vec2 viewport) {
    return p.x >= 0.0f && p.y >= 0.0f && p.x < viewport.x && p.y < viewport.y;
}

// The global and presentation actions are plain state changes (of the scene or the shell) and become commands
// here; the other modes' actions go to the features that own those modes.
std::optional<Command> commandFor(Action a) {
    constexpr float o = InputRouter::kKeyOrbit;
    switch (a) {
    case Action::ViewAnterior:
        return SetNamedView{ViewName::Anterior};
    case Action::ViewPosterior:
        return SetNamedView{ViewName::Posterior};
    case Action::ViewLeft:
        return SetNamedView{ViewName::Left};
    case Action::ViewRight:
        return SetNamedView{ViewName::Right};
    case Action::ViewSuperior:
        return SetNamedView{ViewName::Superior};
    case Action::ViewInferior:
        return SetNamedView{ViewName::Inferior};
    case Action::OrbitLeft:
        return OrbitCamera{o, 0.0f};
    case Action::OrbitRight:
        return OrbitCamera{-o, 0.0f};
    case Action::OrbitUp:
        return OrbitCamera{0.0f, o * 0.5f};
    case Action::OrbitDown:
        return OrbitCamera{0.0f, -o * 0.5f};
    case Action::ZoomIn:
        return ZoomCamera{InputRouter::kZoomStep, std::nullopt};
    case Action::ZoomOut:
        return ZoomCamera{1.0f / InputRouter::kZoomStep, std::nullopt};
    case Action::FrameSelection:
        return FrameSelection{kFlySeconds};
    case Action::FrameBody:
        return FrameBody{};
    case Action::HideSelection:
        return HideSelection{};
    case Action::IsolateSelection:
        return IsolateSelection{};
    case Action::ShowAll:
        return ShowAll{};
    case Action::PeelMore:
        return PeelBy{1};
    case Action::PeelLess:
        return PeelBy{-1};
    case Action::ClearSelection:
        return ClearSelection{};
    case Action::TogglePresentation:
        return ToggleShellFlag{ShellFlag::Presentation};
    case Action::LeavePresentation:
        return SetShellFlag{ShellFlag::Presentation, false};
    case Action::ToggleBlackout:
        return ToggleShellFlag{ShellFlag::Blackout};
    case Action::ToggleLaser:
        return ToggleShellFlag{ShellFlag::Laser};
    case Action::ToggleHelp:
        return ToggleShellFlag{ShellFlag::Help};
    case Action::TogglePatient:
        return ToggleShellFlag{ShellFlag::Patient};
    case Action::ToggleQuiz:
        return ToggleShellFlag{ShellFlag::Quiz};
    case Action::Quit:
        return Quit{};
    default:
        return std::nullopt;
    }
}
} // namespace

RoutedInput InputRouter::route(const std::vector<InputEvent>& events, const InputContext& context,
                               const AppState& state) {
    RoutedInput out;
    for (const auto& event : events) {
        std::visit(Overloaded{
                       [&](const KeyEvent& e) { onKey(e, context, out); },
                       [&](const CharEvent&) {}, // text belongs to the focused field (ImGui reads it itself)
                       [&](const MouseButtonEvent& e) { onButton(e, context, state, out); },
                       [&](const CursorEvent& e) { onCursor(e.position, context, out); },
                       [&](const ScrollEvent& e) {
                           if (context.uiWantsMouse || e.dy == 0.0f)
                               return;
                           std::optional<geometry::Ray> towards;
                           if (inside(cursor_, context.viewport))
                               towards = Camera{state.view.camera}.rayThrough(cursor_, context.viewport);
                           out.intents.push_back(Command{ZoomCamera{std::pow(kZoomStep, e.dy), towards}});
                       },
                   },
                   event);
    }
    // Hover: the structure under the pointer, looked up again only when the pointer or the camera moved.
    bool poseChanged = !hoverPose_ || !(*hoverPose_ == state.view.camera);
    if (picker_ && (cursorMoved_ || poseChanged)) {
        std::optional<uint32_t> hovered;
        if (!context.uiWantsMouse && !dragging_ && inside(cursor_, context.viewport))
            if (auto hit = pickAt(cursor_, context, state))
                hovered = hit->structure;
        out.intents.push_back(Command{SetHovered{hovered}});
        hoverPose_ = state.view.camera;
        cursorMoved_ = false;
    }
    return out;
}

void InputRouter::onKey(const KeyEvent& e, const InputContext& context, RoutedInput& out) const {
    if (context.uiWantsKeyboard)
        return;
    auto bound = resolveKey(e, context.modes);
    if (!bound)
        return;
    if (bound->mode == InputMode::Global || bound->mode == InputMode::Presentation)
        if (auto c = commandFor(bound->action)) {
            out.intents.push_back(*c);
            return;
        }
    out.intents.push_back(*bound);
}

void InputRouter::onCursor(glm::vec2 p, const InputContext& context, RoutedInput& out) {
    glm::vec2 delta = cursor_.x < 0.0f ? glm::vec2(0.0f) : p - cursor_;
    cursor_ = p;
    cursorMoved_ = true;
    if (leftDown_) {
        if (!dragging_ && glm::length(p - pressPos_) > kDragThreshold) {
            dragging_ = true;
            delta = p - pressPos_; // the movement below the threshold counts too
        }
        if (dragging_)
            out.intents.push_back(Command{OrbitCamera{-delta.x * kOrbitPerPixel, delta.y * kOrbitPerPixel}});
    } else if (panDown_) {
        out.intents.push_back(Command{PanCamera{delta.x, delta.y, context.viewport.y}});
    }
}

void InputRouter::onButton(const MouseButtonEvent& e, const InputContext& context, const AppState& state,
                           RoutedInput& out) {
    if (e.pressed) {
        // A press belongs to the scene when it lands outside the panels; the drag it starts stays the scene's.
        if (context.uiWantsMouse || !inside(cursor_, context.viewport))
            return;
        if (e.button == MouseButton::Left) {
            leftDown_ = true;
            dragging_ = false;
            pressPos_ = cursor_;
            pressMods_ = e.mods;
        } else {
            panDown_ = true;
        }
        return;
    }
    if (e.button != MouseButton::Left) {
        panDown_ = false;
        return;
    }
    if (!leftDown_)
        return;
    leftDown_ = false;
    if (dragging_) {
        dragging_ = false;
        return;
    }
    unsigned mods = pressMods_ | e.mods;
    out.intents.push_back(BodyClick{pickAt(pressPos_, context, state), (mods & (ModControl | ModShift)) != 0});
    // The second click of a double click has selected what it hit: the camera flies to it.
    bool doubleClick = e.time >= 0.0 && lastClickTime_ >= 0.0 && e.time - lastClickTime_ < kDoubleClickSeconds &&
                       glm::distance(pressPos_, lastClickPos_) < kDoubleClickPixels;
    if (doubleClick) {
        out.intents.push_back(Command{FrameSelection{kFlySeconds}});
        lastClickTime_ = -1.0; // a third click starts afresh
    } else {
        lastClickTime_ = e.time;
        lastClickPos_ = pressPos_;
    }
}

std::optional<Pick> InputRouter::pickAt(glm::vec2 p, const InputContext& context, const AppState& state) const {
    if (!picker_)
        return std::nullopt;
    Camera camera{state.view.camera};
    return picker_->pick(camera.rayThrough(p, context.viewport), state.view);
}

} // namespace myoatlas::scene
