#include "scene/picker.h"

namespace myoatlas::scene {

Picker::Picker(const anatomy::Body& body) : body_(body) {
    std::vector<const geometry::Mesh*> meshes;
    meshes.reserve(body.size());
    for (const auto& m : body.meshes)
        meshes.push_back(&m);
    bvh_.build(meshes);
}

std::optional<Pick> Picker::pick(const geometry::Ray& ray, const ViewState& view, float minOpacity) const {
    std::vector<uint8_t> mask(body_.size(), 0);
    bool any = false;
    for (uint32_t s = 0; s < body_.size(); ++s) {
        mask[s] = view.isVisible(body_, s) && view.opacity(body_, s) >= minOpacity;
        any = any || mask[s];
    }
    if (!any)
        return std::nullopt;
    auto hit = bvh_.intersect(ray, std::numeric_limits<float>::infinity(), mask);
    if (!hit.hit)
        return std::nullopt;
    return Pick{hit.mesh, hit.point, body_.meshes[hit.mesh].triangleNormal(hit.triangle), hit.t};
}

std::optional<Pick> Picker::pickStructure(const geometry::Ray& ray, uint32_t structure) const {
    std::vector<uint8_t> mask(body_.size(), 0);
    if (structure >= body_.size())
        return std::nullopt;
    mask[structure] = 1;
    auto hit = bvh_.intersect(ray, std::numeric_limits<float>::infinity(), mask);
    if (!hit.hit)
        return std::nullopt;
    return Pick{hit.mesh, hit.point, body_.meshes[hit.mesh].triangleNormal(hit.triangle), hit.t};
}

} // namespace myoatlas::scene
