#include "geometry/glyphs.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/trigonometric.hpp>

namespace myoatlas::geometry {
namespace {

// Any unit vector perpendicular to n.
glm::vec3 perpendicular(const glm::vec3& n) {
    glm::vec3 a = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    return glm::normalize(glm::cross(n, a));
}

// Counter-clockwise triangles seen from outside: flips any triangle whose winding disagrees with its normals.
void orientOutward(Mesh& m) {
    for (size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        uint32_t a = m.indices[t], b = m.indices[t + 1], c = m.indices[t + 2];
        glm::vec3 face = glm::cross(m.positions[b] - m.positions[a], m.positions[c] - m.positions[a]);
        if (glm::dot(face, m.normals[a] + m.normals[b] + m.normals[c]) < 0.0f)
            std::swap(m.indices[t + 1], m.indices[t + 2]);
    }
}

struct Basis {
    glm::vec3 u, v, w; // axis, side, normal
};

Basis basisOf(const GlyphFrame& f) {
    glm::vec3 w = glm::normalize(f.normal);
    glm::vec3 u = f.axis - glm::dot(f.axis, w) * w;
    u = glm::length(u) > 1e-6f ? glm::normalize(u) : perpendicular(w);
    return {u, glm::cross(w, u), w};
}

// A capsule-like finger: an ellipsoid from `root` to `tip` with the given radius.
Mesh segment(const glm::vec3& root, const glm::vec3& tip, float radius) {
    glm::vec3 d = tip - root;
    float len = glm::length(d);
    glm::vec3 a = d * 0.5f;
    glm::vec3 dir = len > 1e-6f ? d / len : glm::vec3(0, 0, 1);
    glm::vec3 p = perpendicular(dir);
    glm::vec3 q = glm::cross(dir, p);
    return ellipsoid(root + a, a, p * radius, q * radius);
}

} // namespace

Mesh ellipsoid(const glm::vec3& centre, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, int rings,
               int segments) {
    Mesh m;
    auto inv = [](const glm::vec3& x) {
        float l2 = glm::dot(x, x);
        return l2 > 0.0f ? x / l2 : glm::vec3(0.0f);
    };
    glm::vec3 ia = inv(a), ib = inv(b), ic = inv(c);
    for (int r = 0; r <= rings; ++r) {
        float th = glm::pi<float>() * r / rings;
        for (int s = 0; s <= segments; ++s) {
            float ph = glm::two_pi<float>() * s / segments;
            float x = std::sin(th) * std::cos(ph), y = std::sin(th) * std::sin(ph), z = std::cos(th);
            m.positions.push_back(centre + a * x + b * y + c * z);
            glm::vec3 n = ia * x + ib * y + ic * z;
            m.normals.push_back(glm::length(n) > 0.0f ? glm::normalize(n) : glm::vec3(0, 0, 1));
        }
    }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            uint32_t i0 = r * (segments + 1) + s, i1 = i0 + segments + 1;
            m.indices.insert(m.indices.end(), {i0, i1, i0 + 1, i0 + 1, i1, i1 + 1});
        }
    orientOutward(m);
    return m;
}

Mesh frustum(const glm::vec3& base, const glm::vec3& top, float r0, float r1, bool capBase, bool capTop, int sides) {
    Mesh m;
    glm::vec3 d = top - base;
    float len = glm::length(d);
    if (len < 1e-7f)
        return m;
    glm::vec3 axis = d / len, p = perpendicular(axis), q = glm::cross(axis, p);
    float slope = (r0 - r1) / len; // the side normal leans toward the narrow end
    for (int s = 0; s <= sides; ++s) {
        float a = glm::two_pi<float>() * s / sides;
        glm::vec3 radial = std::cos(a) * p + std::sin(a) * q;
        glm::vec3 n = glm::normalize(radial + axis * slope);
        m.positions.push_back(base + radial * r0);
        m.normals.push_back(n);
        m.positions.push_back(top + radial * r1);
        m.normals.push_back(n);
    }
    for (int s = 0; s < sides; ++s) {
        uint32_t i = 2 * s;
        m.indices.insert(m.indices.end(), {i, i + 2, i + 1, i + 1, i + 2, i + 3});
    }
    auto cap = [&](const glm::vec3& c, float r, const glm::vec3& n) {
        if (r <= 0.0f)
            return;
        auto centre = static_cast<uint32_t>(m.positions.size());
        m.positions.push_back(c);
        m.normals.push_back(n);
        for (int s = 0; s <= sides; ++s) {
            float a = glm::two_pi<float>() * s / sides;
            m.positions.push_back(c + (std::cos(a) * p + std::sin(a) * q) * r);
            m.normals.push_back(n);
        }
        for (int s = 0; s < sides; ++s)
            m.indices.insert(m.indices.end(), {centre, centre + 1 + s, centre + 2 + s});
    };
    if (capBase)
        cap(base, r0, -axis);
    if (capTop)
        cap(top, r1, axis);
    orientOutward(m);
    return m;
}

Mesh torus(const glm::vec3& centre, const glm::vec3& normal, float R, float r, int segments, int sides) {
    Mesh m;
    glm::vec3 n = glm::normalize(normal), p = perpendicular(n), q = glm::cross(n, p);
    for (int i = 0; i <= segments; ++i) {
        float a = glm::two_pi<float>() * i / segments;
        glm::vec3 radial = std::cos(a) * p + std::sin(a) * q;
        for (int j = 0; j <= sides; ++j) {
            float b = glm::two_pi<float>() * j / sides;
            glm::vec3 dir = std::cos(b) * radial + std::sin(b) * n;
            m.positions.push_back(centre + radial * R + dir * r);
            m.normals.push_back(dir);
        }
    }
    for (int i = 0; i < segments; ++i)
        for (int j = 0; j < sides; ++j) {
            uint32_t a = i * (sides + 1) + j, b = a + sides + 1;
            m.indices.insert(m.indices.end(), {a, b, a + 1, a + 1, b, b + 1});
        }
    orientOutward(m);
    return m;
}

Mesh arrowHead(const glm::vec3& tip, const glm::vec3& direction, float radius, float length, int sides) {
    float len = glm::length(direction);
    if (len < 1e-7f)
        return {};
    glm::vec3 d = direction / len;
    return frustum(tip - d * length, tip, radius, 0.0f, true, false, sides);
}

Mesh arrow(const glm::vec3& from, const glm::vec3& to, float shaftRadius, int sides) {
    glm::vec3 d = to - from;
    float len = glm::length(d);
    if (len < 1e-6f)
        return {};
    glm::vec3 dir = d / len;
    float head = std::min(shaftRadius * 7.0f, len * 0.4f);
    Mesh m = frustum(from, to - dir * head, shaftRadius, shaftRadius, true, false, sides);
    m.append(arrowHead(to, dir, shaftRadius * 2.4f, head, sides));
    return m;
}

Mesh doubleArrow(const glm::vec3& a, const glm::vec3& b, float shaftRadius, bool outward) {
    glm::vec3 d = b - a;
    float len = glm::length(d);
    if (len < 1e-6f)
        return {};
    glm::vec3 dir = d / len;
    float head = std::min(shaftRadius * 7.0f, len * 0.3f);
    Mesh m;
    if (outward) {
        m = frustum(a + dir * head, b - dir * head, shaftRadius, shaftRadius, false, false);
        m.append(arrowHead(b, dir, shaftRadius * 2.4f, head));
        m.append(arrowHead(a, -dir, shaftRadius * 2.4f, head));
    } else { // heads meet near the middle, leaving a gap between their tips
        glm::vec3 mid = (a + b) * 0.5f;
        float gap = std::min(shaftRadius * 2.0f, len * 0.1f);
        m = frustum(a, mid - dir * (gap + head), shaftRadius, shaftRadius, true, false);
        m.append(frustum(b, mid + dir * (gap + head), shaftRadius, shaftRadius, true, false));
        m.append(arrowHead(mid - dir * gap, dir, shaftRadius * 2.4f, head));
        m.append(arrowHead(mid + dir * gap, -dir, shaftRadius * 2.4f, head));
    }
    return m;
}

float glyphFootprint(GlyphKind kind) {
    switch (kind) {
    case GlyphKind::Hand:
        return 0.11f;
    case GlyphKind::Thumb:
        return 0.05f;
    case GlyphKind::Fingertips:
        return 0.04f;
    case GlyphKind::Ball:
        return 0.035f;
    case GlyphKind::Roller:
        return 0.08f;
    case GlyphKind::Cup:
        return 0.03f;
    case GlyphKind::Scraper:
        return 0.045f;
    case GlyphKind::Stick:
        return 0.03f;
    case GlyphKind::Gun:
        return 0.03f;
    case GlyphKind::Stone:
        return 0.045f;
    case GlyphKind::Needle:
        return 0.012f;
    }
    return 0.05f;
}

Mesh glyph(GlyphKind kind, const GlyphFrame& frame) {
    auto [u, v, w] = basisOf(frame);
    const glm::vec3 o = frame.origin;
    Mesh m;
    switch (kind) {
    case GlyphKind::Hand: { // flat hand, palm on the skin, fingers along the axis, forearm rising behind
        m = ellipsoid(o + w * 0.014f, u * 0.048f, v * 0.042f, w * 0.013f);
        for (int i = 0; i < 4; ++i) {
            float side = -0.027f + 0.018f * static_cast<float>(i);
            float reach = i == 0 || i == 3 ? 0.065f : 0.078f;
            m.append(segment(o + u * 0.035f + v * side + w * 0.014f, o + u * (0.035f + reach) + v * side + w * 0.009f,
                             0.0085f));
        }
        m.append(segment(o + u * 0.01f + v * 0.04f + w * 0.014f, o + u * 0.05f + v * 0.075f + w * 0.01f, 0.0095f));
        m.append(segment(o - u * 0.04f + w * 0.025f, o - u * 0.14f + w * 0.12f, 0.028f));
        break;
    }
    case GlyphKind::Thumb: { // thumb tip on the point, fist above it
        glm::vec3 dir = glm::normalize(w * 0.94f - u * 0.34f);
        m = segment(o + dir * 0.002f, o + dir * 0.062f, 0.0115f);
        m.append(ellipsoid(o + dir * 0.075f + w * 0.02f - u * 0.03f, u * 0.045f, v * 0.036f, w * 0.04f));
        m.append(segment(o + dir * 0.09f + w * 0.04f - u * 0.05f, o - u * 0.15f + w * 0.17f, 0.028f));
        break;
    }
    case GlyphKind::Fingertips: { // index finger reinforced by the middle finger on top, the hand lying back
        glm::vec3 dir = glm::normalize(w * 0.5f - u * 0.87f);
        m = segment(o + dir * 0.002f, o + dir * 0.08f, 0.0085f);
        m.append(segment(o + dir * 0.014f + w * 0.016f - u * 0.004f, o + dir * 0.09f + w * 0.016f, 0.0085f));
        m.append(ellipsoid(o + dir * 0.12f + w * 0.01f, dir * 0.045f, v * 0.035f, glm::cross(dir, v) * 0.015f));
        break;
    }
    case GlyphKind::Ball:
        m = ellipsoid(o + w * 0.032f, u * 0.032f, v * 0.032f, w * 0.032f, 16, 24);
        break;
    case GlyphKind::Roller: { // axis across the rolling direction
        const float R = 0.075f, half = 0.15f;
        glm::vec3 c = o + w * R;
        m = frustum(c - v * half, c + v * half, R, R, true, true, 32);
        break;
    }
    case GlyphKind::Cup: { // open rim on the skin, bell and pump knob above
        m = frustum(o + w * 0.001f, o + w * 0.038f, 0.025f, 0.021f, false, false, 28);
        m.append(ellipsoid(o + w * 0.038f, u * 0.021f, v * 0.021f, w * 0.014f, 10, 28));
        m.append(frustum(o + w * 0.05f, o + w * 0.068f, 0.006f, 0.006f, false, true, 12));
        break;
    }
    case GlyphKind::Scraper: { // smooth-edged plate held at about 30 degrees to the skin, edge on the skin
        const float angle = glm::radians(30.0f);
        glm::vec3 p = glm::normalize(-u * std::cos(angle) + w * std::sin(angle)); // from the edge into the plate
        glm::vec3 thick = glm::normalize(glm::cross(v, p));
        m = ellipsoid(o + p * 0.03f + w * 0.002f, p * 0.03f, v * 0.045f, thick * 0.004f, 10, 24);
        break;
    }
    case GlyphKind::Stick: { // a thin rod across the rolling direction, a handle at each end
        const float r = 0.014f, half = 0.11f;
        glm::vec3 c = o + w * r;
        m = frustum(c - v * half, c + v * half, r, r, true, true, 24);
        m.append(frustum(c + v * half, c + v * (half + 0.06f), 0.011f, 0.011f, false, true, 16));
        m.append(frustum(c - v * (half + 0.06f), c - v * half, 0.011f, 0.011f, true, false, 16));
        break;
    }
    case GlyphKind::Gun: { // round head on the skin, shaft along the normal, body and handle above
        m = ellipsoid(o + w * 0.011f, u * 0.011f, v * 0.011f, w * 0.011f, 10, 16);
        m.append(frustum(o + w * 0.02f, o + w * 0.05f, 0.005f, 0.005f, false, false, 12));
        m.append(frustum(o + w * 0.05f - u * 0.03f, o + w * 0.05f + u * 0.09f, 0.022f, 0.022f, true, true, 20));
        m.append(frustum(o + w * 0.06f + u * 0.06f, o + w * 0.15f + u * 0.075f, 0.014f, 0.014f, true, true, 14));
        break;
    }
    case GlyphKind::Stone: // a smooth, flat oval stone lying on the skin
        m = ellipsoid(o + w * 0.012f, u * 0.04f, v * 0.028f, w * 0.012f, 10, 24);
        break;
    case GlyphKind::Needle: { // a fine needle entering along the inward normal, its handle outside the skin
        // Drawn thicker than a real needle (0.2-0.3 mm) so that it reads at the framed scale.
        m = frustum(o - w * 0.004f, o + w * 0.04f, 0.0012f, 0.0012f, true, false, 8);
        m.append(frustum(o + w * 0.04f, o + w * 0.07f, 0.003f, 0.003f, true, true, 12));
        break;
    }
    }
    return m;
}

Mesh surfacePatch(const Mesh& surface, std::span<const glm::vec3> seeds, float radius, float lift) {
    Mesh out;
    if (seeds.empty())
        return out;
    Aabb box;
    for (const auto& s : seeds)
        box.expand(s);
    box.min -= glm::vec3(radius);
    box.max += glm::vec3(radius);
    const float r2 = radius * radius;
    std::vector<int64_t> remap(surface.positions.size(), -1);
    bool hasNormals = surface.normals.size() == surface.positions.size();
    for (size_t t = 0; t + 2 < surface.indices.size(); t += 3) {
        const uint32_t* idx = &surface.indices[t];
        glm::vec3 c = (surface.positions[idx[0]] + surface.positions[idx[1]] + surface.positions[idx[2]]) / 3.0f;
        if (!box.contains(c))
            continue;
        bool near = false;
        for (const auto& s : seeds)
            if (glm::dot(c - s, c - s) <= r2) {
                near = true;
                break;
            }
        if (!near)
            continue;
        glm::vec3 fn = surface.triangleNormal(t / 3);
        for (int k = 0; k < 3; ++k) {
            uint32_t vi = idx[k];
            if (remap[vi] < 0) {
                remap[vi] = static_cast<int64_t>(out.positions.size());
                glm::vec3 n = hasNormals ? surface.normals[vi] : fn;
                out.positions.push_back(surface.positions[vi] + n * lift);
                out.normals.push_back(n);
            }
            out.indices.push_back(static_cast<uint32_t>(remap[vi]));
        }
    }
    return out;
}

} // namespace myoatlas::geometry
