#include "geometry/bvh.h"

#include "core/parallel.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <stdexcept>

namespace myoatlas::geometry {
namespace {

constexpr uint32_t kLeafSize = 4;
constexpr int kBins = 12;
// Below this many triangles one thread builds the whole tree (threads cost more than they save).
constexpr size_t kParallelBuildMin = 65536;

bool rayBox(const Aabb& box, const glm::vec3& origin, const glm::vec3& invDir, float tMax, float& tEnter) {
    glm::vec3 t0 = (box.min - origin) * invDir;
    glm::vec3 t1 = (box.max - origin) * invDir;
    glm::vec3 tmin = glm::min(t0, t1), tmax = glm::max(t0, t1);
    float enter = std::max(std::max(tmin.x, tmin.y), std::max(tmin.z, 0.0f));
    float exit = std::min(std::min(tmax.x, tmax.y), std::min(tmax.z, tMax));
    tEnter = enter;
    return enter <= exit;
}

float surfaceAreaOf(const Aabb& b) {
    if (!b.valid())
        return 0.0f;
    glm::vec3 e = b.extent();
    return 2.0f * (e.x * e.y + e.y * e.z + e.z * e.x);
}

} // namespace

void Bvh::build(const Mesh& mesh, unsigned threads) {
    const Mesh* one = &mesh;
    build(std::span<const Mesh* const>(&one, 1), threads);
}

void Bvh::build(std::span<const Mesh* const> meshes, unsigned threads) {
    std::vector<const std::vector<uint32_t>*> lists;
    lists.reserve(meshes.size());
    for (const Mesh* m : meshes)
        lists.push_back(&m->indices);
    build(meshes, lists, threads);
}

void Bvh::build(std::span<const Mesh* const> meshes, std::span<const std::vector<uint32_t>* const> lists,
                unsigned threads) {
    if (lists.size() != meshes.size())
        throw std::invalid_argument("Bvh::build: one triangle list per mesh");
    tris_.clear();
    nodes_.clear();
    size_t total = 0;
    for (const auto* list : lists)
        total += list->size() / 3;
    tris_.reserve(total);
    std::vector<BuildItem> items;
    items.reserve(total);
    for (uint32_t mi = 0; mi < meshes.size(); ++mi) {
        const Mesh& m = *meshes[mi];
        const std::vector<uint32_t>& indices = *lists[mi];
        const auto triangles = static_cast<uint32_t>(indices.size() / 3);
        for (uint32_t t = 0; t < triangles; ++t) {
            const glm::vec3& a = m.positions[indices[t * 3]];
            const glm::vec3& b = m.positions[indices[t * 3 + 1]];
            const glm::vec3& c = m.positions[indices[t * 3 + 2]];
            Tri tri{a, b - a, c - a, mi, t};
            // The box of the corners as the queries see them (v0 + e1 need not equal b exactly).
            BuildItem item;
            item.box.expand(tri.v0);
            item.box.expand(tri.v0 + tri.e1);
            item.box.expand(tri.v0 + tri.e2);
            item.centroid = (a + b + c) / 3.0f;
            item.tri = static_cast<uint32_t>(tris_.size());
            tris_.push_back(tri);
            items.push_back(item);
        }
    }
    if (tris_.empty())
        return;
    nodes_.reserve(2 * tris_.size() / kLeafSize + 1);
    Job root{0, 0, static_cast<uint32_t>(items.size()), {}, {}};
    for (const BuildItem& item : items) {
        root.box.expand(item.box);
        root.cbox.expand(item.centroid);
    }
    nodes_.push_back({});
    // The top of the tree is split here; subtrees below a share of the triangles are built on workers, each into
    // its own node list, and spliced in (same splits as one thread: each subtree owns its range of items).
    if (threads == 0)
        threads = core::defaultThreads();
    const uint32_t deferBelow =
        items.size() >= kParallelBuildMin && threads > 1 ? static_cast<uint32_t>(items.size() / (8 * threads)) : 0;
    std::vector<Job> deferred;
    grow(nodes_, root, items, deferBelow, &deferred);
    std::vector<std::vector<Node>> subtrees(deferred.size());
    core::forEachIndex(0, deferred.size(), threads, [&](size_t k) {
        Job local = deferred[k];
        local.node = 0;
        subtrees[k].push_back({});
        grow(subtrees[k], local, items, 0, nullptr);
    });
    for (size_t k = 0; k < deferred.size(); ++k) {
        // Local node 0 is the subtree's root, already placed; local node j > 0 goes to base + j - 1.
        const auto base = static_cast<uint32_t>(nodes_.size());
        auto place = [base](Node n) {
            if (n.count == 0)
                n.first = base + n.first - 1;
            return n;
        };
        nodes_[deferred[k].node] = place(subtrees[k][0]);
        for (size_t j = 1; j < subtrees[k].size(); ++j)
            nodes_.push_back(place(subtrees[k][j]));
    }
    std::vector<Tri> ordered;
    ordered.reserve(tris_.size());
    for (const BuildItem& item : items)
        ordered.push_back(tris_[item.tri]);
    tris_ = std::move(ordered);
    nodes_.shrink_to_fit();
}

void Bvh::grow(std::vector<Node>& nodes, const Job& root, std::vector<BuildItem>& items, uint32_t deferBelow,
               std::vector<Job>* deferred) {
    // A node's box and centroid box come from its parent's bins (min and max are exact, so they equal a pass over
    // the node's own triangles). Iterative to keep deep trees off the call stack.
    std::vector<Job> stack{root};
    while (!stack.empty()) {
        const Job job = stack.back();
        stack.pop_back();
        nodes[job.node] = {job.box, job.first, job.count};
        if (job.count <= kLeafSize)
            continue;
        if (job.count < deferBelow) {
            deferred->push_back(job);
            continue;
        }
        // Binned SAH on the widest centroid axis.
        const Aabb& cbox = job.cbox;
        glm::vec3 ext = cbox.extent();
        int axis = ext.x > ext.y ? (ext.x > ext.z ? 0 : 2) : (ext.y > ext.z ? 1 : 2);
        float lo = cbox.min[axis], span = ext[axis];
        if (span <= 0.0f)
            continue; // all centroids coincide: keep as a leaf
        struct Bin {
            Aabb box, cbox;
            uint32_t count = 0;
        } bins[kBins];
        auto binOf = [&](const BuildItem& item) {
            int b = static_cast<int>((item.centroid[axis] - lo) / span * kBins);
            return std::clamp(b, 0, kBins - 1);
        };
        const uint32_t end = job.first + job.count;
        for (uint32_t i = job.first; i < end; ++i) {
            const BuildItem& item = items[i];
            Bin& bin = bins[binOf(item)];
            bin.count++;
            bin.box.expand(item.box);
            bin.cbox.expand(item.centroid);
        }
        // The sides of every split by one sweep each way (min and max are exact: the same boxes as bin by bin).
        Aabb rightBox[kBins];
        uint32_t rightCount[kBins] = {};
        {
            Aabb r;
            uint32_t nr = 0;
            for (int b = kBins - 1; b >= 1; --b) {
                r.expand(bins[b].box);
                nr += bins[b].count;
                rightBox[b] = r;
                rightCount[b] = nr;
            }
        }
        float bestCost = 1e30f;
        int bestSplit = -1;
        Aabb l;
        uint32_t nl = 0;
        for (int s = 1; s < kBins; ++s) {
            l.expand(bins[s - 1].box);
            nl += bins[s - 1].count;
            const uint32_t nr = rightCount[s];
            if (nl == 0 || nr == 0)
                continue;
            float cost = surfaceAreaOf(l) * nl + surfaceAreaOf(rightBox[s]) * nr;
            if (cost < bestCost) {
                bestCost = cost;
                bestSplit = s;
            }
        }
        if (bestSplit < 0)
            continue;
        uint32_t i = job.first, j = end;
        while (i < j) {
            if (binOf(items[i]) < bestSplit) {
                ++i;
            } else {
                --j;
                std::swap(items[i], items[j]);
            }
        }
        uint32_t leftCount = i - job.first;
        if (leftCount == 0 || leftCount == job.count)
            continue;
        Job left{static_cast<uint32_t>(nodes.size()), job.first, leftCount, {}, {}};
        Job right{left.node + 1, i, job.count - leftCount, {}, {}};
        for (int b = 0; b < kBins; ++b) {
            Job& side = b < bestSplit ? left : right;
            side.box.expand(bins[b].box);
            side.cbox.expand(bins[b].cbox);
        }
        nodes.emplace_back();
        nodes.emplace_back();
        nodes[job.node].first = left.node;
        nodes[job.node].count = 0;
        stack.push_back(left);
        stack.push_back(right);
    }
}

RayHit Bvh::intersect(const Ray& ray, float tMax, std::span<const uint8_t> meshMask) const {
    RayHit best;
    if (nodes_.empty())
        return best;
    glm::vec3 invDir = 1.0f / ray.direction; // IEEE infinities handle axis-parallel rays
    float closest = tMax;
    uint32_t stack[64];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Node& node = nodes_[stack[--sp]];
        float tEnter;
        if (!rayBox(node.box, ray.origin, invDir, closest, tEnter))
            continue;
        if (node.count > 0) {
            for (uint32_t i = node.first; i < node.first + node.count; ++i) {
                const Tri& tri = tris_[i];
                if (!meshMask.empty() && !meshMask[tri.mesh])
                    continue;
                glm::vec3 p = glm::cross(ray.direction, tri.e2);
                float det = glm::dot(tri.e1, p);
                if (std::abs(det) < 1e-12f)
                    continue; // parallel; both faces count as hits otherwise
                float inv = 1.0f / det;
                glm::vec3 s = ray.origin - tri.v0;
                float u = glm::dot(s, p) * inv;
                if (u < 0.0f || u > 1.0f)
                    continue;
                glm::vec3 q = glm::cross(s, tri.e1);
                float v = glm::dot(ray.direction, q) * inv;
                if (v < 0.0f || u + v > 1.0f)
                    continue;
                float t = glm::dot(tri.e2, q) * inv;
                if (t > 1e-7f && t < closest) {
                    closest = t;
                    best.hit = true;
                    best.t = t;
                    best.mesh = tri.mesh;
                    best.triangle = tri.index;
                    best.barycentric = {1.0f - u - v, u, v};
                }
            }
        } else if (sp + 2 <= 64) {
            // Visit the nearer child first.
            float tl, tr;
            bool hl = rayBox(nodes_[node.first].box, ray.origin, invDir, closest, tl);
            bool hr = rayBox(nodes_[node.first + 1].box, ray.origin, invDir, closest, tr);
            if (hl && hr) {
                stack[sp++] = tl < tr ? node.first + 1 : node.first;
                stack[sp++] = tl < tr ? node.first : node.first + 1;
            } else if (hl) {
                stack[sp++] = node.first;
            } else if (hr) {
                stack[sp++] = node.first + 1;
            }
        }
    }
    if (best.hit)
        best.point = ray.origin + ray.direction * best.t;
    return best;
}

ClosestPoint Bvh::closestPoint(const glm::vec3& p, float maxDistance, std::span<const uint8_t> meshMask) const {
    ClosestPoint best;
    if (nodes_.empty())
        return best;
    float bestD2 = maxDistance == std::numeric_limits<float>::infinity() ? 1e30f : maxDistance * maxDistance;
    uint32_t stack[64];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Node& node = nodes_[stack[--sp]];
        if (node.box.distance2(p) > bestD2)
            continue;
        if (node.count > 0) {
            for (uint32_t i = node.first; i < node.first + node.count; ++i) {
                const Tri& tri = tris_[i];
                if (!meshMask.empty() && !meshMask[tri.mesh])
                    continue;
                glm::vec3 q = closestPointOnTriangle(p, tri.v0, tri.v0 + tri.e1, tri.v0 + tri.e2);
                glm::vec3 d = q - p;
                float d2 = glm::dot(d, d);
                if (d2 < bestD2) {
                    bestD2 = d2;
                    best.found = true;
                    best.mesh = tri.mesh;
                    best.triangle = tri.index;
                    best.point = q;
                }
            }
        } else if (sp + 2 <= 64) {
            float dl = nodes_[node.first].box.distance2(p);
            float dr = nodes_[node.first + 1].box.distance2(p);
            stack[sp++] = dl < dr ? node.first + 1 : node.first;
            stack[sp++] = dl < dr ? node.first : node.first + 1;
        }
    }
    if (best.found)
        best.distance = std::sqrt(bestD2);
    return best;
}

} // namespace myoatlas::geometry
