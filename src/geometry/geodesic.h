#pragma once
// Geodesic distance on a triangle mesh with the heat method (Crane, Weischedel, Wardetzky 2013): one backward-Euler
// heat step from the sources, normalise the gradient, and one Poisson solve. Both sparse systems are factored once
// (Eigen SimplicialLDLT), so a query is four triangular solves plus two passes over the triangles.
//
// Robustness, because the skin mesh is real data:
// - vertices that glTF split at normal seams are welded by position first (distances are reported per ORIGINAL
//   vertex through the weld map), so distance flows across seams;
// - the operators use intrinsic edge lengths, "mollified" by a tiny constant (Sharp & Crane 2020, "A Laplacian for
//   nonmanifold triangle meshes") so near-degenerate triangles give finite cotangents; triangles whose corners weld
//   together are dropped; non-manifold edges need nothing special in this finite-element assembly;
// - the Poisson operator is pinned at one vertex per connected component, and distances never leak between
//   components: a component without a source reports +infinity;
// - a closed double-walled shell (the BodyParts3D skin: outer and inner wall 2 mm apart) keeps only its outer wall,
//   so points under the skin snap to the visible surface and areas are the visible skin's; inner-wall vertices
//   report +infinity and zero area.
#include "geometry/mesh.h"
#include "geometry/mesh_topology.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace myoatlas::geometry {

struct GeodesicOptions {
    float weldTolerance = 1e-6f;   // metres; vertices closer than this are one vertex for the operators
    double timeScale = 1.0;        // heat time t = timeScale * h^2, h = mean (welded) edge length
    double mollifyRelative = 1e-6; // triangle-inequality margin, relative to h
    bool intrinsicDelaunay = true; // flip to an intrinsic Delaunay triangulation before building the operators
    bool outerShellOnly = true;    // drop the inner wall of a double-walled shell (outerShellTriangles)
    float shellWall = 0.005f;      // metres; the thickest shell wall outerShellTriangles looks for
};

// A point on the mesh surface: an original triangle and barycentric weights of its three corners.
struct SurfacePoint {
    bool found = false;
    uint32_t triangle = 0;
    glm::vec3 barycentric{1.0f, 0.0f, 0.0f};
    glm::vec3 point{0.0f};
    float distance = 0.0f; // from the query point
};

class GeodesicSolver {
public:
    // Welds, builds the cotangent Laplacian and lumped mass matrix, and factors (M + tL) and the pinned L.
    // Throws core::Error when the mesh has no triangles or a factorisation fails.
    explicit GeodesicSolver(const Mesh& mesh, const GeodesicOptions& options = {});
    ~GeodesicSolver();
    GeodesicSolver(GeodesicSolver&&) noexcept;
    GeodesicSolver& operator=(GeodesicSolver&&) noexcept;
    GeodesicSolver(const GeodesicSolver&) = delete;
    GeodesicSolver& operator=(const GeodesicSolver&) = delete;

    // Geodesic distance (metres) from the nearest of the source vertices (original vertex ids), one value per
    // original vertex; +infinity on components that hold no source and on unused (inner-wall) vertices. A source on
    // an unused vertex moves to the nearest used one. Throws std::out_of_range for a bad id.
    // Queries are const and keep no scratch state: one solver may serve several threads.
    [[nodiscard]] std::vector<float> distances(std::span<const uint32_t> sourceVertices) const;
    // Several independent fields at once (one per source set): the triangular solves share each pass over the
    // factors, which is markedly cheaper than separate calls.
    [[nodiscard]] std::vector<std::vector<float>> distances(std::span<const std::vector<uint32_t>> sourceSets) const;

    // Closest point on the surface to p, and the original vertex nearest to p among that triangle's corners.
    [[nodiscard]] SurfacePoint closestPoint(const glm::vec3& p) const;
    [[nodiscard]] uint32_t nearestVertex(const glm::vec3& p) const;
    // Barycentric interpolation of a per-original-vertex field at a surface point.
    [[nodiscard]] float interpolate(std::span<const float> perVertex, const SurfacePoint& at) const;

    [[nodiscard]] size_t vertexCount() const;       // original vertices
    [[nodiscard]] size_t weldedVertexCount() const; // after welding
    [[nodiscard]] uint32_t weldedOf(uint32_t vertex) const;
    [[nodiscard]] uint32_t componentOf(uint32_t vertex) const; // connected component of an original vertex
    [[nodiscard]] uint32_t componentCount() const;             // components with triangles on the used surface
    [[nodiscard]] size_t surfaceTriangleCount() const;         // original triangles the operators use (outer shell)
    // Lumped (1/3 of each used triangle) per original vertex, and their sum: the used surface's area.
    [[nodiscard]] std::span<const float> vertexAreas() const;
    [[nodiscard]] double totalArea() const;
    [[nodiscard]] double meanEdgeLength() const;
    [[nodiscard]] double heatTime() const;
    [[nodiscard]] size_t intrinsicFlips() const;          // edges flipped to reach an intrinsic Delaunay triangulation
    [[nodiscard]] const TopologyReport& topology() const; // of the welded mesh
    [[nodiscard]] std::span<const glm::vec3> positions() const; // original
    [[nodiscard]] std::span<const uint32_t> indices() const;    // original

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace myoatlas::geometry
