#include "geometry/mesh_topology.h"

#include "geometry/bvh.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <numeric>
#include <unordered_map>

namespace myoatlas::geometry {

namespace {

struct CellKey {
    int64_t x, y, z;
    bool operator==(const CellKey&) const = default;
};

struct CellHash {
    size_t operator()(const CellKey& k) const noexcept {
        // 64-bit mix of the three cell coordinates (large odd multipliers, then a final avalanche).
        uint64_t h = static_cast<uint64_t>(k.x) * 0x9E3779B97F4A7C15ull;
        h ^= static_cast<uint64_t>(k.y) * 0xC2B2AE3D27D4EB4Full + (h << 6) + (h >> 2);
        h ^= static_cast<uint64_t>(k.z) * 0x165667B19E3779F9ull + (h << 6) + (h >> 2);
        h ^= h >> 33;
        return static_cast<size_t>(h);
    }
};

uint32_t findRoot(std::vector<uint32_t>& parent, uint32_t v) {
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

} // namespace

WeldedMesh weldByPosition(std::span<const glm::vec3> positions, std::span<const uint32_t> indices, float tolerance) {
    WeldedMesh out;
    out.weldedOf.resize(positions.size());
    // Cells twice the tolerance wide: a partner within tolerance is always in one of the 27 neighbouring cells.
    const double cell = std::max(2.0 * static_cast<double>(tolerance), 1e-12);
    const float tol2 = tolerance * tolerance;
    std::unordered_map<CellKey, std::vector<uint32_t>, CellHash> grid;
    grid.reserve(positions.size());
    auto keyOf = [cell](const glm::vec3& p) {
        return CellKey{static_cast<int64_t>(std::floor(p.x / cell)), static_cast<int64_t>(std::floor(p.y / cell)),
                       static_cast<int64_t>(std::floor(p.z / cell))};
    };
    for (size_t v = 0; v < positions.size(); ++v) {
        const glm::vec3& p = positions[v];
        CellKey k = keyOf(p);
        uint32_t found = UINT32_MAX;
        for (int64_t dx = -1; dx <= 1 && found == UINT32_MAX; ++dx)
            for (int64_t dy = -1; dy <= 1 && found == UINT32_MAX; ++dy)
                for (int64_t dz = -1; dz <= 1 && found == UINT32_MAX; ++dz) {
                    auto it = grid.find(CellKey{k.x + dx, k.y + dy, k.z + dz});
                    if (it == grid.end())
                        continue;
                    for (uint32_t w : it->second) {
                        glm::vec3 d = out.positions[w] - p;
                        if (glm::dot(d, d) <= tol2) {
                            found = w;
                            break;
                        }
                    }
                }
        if (found == UINT32_MAX) {
            found = static_cast<uint32_t>(out.positions.size());
            out.positions.push_back(p);
            grid[k].push_back(found);
        }
        out.weldedOf[v] = found;
    }

    out.indices.reserve(indices.size());
    out.triangleOf.reserve(indices.size() / 3);
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        uint32_t a = out.weldedOf[indices[t]], b = out.weldedOf[indices[t + 1]], c = out.weldedOf[indices[t + 2]];
        if (a == b || b == c || a == c) {
            ++out.collapsedTriangles;
            continue;
        }
        out.indices.insert(out.indices.end(), {a, b, c});
        out.triangleOf.push_back(static_cast<uint32_t>(t / 3));
    }
    return out;
}

WeldedMesh weldByPosition(const Mesh& mesh, float tolerance) {
    return weldByPosition(mesh.positions, mesh.indices, tolerance);
}

Components connectedComponents(size_t vertexCount, std::span<const uint32_t> indices) {
    std::vector<uint32_t> parent(vertexCount);
    std::iota(parent.begin(), parent.end(), 0u);
    auto unite = [&](uint32_t a, uint32_t b) {
        a = findRoot(parent, a);
        b = findRoot(parent, b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b); // the lowest vertex is the root: ids come out ordered
    };
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        unite(indices[t], indices[t + 1]);
        unite(indices[t + 1], indices[t + 2]);
    }
    Components c;
    c.componentOf.assign(vertexCount, UINT32_MAX);
    std::vector<uint32_t> idOfRoot(vertexCount, UINT32_MAX);
    for (uint32_t v = 0; v < vertexCount; ++v) {
        uint32_t r = findRoot(parent, v);
        if (idOfRoot[r] == UINT32_MAX)
            idOfRoot[r] = c.count++;
        c.componentOf[v] = idOfRoot[r];
    }
    return c;
}

TopologyReport analyzeTopology(std::span<const glm::vec3> positions, std::span<const uint32_t> indices) {
    TopologyReport r;
    r.vertices = positions.size();
    r.triangles = indices.size() / 3;

    std::vector<uint64_t> edges;
    edges.reserve(indices.size());
    std::vector<uint8_t> used(positions.size(), 0);
    double meanEdge = 0.0;
    for (size_t t = 0; t < r.triangles; ++t) {
        const uint32_t* tri = &indices[t * 3];
        for (int i = 0; i < 3; ++i) {
            uint32_t a = tri[i], b = tri[(i + 1) % 3];
            used[a] = 1;
            meanEdge += glm::length(positions[a] - positions[b]);
            if (a != b)
                edges.push_back((static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b));
        }
    }
    meanEdge /= std::max<size_t>(1, r.triangles * 3);
    const double minArea = 1e-10 * meanEdge * meanEdge;
    for (size_t t = 0; t < r.triangles; ++t) {
        const uint32_t* tri = &indices[t * 3];
        bool repeated = tri[0] == tri[1] || tri[1] == tri[2] || tri[0] == tri[2];
        glm::vec3 n = glm::cross(positions[tri[1]] - positions[tri[0]], positions[tri[2]] - positions[tri[0]]);
        if (repeated || 0.5 * glm::length(n) <= minArea)
            ++r.degenerateTriangles;
    }
    std::sort(edges.begin(), edges.end());
    for (size_t i = 0; i < edges.size();) {
        size_t j = i;
        while (j < edges.size() && edges[j] == edges[i])
            ++j;
        ++r.edges;
        size_t uses = j - i;
        if (uses == 1)
            ++r.boundaryEdges;
        else if (uses > 2)
            ++r.nonManifoldEdges;
        i = j;
    }
    r.isolatedVertices = static_cast<size_t>(std::count(used.begin(), used.end(), uint8_t{0}));

    Components comps = connectedComponents(positions.size(), indices);
    std::vector<size_t> perComponent(comps.count, 0);
    for (size_t t = 0; t < r.triangles; ++t)
        ++perComponent[comps.componentOf[indices[t * 3]]];
    for (size_t c : perComponent)
        if (c > 0)
            r.componentTriangles.push_back(c);
    r.components = static_cast<uint32_t>(r.componentTriangles.size());
    std::sort(r.componentTriangles.begin(), r.componentTriangles.end(), std::greater<>());
    return r;
}

std::vector<uint8_t> outerShellTriangles(const Mesh& mesh, float wallThickness) {
    const size_t nt = mesh.triangleCount();
    std::vector<uint8_t> keep(nt, 1);
    if (nt == 0)
        return keep;
    Bvh bvh;
    bvh.build(mesh);
    std::vector<glm::vec3> normals = mesh.normals;
    if (normals.size() != mesh.positions.size()) {
        Mesh copy = mesh;
        copy.computeNormals();
        normals = std::move(copy.normals);
    }
    // Seen from a vertex of the inner wall, the outer wall is just beyond it and seen from behind (its normal points
    // the same way as the ray). From the outer wall the ray escapes, or meets another body part's front face.
    const float offset = 1e-5f * std::max(mesh.bounds().radius(), 1e-3f);
    auto behindWall = [&](const glm::vec3& p, const glm::vec3& dir) {
        RayHit hit = bvh.intersect({p + offset * dir, dir}, wallThickness);
        return hit.hit && glm::dot(mesh.triangleNormal(hit.triangle), dir) > 0.0f;
    };
    std::vector<uint8_t> inner(mesh.positions.size(), 0);
    for (size_t v = 0; v < mesh.positions.size(); ++v) {
        const glm::vec3& n = normals[v];
        if (glm::dot(n, n) > 0.0f)
            inner[v] = behindWall(mesh.positions[v], n) || behindWall(mesh.positions[v], -n);
    }
    size_t kept = 0;
    for (size_t t = 0; t < nt; ++t) {
        keep[t] = !inner[mesh.indices[t * 3]] && !inner[mesh.indices[t * 3 + 1]] && !inner[mesh.indices[t * 3 + 2]];
        kept += keep[t];
    }
    if (kept == 0) {
        keep.assign(nt, 1); // everything looks "inner" (a mesh folded onto itself?): do not guess
        return keep;
    }
    if (kept < nt) {
        // Cutting the inner wall away can strand crumbs of a few triangles at the seams: drop pieces under 1% of
        // the largest piece, so nothing snaps onto them.
        std::vector<uint32_t> keptIndices;
        for (size_t t = 0; t < nt; ++t)
            if (keep[t])
                keptIndices.insert(keptIndices.end(), &mesh.indices[t * 3], &mesh.indices[t * 3] + 3);
        WeldedMesh w = weldByPosition(mesh.positions, keptIndices);
        Components comps = connectedComponents(w.vertexCount(), w.indices);
        std::vector<size_t> size(comps.count, 0);
        for (size_t t = 0; t < w.triangleCount(); ++t)
            ++size[comps.componentOf[w.indices[t * 3]]];
        const size_t largest = *std::max_element(size.begin(), size.end());
        for (size_t t = 0; t < nt; ++t)
            if (keep[t] && size[comps.componentOf[w.weldedOf[mesh.indices[t * 3]]]] * 100 < largest)
                keep[t] = 0;
    }
    return keep;
}

} // namespace myoatlas::geometry
