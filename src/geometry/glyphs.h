#pragma once
// Simple, clear 3D glyphs for the technique player, built on the CPU: arrows, the hand or tool at a contact, the
// contact ring, and patches of a surface (endangerment sites painted on the skin). All meshes carry outward normals.
// A glyph is placed in a contact frame: origin on the skin, `normal` outward, `axis` tangent to the skin (the
// tool's length, or the direction it moves in).
#include "geometry/mesh.h"

#include <cstdint>
#include <glm/vec3.hpp>
#include <span>
#include <string_view>

namespace myoatlas::geometry {

enum class GlyphKind : uint8_t { Hand, Thumb, Fingertips, Ball, Roller, Cup, Scraper, Stick, Gun, Stone, Needle };

struct GlyphFrame {
    glm::vec3 origin{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f}; // outward, unit
    glm::vec3 axis{1.0f, 0.0f, 0.0f};   // tangent, unit (made orthogonal to normal)
};

// An ellipsoid with half-axes a, b, c (vectors: direction and length), centred at `centre`.
[[nodiscard]] Mesh ellipsoid(const glm::vec3& centre, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                             int rings = 12, int segments = 18);
// A cylinder (or cone frustum) from `base` to `top`, radii r0 at the base, r1 at the top; caps optional.
[[nodiscard]] Mesh frustum(const glm::vec3& base, const glm::vec3& top, float r0, float r1, bool capBase = true,
                           bool capTop = true, int sides = 20);
// A ring lying in the plane of `normal`: torus of major radius R and tube radius r.
[[nodiscard]] Mesh torus(const glm::vec3& centre, const glm::vec3& normal, float R, float r, int segments = 32,
                         int sides = 8);
// A straight arrow whose tip is at `to`: a shaft and a cone head (head length ~ 3.5 shaft diameters, at most
// 40% of the arrow). Empty when from == to.
[[nodiscard]] Mesh arrow(const glm::vec3& from, const glm::vec3& to, float shaftRadius, int sides = 16);
// A cone head only, tip at `tip`, pointing along `direction`.
[[nodiscard]] Mesh arrowHead(const glm::vec3& tip, const glm::vec3& direction, float radius, float length,
                             int sides = 16);
// Two heads on one shaft: pointing apart (outward = true, lengthening) or toward the middle (shortening).
[[nodiscard]] Mesh doubleArrow(const glm::vec3& a, const glm::vec3& b, float shaftRadius, bool outward = true);

// The hand or tool resting on the skin at the frame's origin. Sizes are those of an adult hand and common tools.
[[nodiscard]] Mesh glyph(GlyphKind kind, const GlyphFrame& frame);
// The largest distance of the glyph from the contact along the skin (where an arrow beside it can go).
[[nodiscard]] float glyphFootprint(GlyphKind kind);

// The triangles of `surface` within `radius` of any seed (by their centroid), lifted `lift` along the vertex
// normals: a region painted on a surface.
[[nodiscard]] Mesh surfacePatch(const Mesh& surface, std::span<const glm::vec3> seeds, float radius, float lift);

} // namespace myoatlas::geometry
