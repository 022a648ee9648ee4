#include "scene/app_state.h"

#include <algorithm>
#include <cmath>

namespace myoatlas::scene {
namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// The shell's commands; false for the scene's.
bool applyShell(ShellState& shell, const Command& command) {
    return std::visit(Overloaded{
                          [&](const SetShellFlag& c) { return shell.set(c.flag, c.on), true; },
                          [&](const ToggleShellFlag& c) { return shell.set(c.flag, !shell.flag(c.flag)), true; },
                          [&](const SetUiScale& c) {
                              if (std::isfinite(c.scale))
                                  shell.uiScale = std::clamp(c.scale, 0.5f, 4.0f);
                              return true;
                          },
                          [&](const SetPresentationScale& c) {
                              if (std::isfinite(c.scale))
                                  shell.presentationScale = std::clamp(c.scale, 1.0f, 4.0f);
                              return true;
                          },
                          [&](const SetPresentationMonitor& c) {
                              shell.presentationMonitor = std::max(0, c.monitor);
                              return true;
                          },
                          [&](const SetTheme& c) { return shell.theme = c.theme, true; },
                          [&](const Quit&) { return shell.quit = true, true; },
                          [&](const auto&) { return false; },
                      },
                      command);
}

void addUnique(std::vector<uint32_t>& v, uint32_t x) {
    if (std::find(v.begin(), v.end(), x) == v.end())
        v.push_back(x);
}
} // namespace

void apply(AppState& state, const anatomy::Body& body, const Command& command) {
    if (applyShell(state.shell, command))
        return;
    ViewState& view = state.view;
    state.camera.pose = view.camera;
    std::visit(
        Overloaded{
            [&](const SelectStructure& c) {
                if (c.structure >= body.size())
                    return;
                if (!c.additive)
                    view.selection.clear();
                for (uint32_t s : c.whole ? wholeOf(body, c.structure) : std::vector<uint32_t>{c.structure})
                    addUnique(view.selection, s);
            },
            [&](const ClearSelection&) { view.selection.clear(); },
            [&](const SetLayerVisible& c) { view.layers[index(c.layer)].visible = c.visible; },
            [&](const SetLayerOpacity& c) { view.layers[index(c.layer)].opacity = std::clamp(c.opacity, 0.0f, 1.0f); },
            [&](const SetPeel& c) { view.peel = std::clamp(c.peel, 0, static_cast<int>(anatomy::kLayerCount) - 1); },
            [&](const PeelBy& c) {
                view.peel = std::clamp(view.peel + c.delta, 0, static_cast<int>(anatomy::kLayerCount) - 1);
            },
            [&](const OrbitCamera& c) {
                state.transition.reset();
                state.camera.orbit(c.dYaw, c.dPitch);
            },
            [&](const PanCamera& c) {
                state.transition.reset();
                state.camera.pan(c.dxPixels, c.dyPixels, c.viewportHeight);
            },
            [&](const ZoomCamera& c) {
                state.transition.reset();
                if (c.towards)
                    state.camera.zoomTowards(c.factor, *c.towards);
                else
                    state.camera.zoom(c.factor);
            },
            [&](const SetHovered& c) { state.hovered = c.structure; },
            [&](const HideSelection&) {
                for (uint32_t s : view.selection)
                    addUnique(view.hidden, s);
                view.selection.clear();
            },
            [&](const IsolateSelection&) {
                if (!view.selection.empty())
                    view.isolated = view.selection;
            },
            [&](const ShowAll&) {
                view.hidden.clear();
                view.isolated.clear();
                view.peel = 0;
            },
            [&](const SetNamedView& c) {
                // Like every camera move the user makes at once, it ends a flight under way (a lesson step's),
                // which would otherwise carry the view off to its own end.
                state.transition.reset();
                auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
                state.camera.setView(c.view, box, state.viewportAspect);
            },
            [&](const FrameSelection& c) {
                if (view.selection.empty())
                    return;
                Camera to{state.camera.pose};
                to.frame(boundsOf(body, view.selection), state.viewportAspect);
                if (c.seconds > 0.0f) {
                    state.transition = CameraTransition{state.camera.pose, to.pose, -1.0, c.seconds};
                } else {
                    state.transition.reset();
                    state.camera.pose = to.pose;
                }
            },
            [&](const FrameBody&) {
                state.transition.reset();
                auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
                state.camera.frame(box, state.viewportAspect);
            },
            [&](const ResetLayers&) {
                view.layers = ViewState::defaultLayers();
                view.peel = 0;
            },
            [&](const ShowTriggerPoint& c) {
                if (!c.additive)
                    view.triggerPoints.clear();
                if (std::find(view.triggerPoints.begin(), view.triggerPoints.end(), c.trp) == view.triggerPoints.end())
                    view.triggerPoints.push_back(c.trp);
            },
            [&](const HideTriggerPoint& c) { std::erase(view.triggerPoints, c.trp); },
            [&](const ClearTriggerPoints&) { view.triggerPoints.clear(); },
            [&](const SetHeatTime& c) { view.heatTime = c.time < 0.0f ? -1.0f : c.time; },
            [&](const AddPainPoint& c) { view.painPoints.push_back(c.point); },
            [&](const ClearPainPoints&) { view.painPoints.clear(); },
            [&](const ShowLine& c) {
                if (c.exclusive)
                    view.lines.clear();
                std::erase(view.lines, c.line);
                if (c.shown)
                    view.lines.push_back(c.line);
            },
            [&](const SetTechnique& c) { view.technique = c.technique; },
            [&](const SetTechniqueStep& c) { view.technique.step = std::max(0, c.step); },
            [&](const StepTechnique& c) {
                view.technique.step = std::clamp(view.technique.step + c.delta, 0, std::max(0, c.steps - 1));
            },
            [&](const SetCaption& c) { view.caption = c.caption; },
            [&](const SetViewState& c) {
                view = c.view;
                state.camera.pose = view.camera;
            },
            [&](const SetLessonActive& c) { state.lessonActive = c.active; },
            [&](const FrameBox& c) {
                state.transition.reset();
                state.camera.frame(c.box, state.viewportAspect);
            },
            [&](const AnimateCamera& c) {
                if (c.seconds <= 0.0f) {
                    state.camera.pose = c.pose;
                    state.transition.reset();
                } else {
                    state.transition = CameraTransition{state.camera.pose, c.pose, -1.0, c.seconds};
                }
            },
            [&](const SetShellFlag&) {}, // the shell's, applied above
            [&](const ToggleShellFlag&) {},
            [&](const SetUiScale&) {},
            [&](const SetPresentationScale&) {},
            [&](const SetPresentationMonitor&) {},
            [&](const SetTheme&) {},
            [&](const Quit&) {},
        },
        command);
    view.camera = state.camera.pose;
}

bool advanceCamera(AppState& state, double now) {
    if (!state.transition)
        return false;
    auto& t = *state.transition;
    if (t.start < 0.0)
        t.start = now;
    float u = static_cast<float>((now - t.start) / std::max(1e-3f, t.seconds));
    state.view.camera = interpolate(t.from, t.to, u);
    state.camera.pose = state.view.camera;
    if (u >= 1.0f) {
        state.transition.reset();
        return false;
    }
    return true;
}

void applyAll(AppState& state, const anatomy::Body& body, const Commands& commands) {
    for (const auto& c : commands.list())
        apply(state, body, c);
}

ShellState shellAfter(ShellState shell, const Commands& commands) {
    for (const auto& c : commands.list())
        (void)applyShell(shell, c);
    return shell;
}

} // namespace myoatlas::scene
