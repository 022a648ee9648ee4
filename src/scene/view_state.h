#pragma once
// Everything that decides what the body looks like on screen: camera, layers, selection, what is shown.
// A lesson step stores one of these; the renderer reads it.
#include "anatomy/body.h"
#include "scene/camera.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace myoatlas::scene {

struct LayerSetting {
    bool visible = true;
    float opacity = 1.0f; // < 1 draws the layer translucent (order-independent transparency)
    [[nodiscard]] bool operator==(const LayerSetting&) const = default;
};

struct ViewState {
    CameraPose camera;
    std::array<LayerSetting, anatomy::kLayerCount> layers = defaultLayers();
    int peel = 0;                     // layers with index < peel are hidden (outside-in)
    std::vector<uint32_t> selection;  // structure indices, in selection order
    std::vector<uint32_t> hidden;     // structures hidden one by one
    std::vector<uint32_t> isolated;   // when not empty, only these are drawn
    std::string caption;

    [[nodiscard]] static std::array<LayerSetting, anatomy::kLayerCount> defaultLayers();
    [[nodiscard]] bool isSelected(uint32_t s) const;
    // Effective visibility and opacity of one structure, folding in layer, peel, hide and isolate.
    [[nodiscard]] bool isVisible(const anatomy::Body& body, uint32_t s) const;
    [[nodiscard]] float opacity(const anatomy::Body& body, uint32_t s) const;
    [[nodiscard]] bool layerShown(anatomy::Layer layer) const;
    [[nodiscard]] bool operator==(const ViewState&) const = default;
};

// A whole muscle's parts when the structure belongs to a group, else just the structure.
[[nodiscard]] std::vector<uint32_t> wholeOf(const anatomy::Body& body, uint32_t s);
// Bounds of a set of structures.
[[nodiscard]] geometry::Aabb boundsOf(const anatomy::Body& body, const std::vector<uint32_t>& structures);

} // namespace myoatlas::scene
