#include "anatomy/body.h"

#include <algorithm>

namespace myoatlas::anatomy {

std::optional<uint32_t> Body::findByName(std::string_view name) const {
    for (uint32_t i = 0; i < structures.size(); ++i)
        if (structures[i].name == name)
            return i;
    return std::nullopt;
}

std::optional<uint32_t> Body::findByFj(std::string_view fj) const {
    for (uint32_t i = 0; i < structures.size(); ++i)
        if (structures[i].fj == fj)
            return i;
    return std::nullopt;
}

std::vector<uint32_t> Body::findByFma(std::string_view fma) const {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < structures.size(); ++i)
        if (structures[i].fma == fma)
            out.push_back(i);
    return out;
}

std::optional<uint32_t> Body::skin() const {
    for (uint32_t i = 0; i < structures.size(); ++i)
        if (structures[i].fma == "FMA7163")
            return i;
    return std::nullopt;
}

geometry::Aabb Body::bounds() const {
    geometry::Aabb b;
    for (const auto& s : structures)
        b.expand(s.bounds);
    return b;
}

size_t Body::triangleCount() const {
    size_t n = 0;
    for (const auto& m : meshes)
        n += m.triangleCount();
    return n;
}

size_t Body::countInLayer(Layer layer) const {
    return static_cast<size_t>(
        std::count_if(structures.begin(), structures.end(), [&](const Structure& s) { return s.layer == layer; }));
}

size_t Body::countInCategory(Category category) const {
    return static_cast<size_t>(std::count_if(structures.begin(), structures.end(),
                                             [&](const Structure& s) { return s.category == category; }));
}

void Body::updateBounds() {
    for (size_t i = 0; i < structures.size() && i < meshes.size(); ++i)
        structures[i].bounds = meshes[i].bounds();
}

} // namespace myoatlas::anatomy
