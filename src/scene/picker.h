#pragma once
// Picking on the CPU: a ray against a BVH over every structure, skipping what is hidden or faded.
#include "anatomy/body.h"
#include "geometry/bvh.h"
#include "scene/view_state.h"

#include <optional>

namespace myoatlas::scene {

struct Pick {
    uint32_t structure = 0;
    glm::vec3 point{0.0f};
    glm::vec3 normal{0.0f};
    float distance = 0.0f;
};

class Picker {
public:
    explicit Picker(const anatomy::Body& body); // builds the BVH (about a second for the whole body)

    // Nearest visible structure along the ray. Layers fainter than `minOpacity` are clicked through, so a
    // faded skin does not swallow clicks meant for the muscles under it.
    [[nodiscard]] std::optional<Pick> pick(const geometry::Ray& ray, const ViewState& view,
                                           float minOpacity = 0.5f) const;
    // Nearest hit on one structure only (e.g. the skin, for painting pain).
    [[nodiscard]] std::optional<Pick> pickStructure(const geometry::Ray& ray, uint32_t structure) const;

private:
    const anatomy::Body& body_;
    geometry::Bvh bvh_;
};

} // namespace myoatlas::scene
