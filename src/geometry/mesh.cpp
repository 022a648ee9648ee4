#include "geometry/mesh.h"

#include "geometry/bvh.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <meshoptimizer.h>
#include <optional>

namespace myoatlas::geometry {

float Aabb::radius() const {
    return valid() ? glm::length(extent()) * 0.5f : 0.0f;
}

bool Aabb::contains(const glm::vec3& p, float margin) const {
    return p.x >= min.x - margin && p.y >= min.y - margin && p.z >= min.z - margin && p.x <= max.x + margin &&
           p.y <= max.y + margin && p.z <= max.z + margin;
}

Aabb Mesh::bounds() const {
    Aabb b;
    for (const auto& p : positions)
        b.expand(p);
    return b;
}

glm::vec3 Mesh::triangleNormal(size_t tri) const {
    const glm::vec3& a = positions[indices[tri * 3]];
    const glm::vec3& b = positions[indices[tri * 3 + 1]];
    const glm::vec3& c = positions[indices[tri * 3 + 2]];
    glm::vec3 n = glm::cross(b - a, c - a);
    float len = glm::length(n);
    return len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
}

float Mesh::triangleArea(size_t tri) const {
    const glm::vec3& a = positions[indices[tri * 3]];
    const glm::vec3& b = positions[indices[tri * 3 + 1]];
    const glm::vec3& c = positions[indices[tri * 3 + 2]];
    return 0.5f * glm::length(glm::cross(b - a, c - a));
}

float Mesh::surfaceArea() const {
    float area = 0.0f;
    for (size_t t = 0; t < triangleCount(); ++t)
        area += triangleArea(t);
    return area;
}

void Mesh::computeNormals() {
    normals.assign(positions.size(), glm::vec3(0.0f));
    for (size_t t = 0; t < triangleCount(); ++t) {
        uint32_t i0 = indices[t * 3], i1 = indices[t * 3 + 1], i2 = indices[t * 3 + 2];
        glm::vec3 n = glm::cross(positions[i1] - positions[i0], positions[i2] - positions[i0]); // area-weighted
        normals[i0] += n;
        normals[i1] += n;
        normals[i2] += n;
    }
    for (auto& n : normals) {
        float len = glm::length(n);
        n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

namespace {

struct Simplified {
    std::vector<uint32_t> indices;
    float error = 0.0f; // relative to the mesh extent
};

Simplified simplify(const std::vector<uint32_t>& source, const std::vector<glm::vec3>& positions, size_t target,
                    float maxError, bool sloppy) {
    Simplified r;
    r.indices.resize(source.size());
    size_t n = sloppy ? meshopt_simplifySloppy(r.indices.data(), source.data(), source.size(), &positions[0].x,
                                               positions.size(), sizeof(glm::vec3), target, maxError, &r.error)
                      : meshopt_simplify(r.indices.data(), source.data(), source.size(), &positions[0].x,
                                         positions.size(), sizeof(glm::vec3), target, maxError, 0, &r.error);
    r.indices.resize(n);
    return r;
}

// A list of indices over a few of a mesh's vertices, with those vertices copied out (in their order) and indices
// over the copy: the simplifier's work over the vertex buffer (its tables, quadrics and scale) is then done on the
// vertices the list uses, not on all of the mesh's (a coarse level uses a small share of them).
struct CompactList {
    std::vector<glm::vec3> positions;
    std::vector<uint32_t> indices;  // over `positions`
    std::vector<uint32_t> original; // per copied vertex, its index in the mesh
    float scale = 0.0f;             // meshopt_simplifyScale of the copied vertices
};

CompactList compactList(const std::vector<uint32_t>& list, const std::vector<glm::vec3>& positions) {
    CompactList c;
    std::vector<uint32_t> local(positions.size(), 0);
    for (uint32_t v : list)
        local[v] = 1;
    for (uint32_t v = 0; v < positions.size(); ++v)
        if (local[v]) {
            local[v] = static_cast<uint32_t>(c.original.size());
            c.original.push_back(v);
            c.positions.push_back(positions[v]);
        }
    c.indices.reserve(list.size());
    for (uint32_t v : list)
        c.indices.push_back(local[v]);
    c.scale =
        c.positions.empty() ? 0.0f : meshopt_simplifyScale(&c.positions[0].x, c.positions.size(), sizeof(glm::vec3));
    return c;
}

// Fewer triangles wins when its error is not much larger; otherwise the smaller error.
bool better(const Simplified& a, const Simplified& b) {
    if (a.indices.size() < b.indices.size())
        return a.error <= b.error * 1.5f + 1e-6f;
    return a.error < b.error / 1.5f;
}

} // namespace

float lodDeviation(const Mesh& mesh, const Bvh& full, const std::vector<uint32_t>& level, size_t maxSamples) {
    if (level.empty() || mesh.indices.empty())
        return 0.0f;
    // Level -> full: points inside the level's triangles (its corners are vertices of the full mesh, on it).
    const size_t levelTriangles = level.size() / 3;
    const size_t triangleStep = std::max<size_t>(1, levelTriangles * 4 / std::max<size_t>(maxSamples, 1));
    float worst = 0.0f;
    for (size_t t = 0; t < levelTriangles; t += triangleStep) {
        const glm::vec3& a = mesh.positions[level[t * 3]];
        const glm::vec3& b = mesh.positions[level[t * 3 + 1]];
        const glm::vec3& c = mesh.positions[level[t * 3 + 2]];
        for (const glm::vec3& p : {(a + b + c) / 3.0f, (a + b) * 0.5f, (b + c) * 0.5f, (c + a) * 0.5f})
            worst = std::max(worst, full.closestPoint(p).distance);
    }
    // Full -> level: the full mesh's vertices the level dropped.
    Mesh coarse;
    coarse.positions = mesh.positions;
    coarse.indices = level;
    Bvh levelBvh;
    levelBvh.build(coarse, 1);
    std::vector<char> kept(mesh.positions.size(), 0);
    for (uint32_t v : level)
        kept[v] = 1;
    std::vector<char> used(mesh.positions.size(), 0);
    for (uint32_t v : mesh.indices)
        used[v] = 1;
    const size_t vertexStep = std::max<size_t>(1, mesh.positions.size() / std::max<size_t>(maxSamples, 1));
    for (size_t v = 0; v < mesh.positions.size(); v += vertexStep)
        if (used[v] && !kept[v])
            worst = std::max(worst, levelBvh.closestPoint(mesh.positions[v]).distance);
    return worst;
}

void Mesh::buildLods(float ratio, float maxError, size_t minTriangles) {
    lods.clear();
    pieces = {};
    if (triangleCount() < minTriangles)
        return;
    const float scale = meshopt_simplifyScale(&positions[0].x, positions.size(), sizeof(glm::vec3));
    // Many meshes repeat a position once per normal or per piece (seams); edge collapses need them welded, so the
    // first level also tries indices where equal positions share one vertex (the first one's normal is kept).
    // BodyParts3D meshes made of many loose pieces barely simplify with their topology kept: there the sloppy
    // simplifier (a vertex grid) does better. Each level takes whichever gives fewer triangles for its error.
    std::vector<uint32_t> welded(indices.size());
    meshopt_generateShadowIndexBuffer(welded.data(), indices.data(), indices.size(), &positions[0].x, positions.size(),
                                      sizeof(glm::vec3), sizeof(glm::vec3));
    // Each level is simplified from the one before (a fraction of the work of starting from the full mesh); its
    // error is the sum of the steps' errors. Measured against the full mesh (lodDeviation), that sum is low for the
    // finest levels (up to about 2.4 times on a smooth surface) and high for the coarsest; taking the measured
    // deviation instead drew more triangles at rest and doubled the chains' cost (bench/README.md).
    const std::vector<uint32_t>* source = &indices;
    float error = 0.0f;
    while (source->size() / 3 >= minTriangles / 2) {
        size_t target = static_cast<size_t>(static_cast<float>(source->size()) * ratio) / 3 * 3;
        // Each candidate is simplified over the vertices its source uses; errors are relative to their extent.
        const CompactList from = compactList(*source, positions);
        Simplified best = simplify(from.indices, from.positions, target, maxError, false);
        float bestScale = from.scale;
        const std::vector<uint32_t>* bestMap = &from.original;
        std::optional<CompactList> weldedFrom;
        if (lods.empty()) {
            weldedFrom = compactList(welded, positions);
            Simplified w = simplify(weldedFrom->indices, weldedFrom->positions, target, maxError, false);
            if (better(w, best)) {
                best = std::move(w);
                bestScale = weldedFrom->scale;
                bestMap = &weldedFrom->original;
            }
        }
        Simplified sloppy = simplify(from.indices, from.positions, target, maxError, true);
        if (sloppy.indices.size() >= 3 && better(sloppy, best)) {
            best = std::move(sloppy);
            bestScale = from.scale;
            bestMap = &from.original;
        }
        for (uint32_t& v : best.indices)
            v = (*bestMap)[v];
        float total = error + best.error * bestScale;
        // A level earns its place only when it saves a good share of the work within the error allowed.
        if (best.indices.size() < 3 ||
            static_cast<float>(best.indices.size()) > static_cast<float>(source->size()) * kLodMaxKept ||
            total > maxError * scale)
            break;
        best.indices.shrink_to_fit();
        error = total;
        lods.push_back({std::move(best.indices), error});
        source = &lods.back().indices;
    }
}

float Mesh::meanEdgeLength() const {
    if (indices.empty())
        return 0.0f;
    double sum = 0.0;
    for (size_t t = 0; t < triangleCount(); ++t)
        for (int k = 0; k < 3; ++k)
            sum += glm::distance(positions[indices[t * 3 + k]], positions[indices[t * 3 + (k + 1) % 3]]);
    return static_cast<float>(sum / static_cast<double>(indices.size()));
}

void Mesh::append(const Mesh& other) {
    pieces = {};
    auto base = static_cast<uint32_t>(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    indices.reserve(indices.size() + other.indices.size());
    for (uint32_t i : other.indices)
        indices.push_back(i + base);
}

glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f)
        return a;
    glm::vec3 bp = p - b;
    float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3)
        return b;
    float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f)
        return a + ab * (d1 / (d1 - d3));
    glm::vec3 cp = p - c;
    float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6)
        return c;
    float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f)
        return a + ac * (d2 / (d2 - d6));
    float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    float denom = 1.0f / (va + vb + vc);
    float v = vb * denom, w = vc * denom;
    return a + ab * v + ac * w;
}

} // namespace myoatlas::geometry
