#include "scene/app_state.h"

#include <algorithm>

namespace myoatlas::scene {
namespace {
template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

void addUnique(std::vector<uint32_t>& v, uint32_t x) {
    if (std::find(v.begin(), v.end(), x) == v.end())
        v.push_back(x);
}
} // namespace

void apply(AppState& state, const anatomy::Body& body, const Command& command) {
    ViewState& view = state.view;
    state.camera.pose = view.camera;
    std::visit(Overloaded{
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
                   [&](const SetLayerOpacity& c) {
                       view.layers[index(c.layer)].opacity = std::clamp(c.opacity, 0.0f, 1.0f);
                   },
                   [&](const SetPeel& c) {
                       view.peel = std::clamp(c.peel, 0, static_cast<int>(anatomy::kLayerCount) - 1);
                   },
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
                       auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
                       state.camera.setView(c.view, box, state.viewportAspect);
                   },
                   [&](const FrameSelection&) {
                       if (!view.selection.empty())
                           state.camera.frame(boundsOf(body, view.selection), state.viewportAspect);
                   },
                   [&](const FrameBody&) {
                       auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
                       state.camera.frame(box, state.viewportAspect);
                   },
                   [&](const ResetLayers&) {
                       view.layers = ViewState::defaultLayers();
                       view.peel = 0;
                   },
               },
               command);
    view.camera = state.camera.pose;
}

void applyAll(AppState& state, const anatomy::Body& body, const Commands& commands) {
    for (const auto& c : commands.list())
        apply(state, body, c);
}

} // namespace myoatlas::scene
