#pragma once
// Connectivity of triangle soups: welding vertices that glTF split at normal seams, connected components, and an
// edge census (boundary / non-manifold edges, degenerate triangles) for diagnostics.
#include "geometry/mesh.h"

#include <cstdint>
#include <span>
#include <vector>

namespace myoatlas::geometry {

// The result of welding: a shared-vertex mesh plus the map from the original vertices to the welded ones.
struct WeldedMesh {
    std::vector<glm::vec3> positions; // one per welded vertex (the first original vertex's position)
    std::vector<uint32_t> indices;    // triangle list on welded vertices; triangles that collapsed are dropped
    std::vector<uint32_t> weldedOf;   // original vertex -> welded vertex
    std::vector<uint32_t> triangleOf; // welded triangle -> original triangle
    size_t collapsedTriangles = 0;    // triangles dropped because two corners welded together

    [[nodiscard]] size_t vertexCount() const { return positions.size(); }
    [[nodiscard]] size_t triangleCount() const { return indices.size() / 3; }
};

// Merges vertices closer than `tolerance` (metres). Deterministic: each welded vertex takes the position of the
// lowest-numbered original vertex in its cluster, and welded ids follow the order of first appearance.
[[nodiscard]] WeldedMesh weldByPosition(std::span<const glm::vec3> positions, std::span<const uint32_t> indices,
                                        float tolerance = 1e-6f);
[[nodiscard]] WeldedMesh weldByPosition(const Mesh& mesh, float tolerance = 1e-6f);

struct Components {
    std::vector<uint32_t> componentOf; // vertex -> component id; ids are dense, ordered by lowest vertex
    uint32_t count = 0;
};

// Components of the vertex graph given by the triangles. A vertex used by no triangle is a component of its own.
[[nodiscard]] Components connectedComponents(size_t vertexCount, std::span<const uint32_t> indices);

// Triangles of the OUTER surface of a thin double-walled shell. BodyParts3D's skin is one: an outer wall and an inner
// wall ~2 mm beneath it (same orientation, normals outward), joined at the eye openings; half its area faces the
// body's inside, and a point a few mm under the skin is nearer the inner wall than the outer. A vertex is on an inner
// wall when a ray along its normal (either way) meets, within `wallThickness`, a surface from behind: the wall just
// outside it. Kept: triangles with no inner corner, minus crumbs (pieces under 1% of the largest) the cut strands.
// Meshes without such a wall (grids, spheres, a body part facing another body part across a gap) keep every triangle.
// Returns one flag per triangle.
[[nodiscard]] std::vector<uint8_t> outerShellTriangles(const Mesh& mesh, float wallThickness = 0.005f);

struct TopologyReport {
    size_t vertices = 0;
    size_t triangles = 0;
    size_t edges = 0;
    size_t boundaryEdges = 0;               // used by one triangle
    size_t nonManifoldEdges = 0;            // used by three or more triangles
    size_t degenerateTriangles = 0;         // repeated corner or (near) zero area
    size_t isolatedVertices = 0;            // in no triangle
    uint32_t components = 0;                // components with at least one triangle
    std::vector<size_t> componentTriangles; // triangle count per component, largest first
};

// Edge census of an indexed mesh (run it on a welded mesh: on the raw glTF mesh every seam is a boundary).
[[nodiscard]] TopologyReport analyzeTopology(std::span<const glm::vec3> positions, std::span<const uint32_t> indices);

} // namespace myoatlas::geometry
