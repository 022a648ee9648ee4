#pragma once
// A mesh cut into a few spatial pieces (clusters), each with a box that holds every one of its triangles at every
// level of detail: an occlusion test can then skip the hidden pieces of a structure that only partly shows (a rib
// cage's sheet behind the chest muscles), and its box is far tighter than the one around the whole mesh.
// GL-free, so the containment is unit-tested.
#include "geometry/mesh.h"

#include <cstdint>
#include <vector>

namespace myoatlas::geometry {

struct MeshClusters {
    std::vector<Aabb> boxes; // per cluster
    // Per index list (0: the mesh's own triangles, k: lods[k - 1]): the same triangles regrouped cluster by
    // cluster (each triangle's corners as given), and where each cluster's run starts in it (boxes.size() + 1
    // entries, the last one the list's size).
    std::vector<std::vector<uint32_t>> indices;
    std::vector<std::vector<uint32_t>> starts;
};

// The vertices are split in halves along the longest side of their box, `depth` times (up to 2^depth groups);
// each triangle of the mesh and of each of its levels goes to the group of its first vertex, and a group's box
// grows around all three of its triangles' corners. Groups with no triangle are dropped. Triangles with an index
// out of range are dropped. An empty mesh gives no cluster.
[[nodiscard]] MeshClusters clusterMesh(const Mesh& mesh, int depth = 3);

// Cuts the mesh as clusterMesh does and keeps the pieces with it (Mesh::pieces): its lists are reordered piece by
// piece in place (the same triangles; any with an index out of range are dropped). A mesh without triangles gets
// no pieces.
void cutIntoPieces(Mesh& mesh, int depth = 3);
// Whether mesh.pieces describe its lists as they are now: set, with rising runs for every list (its own, then each
// level's) that end at the list's size.
[[nodiscard]] bool piecesFit(const Mesh& mesh);

} // namespace myoatlas::geometry
