#pragma once
// The view frustum of a projection * view matrix as six planes, for culling what the camera cannot see.
#include "geometry/mesh.h"

#include <array>
#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

namespace myoatlas::geometry {

class Frustum {
public:
    // From a clip-from-world matrix (OpenGL clip space, -w <= x, y, z <= w).
    explicit Frustum(const glm::mat4& viewProj);
    // False only when the box lies wholly outside one plane: conservative (a box near a corner may pass).
    [[nodiscard]] bool intersects(const Aabb& box) const;

private:
    std::array<glm::vec4, 6> planes_; // inside where dot(plane.xyz, p) + plane.w >= 0
};

} // namespace myoatlas::geometry
