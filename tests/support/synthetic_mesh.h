#pragma once
// Synthetic meshes for the render baselines (nothing derived from the body data is committed). The vertex
// order is part of the baselines: changing it changes the pictures.
#include "geometry/mesh.h"

#include <cmath>
#include <glm/gtc/constants.hpp>

namespace myoatlas::test {

// A UV ellipsoid, triangles counter-clockwise seen from outside, area-weighted normals.
inline geometry::Mesh uvEllipsoid(glm::vec3 centre, glm::vec3 radii, int rings = 24, int segments = 32) {
    geometry::Mesh m;
    for (int r = 0; r <= rings; ++r) {
        float v = glm::pi<float>() * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s <= segments; ++s) {
            float u = glm::two_pi<float>() * static_cast<float>(s) / static_cast<float>(segments);
            glm::vec3 n(std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u));
            m.positions.push_back(centre + n * radii);
        }
    }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            auto a = static_cast<uint32_t>(r * (segments + 1) + s), b = a + static_cast<uint32_t>(segments + 1);
            m.indices.insert(m.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
    m.computeNormals();
    return m;
}

} // namespace myoatlas::test
