#include "geometry/frustum.h"

#include <glm/geometric.hpp>

namespace myoatlas::geometry {

Frustum::Frustum(const glm::mat4& m) {
    // Gribb-Hartmann: each plane is the fourth row plus or minus one of the first three (glm is column-major).
    auto row = [&](int r) { return glm::vec4(m[0][r], m[1][r], m[2][r], m[3][r]); };
    const glm::vec4 w = row(3);
    for (int axis = 0; axis < 3; ++axis) {
        planes_[static_cast<size_t>(axis * 2)] = w + row(axis);
        planes_[static_cast<size_t>(axis * 2 + 1)] = w - row(axis);
    }
    for (auto& p : planes_) {
        float len = glm::length(glm::vec3(p));
        if (len > 0.0f)
            p /= len;
    }
}

bool Frustum::intersects(const Aabb& box) const {
    if (!box.valid())
        return false;
    for (const auto& p : planes_) {
        // The box corner furthest along the plane's normal: if even it is outside, the whole box is.
        glm::vec3 far(p.x >= 0.0f ? box.max.x : box.min.x, p.y >= 0.0f ? box.max.y : box.min.y,
                      p.z >= 0.0f ? box.max.z : box.min.z);
        if (glm::dot(glm::vec3(p), far) + p.w < 0.0f)
            return false;
    }
    return true;
}

} // namespace myoatlas::geometry
