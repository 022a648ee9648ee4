#include "scene/view_state.h"

#include <algorithm>

namespace myoatlas::scene {
using anatomy::Layer;

std::array<LayerSetting, anatomy::kLayerCount> ViewState::defaultLayers() {
    std::array<LayerSetting, anatomy::kLayerCount> l{};
    l[index(Layer::Skin)] = {true, 0.18f}; // faded skin over the muscles: the body reads as a body
    l[index(Layer::Fascia)] = {false, 0.5f};
    l[index(Layer::SuperficialMuscle)] = {true, 1.0f};
    l[index(Layer::DeepMuscle)] = {true, 1.0f};
    l[index(Layer::Bone)] = {true, 1.0f};
    l[index(Layer::Connective)] = {true, 1.0f};
    return l;
}

bool ViewState::isSelected(uint32_t s) const {
    return std::find(selection.begin(), selection.end(), s) != selection.end();
}

bool ViewState::layerShown(Layer layer) const {
    return layers[index(layer)].visible && static_cast<int>(index(layer)) >= peel &&
           layers[index(layer)].opacity > 0.0f;
}

bool ViewState::isVisible(const anatomy::Body& body, uint32_t s) const {
    if (!isolated.empty())
        return std::find(isolated.begin(), isolated.end(), s) != isolated.end();
    if (std::find(hidden.begin(), hidden.end(), s) != hidden.end())
        return false;
    return layerShown(body.structures[s].layer);
}

float ViewState::opacity(const anatomy::Body& body, uint32_t s) const {
    if (!isolated.empty())
        return 1.0f;
    return layers[index(body.structures[s].layer)].opacity;
}

std::vector<uint32_t> wholeOf(const anatomy::Body& body, uint32_t s) {
    int g = body.structures[s].group;
    if (g < 0)
        return {s};
    return body.groups[static_cast<size_t>(g)].members;
}

geometry::Aabb boundsOf(const anatomy::Body& body, const std::vector<uint32_t>& structures) {
    geometry::Aabb b;
    for (uint32_t s : structures)
        b.expand(body.structures[s].bounds);
    return b;
}

} // namespace myoatlas::scene
