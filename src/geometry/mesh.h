#pragma once
// CPU triangle meshes: the source of truth for everything drawn. The renderer uploads them; nothing here knows GL.
#include <cstdint>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>
#include <vector>

namespace myoatlas::geometry {

struct Aabb {
    glm::vec3 min{1e30f};
    glm::vec3 max{-1e30f};

    void expand(const glm::vec3& p);
    void expand(const Aabb& b);
    [[nodiscard]] bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
    [[nodiscard]] glm::vec3 center() const { return (min + max) * 0.5f; }
    [[nodiscard]] glm::vec3 extent() const { return max - min; }
    [[nodiscard]] float radius() const;
    [[nodiscard]] bool contains(const glm::vec3& p, float margin = 0.0f) const;
    // Squared distance from p to the box (0 inside).
    [[nodiscard]] float distance2(const glm::vec3& p) const;
};

// Inline: BVH builds and closest-point queries call these millions of times.
inline void Aabb::expand(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
}

inline void Aabb::expand(const Aabb& b) {
    if (!b.valid())
        return;
    min = glm::min(min, b.min);
    max = glm::max(max, b.max);
}

inline float Aabb::distance2(const glm::vec3& p) const {
    glm::vec3 d = glm::max(glm::max(min - p, p - max), glm::vec3(0.0f));
    return glm::dot(d, d);
}

// One simplified version of a mesh: a triangle list over the mesh's own vertices, and how far (metres) its surface
// may stray from the full one.
struct LodLevel {
    std::vector<uint32_t> indices;
    float error = 0.0f;
};

// Each level of detail asks for this share of the triangles of the one before: a ladder fine enough that the level
// drawn is rarely much finer than the error allowed (0.4 drew a fifth more triangles at the whole-body view); a
// level keeping more than kLodMaxKept of them is not worth its memory and ends the chain.
inline constexpr float kLodRatio = 0.6f;
inline constexpr float kLodMaxKept = 0.85f;

// A mesh's triangles cut into a few spatial pieces for occlusion culling (geometry::cutIntoPieces), kept with it so
// that a cached body is not cut again at every start. When `boxes` is set, every list (the mesh's indices, then each
// level's) is ordered piece by piece, and starts[k] holds where each piece's run begins in list k, the list's size
// last (boxes.size() + 1 entries). Whatever changes the lists must clear it (geometry::piecesFit checks the runs).
struct MeshPieces {
    std::vector<Aabb> boxes; // per piece: holds its triangles at every level
    std::vector<std::vector<uint32_t>> starts;
};

struct Mesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals; // per vertex, unit length; same size as positions
    std::vector<uint32_t> indices;  // triangle list
    // Ever coarser simplified versions, finest first, with growing error (empty: none). The renderer picks one by
    // the size of its error on screen. Ignored by append() and by every geometric query.
    std::vector<LodLevel> lods;
    // Empty unless cut into pieces (see MeshPieces); cleared by append() and buildLods().
    MeshPieces pieces;

    [[nodiscard]] size_t vertexCount() const { return positions.size(); }
    [[nodiscard]] size_t triangleCount() const { return indices.size() / 3; }
    [[nodiscard]] Aabb bounds() const;
    [[nodiscard]] glm::vec3 triangleNormal(size_t tri) const;
    [[nodiscard]] float triangleArea(size_t tri) const;
    [[nodiscard]] float surfaceArea() const;
    // Recomputes area-weighted vertex normals from the triangles.
    void computeNormals();
    // Appends another mesh (indices rebased; the level of detail is dropped).
    void append(const Mesh& other);
    // Fills lods with a chain of simplifications (meshoptimizer), each about `ratio` of the triangles of the one
    // before, until a level would stray more than `maxError` of the mesh's extent or stops shrinking. Each level's
    // error is the sum of meshoptimizer's estimates for the steps to it. Meshes under `minTriangles` get none.
    void buildLods(float ratio = kLodRatio, float maxError = 0.08f, size_t minTriangles = 64);
    [[nodiscard]] float meanEdgeLength() const;
};

class Bvh;
// How far (metres) a level of detail's surface strays from the full mesh, both ways: the largest distance from
// points of the level's triangles (centroids and edge midpoints) to the full surface (`full`: a Bvh over `mesh`),
// and from the full mesh's vertices to the level's surface, over at most about `maxSamples` of each (evenly
// strided; every one on smaller meshes).
[[nodiscard]] float lodDeviation(const Mesh& mesh, const Bvh& full, const std::vector<uint32_t>& level,
                                 size_t maxSamples);

// Closest point on triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5).
[[nodiscard]] glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                                               const glm::vec3& c);

} // namespace myoatlas::geometry
