#pragma once
// Everything that decides what the body looks like on screen: camera, layers, selection, what is shown.
// A lesson step stores one of these; the renderer reads it.
#include "anatomy/body.h"
#include "scene/camera.h"

#include <array>
#include <cstdint>
#include <glm/vec3.hpp>
#include <string>
#include <vector>

namespace myoatlas::scene {

struct LayerSetting {
    bool visible = true;
    float opacity = 1.0f; // < 1 draws the layer translucent (order-independent transparency)
    [[nodiscard]] bool operator==(const LayerSetting&) const = default;
};

// A trigger point shown with its referred-pain heat map: atlas id ("TRAPU-TP1") and the subject's side.
struct TriggerPointRef {
    std::string id;
    std::string side = "right";
    [[nodiscard]] bool operator==(const TriggerPointRef&) const = default;
};

struct TechniqueRef {
    std::string id;     // atlas technique id; empty = none
    std::string target; // muscle id or trigger point id
    std::string side = "right";
    int step = 0;
    std::string variant; // one of the technique's variants; empty = its standard sequence
    [[nodiscard]] bool operator==(const TechniqueRef&) const = default;
};

struct ViewState {
    CameraPose camera;
    std::array<LayerSetting, anatomy::kLayerCount> layers = defaultLayers();
    int peel = 0;                    // layers with index < peel are hidden (outside-in)
    std::vector<uint32_t> selection; // structure indices, in selection order
    std::vector<uint32_t> hidden;    // structures hidden one by one
    std::vector<uint32_t> isolated;  // when not empty, only these are drawn
    std::string caption;
    // Teaching content shown on the body (each drawn by its feature; a lesson step stores all of it).
    std::vector<TriggerPointRef> triggerPoints; // heat maps shown, combined
    float heatTime = -1.0f;                     // < 0: live animation; >= 0: frozen at this time (seconds)
    std::vector<glm::vec3> painPoints;          // "it hurts here" marks on the skin, for the reverse lookup
    std::vector<std::string> lines;             // Anatomy Trains lines shown, e.g. "SBL", "LL_left"
    TechniqueRef technique;

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
