#pragma once
// Bounding volume hierarchy over the triangles of many meshes: ray picking and closest-point queries on the CPU.
#include "geometry/mesh.h"

#include <cstdint>
#include <glm/vec3.hpp>
#include <limits>
#include <span>
#include <vector>

namespace myoatlas::geometry {

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f}; // need not be unit length; t is in units of |direction|
};

struct RayHit {
    bool hit = false;
    float t = std::numeric_limits<float>::infinity();
    uint32_t mesh = 0;     // index into the mesh list given to build()
    uint32_t triangle = 0; // triangle index within that mesh
    glm::vec3 point{0.0f};
    glm::vec3 barycentric{0.0f};
};

struct ClosestPoint {
    bool found = false;
    float distance = std::numeric_limits<float>::infinity();
    uint32_t mesh = 0;
    uint32_t triangle = 0;
    glm::vec3 point{0.0f};
};

class Bvh {
public:
    // Builds over all triangles of the given meshes. Mesh ids in results index this span. Large trees are built on
    // `threads` workers (0: one per core, at most 8); the tree and every query answer are the same for any count.
    void build(std::span<const Mesh* const> meshes, unsigned threads = 0);
    void build(const Mesh& mesh, unsigned threads = 0);
    // The same over other triangle lists of the meshes' vertices (one of their levels of detail): lists[i] stands
    // for meshes[i]->indices, and results' triangle numbers count in it. lists.size() must equal meshes.size().
    void build(std::span<const Mesh* const> meshes, std::span<const std::vector<uint32_t>* const> lists,
               unsigned threads = 0);

    // Nearest intersection with t in (0, tMax]. meshMask, when not empty, has one entry per mesh: 0 skips it.
    [[nodiscard]] RayHit intersect(const Ray& ray, float tMax = std::numeric_limits<float>::infinity(),
                                   std::span<const uint8_t> meshMask = {}) const;
    // Closest surface point within maxDistance.
    [[nodiscard]] ClosestPoint closestPoint(const glm::vec3& p,
                                            float maxDistance = std::numeric_limits<float>::infinity(),
                                            std::span<const uint8_t> meshMask = {}) const;

    [[nodiscard]] size_t triangleCount() const { return tris_.size(); }
    [[nodiscard]] size_t nodeCount() const { return nodes_.size(); }
    [[nodiscard]] bool empty() const { return tris_.empty(); }

private:
    struct Tri {
        glm::vec3 v0, e1, e2; // v0 and the two edges, precomputed for Moller-Trumbore
        uint32_t mesh, index;
    };
    struct Node {
        Aabb box;
        uint32_t first = 0; // leaf: first triangle; inner: index of left child (right = left + 1)
        uint32_t count = 0; // leaf: triangle count; inner: 0
    };
    struct BuildItem {
        Aabb box;           // of the triangle's corners
        glm::vec3 centroid; // of the triangle
        uint32_t tri;       // index into tris_ before the build reorders it
    };
    struct Job {
        uint32_t node;         // its slot in the node list being grown
        uint32_t first, count; // its range of items
        Aabb box, cbox;        // of its triangles and of their centroids
    };
    // Splits job's node until the leaves are small, appending children to `nodes`. Nodes with fewer than
    // deferBelow items are left for the caller (their slot holds a leaf until then) and listed in `deferred`.
    static void grow(std::vector<Node>& nodes, const Job& root, std::vector<BuildItem>& items, uint32_t deferBelow,
                     std::vector<Job>* deferred);

    std::vector<Tri> tris_;
    std::vector<Node> nodes_;
};

} // namespace myoatlas::geometry
