#pragma once
// The long axis of a muscle and its medial centreline: how a fascial line runs THROUGH a muscle, and the fibre
// direction used for cross-fibre friction. A muscle may be several meshes (trapezius parts, gastrocnemius heads).
#include "geometry/mesh.h"

#include <array>
#include <glm/vec3.hpp>
#include <optional>
#include <span>
#include <vector>

namespace myoatlas::geometry {

class Bvh;

struct PrincipalAxes {
    glm::vec3 centroid{0.0f};
    std::array<glm::vec3, 3> axes{glm::vec3(1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(0, 0, 1)}; // unit, right-handed
    glm::vec3 variances{0.0f}; // eigenvalues, descending (axes[0] is the long axis)
    glm::vec3 extentMin{0.0f}; // per axis: the smallest projection of any input point onto it (from the centroid)
    glm::vec3 extentMax{0.0f}; // per axis: the largest one
    [[nodiscard]] float length() const { return extentMax.x - extentMin.x; } // along the long axis
};

// PCA of a point set (equal weights).
[[nodiscard]] PrincipalAxes principalAxes(std::span<const glm::vec3> points);
// PCA of the surface of the meshes, area weighted (exact second moments of the triangles), so the result does not
// depend on how densely a region is tessellated. Extents come from the vertices.
[[nodiscard]] PrincipalAxes principalAxes(std::span<const Mesh* const> meshes);

struct CentrelineOptions {
    int slices = 0;                     // bins along the axis; 0: one per sliceSpacing, clamped to [4, 64]
    float sliceSpacing = 0.015f;        // metres, used when slices == 0
    int refineIterations = 2;           // principal-curve passes: re-bin samples to the nearest centreline point
    int smoothIterations = 2;           // Laplacian passes over the interior centroids
    std::optional<glm::vec3> startNear; // when set, the centreline starts at the end nearest this point
};

struct MuscleCentreline {
    std::vector<glm::vec3> points; // from one tip of the muscle to the other through slice centroids
    PrincipalAxes axes;
    float length = 0.0f; // polyline length
};

// The medial centreline: area-weighted surface samples are binned into slices along the long axis and each slice
// is replaced by its centroid, so the polyline follows the muscle's interior; a few principal-curve passes let it
// follow a curved muscle. Each tip is the centroid of the 3% of the surface that reaches furthest beyond the end
// slice along the centreline's end direction (the tendon end of a fusiform muscle).
[[nodiscard]] MuscleCentreline muscleCentreline(std::span<const Mesh* const> meshes,
                                                const CentrelineOptions& options = {});
[[nodiscard]] MuscleCentreline muscleCentreline(const Mesh& mesh, const CentrelineOptions& options = {});

// Reverses the centreline when its last point is nearer `start` than its first.
void orderFrom(MuscleCentreline& centreline, const glm::vec3& start);

// Fibre direction estimate at p: the centreline tangent at the closest centreline point (unit; the sign follows
// the centreline's order). For fusiform and strap muscles this is the fibre direction; for pennate and fan-shaped
// muscles it is the line of pull, a first approximation.
[[nodiscard]] glm::vec3 fibreDirectionAt(const MuscleCentreline& centreline, const glm::vec3& p);

// Per vertex fibre direction on the muscle's surface: the centreline tangent projected into the vertex's tangent
// plane and normalised (falls back to the raw tangent where the two are parallel). Needs mesh.normals.
[[nodiscard]] std::vector<glm::vec3> surfaceFibreDirections(const Mesh& mesh, const MuscleCentreline& centreline);

// Whether p is inside the closed surface(s) in the BVH (mask as in Bvh::intersect): counts crossings along a ray,
// voting over three skewed directions so a ray grazing an edge does not decide alone.
[[nodiscard]] bool insideClosedSurface(const Bvh& bvh, const glm::vec3& p, std::span<const uint8_t> meshMask = {});

} // namespace myoatlas::geometry
