#include "scene/overlay.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace myoatlas::scene {
namespace {

constexpr glm::vec4 kRimColor{0.06f, 0.06f, 0.08f, 1.0f};

void appendSphere(OverlayMesh& o, const glm::vec3& c, float r, const glm::vec4& color,
                  const glm::vec3& axis = glm::vec3(0.0f), float stretch = 1.0f) {
    const int rings = 10, segments = 16;
    const auto base = static_cast<uint32_t>(o.mesh.positions.size());
    for (int i = 0; i <= rings; ++i) {
        float v = glm::pi<float>() * static_cast<float>(i) / rings;
        for (int j = 0; j <= segments; ++j) {
            float u = glm::two_pi<float>() * static_cast<float>(j) / segments;
            glm::vec3 n(std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u));
            // Stretched along `axis`: the point moves, the normal shrinks along it (inverse transpose).
            const float along = glm::dot(n, axis);
            o.mesh.positions.push_back(c + (n + axis * (along * (stretch - 1.0f))) * r);
            glm::vec3 normal = n + axis * (along * (1.0f / stretch - 1.0f));
            o.mesh.normals.push_back(glm::length(normal) > 1e-6f ? glm::normalize(normal) : n);
            o.colors.push_back(color);
        }
    }
    for (int i = 0; i < rings; ++i)
        for (int j = 0; j < segments; ++j) {
            uint32_t a = base + static_cast<uint32_t>(i * (segments + 1) + j), b = a + segments + 1;
            o.mesh.indices.insert(o.mesh.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
}

// A ring lying in the surface's tangent plane around the marker: from the usual viewpoints (facing the surface)
// it reads as a dark rim, and needs no rebuild when the camera moves.
void appendRing(OverlayMesh& o, const glm::vec3& c, const glm::vec3& normal, float major, float minor,
                const glm::vec4& color) {
    glm::vec3 n = glm::normalize(normal);
    glm::vec3 t = glm::normalize(glm::cross(n, std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
    glm::vec3 b = glm::cross(n, t);
    const int around = 24, tube = 8;
    const auto base = static_cast<uint32_t>(o.mesh.positions.size());
    for (int i = 0; i <= around; ++i) {
        float u = glm::two_pi<float>() * static_cast<float>(i) / around;
        glm::vec3 radial = std::cos(u) * t + std::sin(u) * b;
        for (int j = 0; j <= tube; ++j) {
            float w = glm::two_pi<float>() * static_cast<float>(j) / tube;
            glm::vec3 dir = std::cos(w) * radial + std::sin(w) * n;
            o.mesh.positions.push_back(c + radial * major + dir * minor);
            o.mesh.normals.push_back(dir);
            o.colors.push_back(color);
        }
    }
    for (int i = 0; i < around; ++i)
        for (int j = 0; j < tube; ++j) {
            uint32_t a = base + static_cast<uint32_t>(i * (tube + 1) + j), bb = a + tube + 1;
            o.mesh.indices.insert(o.mesh.indices.end(), {a, bb, a + 1, a + 1, bb, bb + 1});
        }
}

} // namespace

void appendMarker(OverlayMesh& overlay, const glm::vec3& position, const glm::vec3& normal, float radius,
                  const glm::vec4& color) {
    appendSphere(overlay, position, radius, color);
    appendRing(overlay, position, normal, radius * 1.12f, radius * 0.34f, kRimColor);
}

void appendNodule(OverlayMesh& overlay, const glm::vec3& position, const glm::vec3& normal, const glm::vec3& fibre,
                  float radius, float elongation, const glm::vec4& color) {
    const glm::vec3 axis = glm::length(fibre) > 1e-6f ? glm::normalize(fibre) : glm::vec3(0.0f);
    appendSphere(overlay, position, radius, color, axis, std::max(elongation, 1.0f));
    appendRing(overlay, position, normal, radius * 1.1f, radius * 0.2f, kRimColor);
}

} // namespace myoatlas::scene
