#include "geometry/fascia_shell.h"

#include "core/parallel.h"
#include "geometry/mesh_topology.h"
#include "geometry/polyline.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>
#include <meshoptimizer.h>
#include <queue>
#include <thread>

namespace myoatlas::geometry {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// Runs body(begin, end) over [0, n) on a few threads; the ray loops are embarrassingly parallel.
template <class F> void parallelFor(size_t n, F&& body) {
    size_t threads = core::defaultThreads();
    if (n < 4096 || threads == 1) {
        body(size_t{0}, n);
        return;
    }
    std::vector<std::thread> pool;
    size_t chunk = (n + threads - 1) / threads;
    for (size_t t = 1; t < threads; ++t) {
        size_t b = t * chunk, e = std::min(n, b + chunk);
        if (b < e)
            pool.emplace_back([&body, b, e] { body(b, e); });
    }
    body(size_t{0}, std::min(n, chunk));
    for (auto& th : pool)
        th.join();
}

// Distance along -normal from every skin vertex to the first surface of `meshes` (kInf when none within tMax),
// and whether that surface was met from inside (the skin vertex lies within a mesh that pokes through the skin).
struct InwardHits {
    std::vector<float> t;
    std::vector<uint8_t> fromInside;
    std::vector<uint32_t> mesh;
};

InwardHits castInward(const SkinSurface& skin, const Bvh& bvh, std::span<const Mesh* const> meshes,
                      const std::vector<float>& tMax) {
    size_t n = skin.mesh.positions.size();
    InwardHits hits{std::vector<float>(n, kInf), std::vector<uint8_t>(n, 0), std::vector<uint32_t>(n, 0)};
    if (bvh.empty())
        return hits;
    parallelFor(n, [&](size_t b, size_t e) {
        for (size_t i = b; i < e; ++i) {
            glm::vec3 dir = -skin.mesh.normals[i];
            RayHit h = bvh.intersect({skin.mesh.positions[i], dir}, tMax[i]);
            if (!h.hit)
                continue;
            hits.t[i] = h.t;
            hits.mesh[i] = h.mesh;
            hits.fromInside[i] = glm::dot(meshes[h.mesh]->triangleNormal(h.triangle), dir) > 0.0f ? 1 : 0;
        }
    });
    return hits;
}

// The skin point nearest to every vertex of `meshes` (in order, mesh after mesh), within a distance: found once,
// it serves both shells, each of which keeps the vertices within its own reach.
struct NearestSkin {
    std::vector<float> d2;          // squared distance (kInf: none within the distance asked)
    std::vector<uint32_t> triangle; // the skin triangle holding the nearest point
    std::vector<uint8_t> under;     // 1 when the vertex lies under that triangle (not poking out through the skin)
};

NearestSkin nearestSkin(const SkinSurface& skin, std::span<const Mesh* const> meshes, float maxDistance) {
    // A position repeated in a mesh (glTF splits vertices at normal seams: about half of them) is asked once; the
    // answer depends on the position alone.
    std::vector<uint32_t> uniqueOf; // per vertex, mesh after mesh: its position's index in `positions`
    std::vector<glm::vec3> positions;
    for (const Mesh* m : meshes) {
        const size_t n = m->positions.size();
        if (n == 0)
            continue;
        std::vector<uint32_t> remap(n);
        const size_t unique =
            meshopt_generateVertexRemap(remap.data(), nullptr, n, m->positions.data(), n, sizeof(glm::vec3));
        const auto base = static_cast<uint32_t>(positions.size());
        positions.resize(positions.size() + unique);
        for (size_t v = 0; v < n; ++v) {
            positions[base + remap[v]] = m->positions[v];
            uniqueOf.push_back(base + remap[v]);
        }
    }
    NearestSkin once{std::vector<float>(positions.size(), kInf), std::vector<uint32_t>(positions.size(), 0),
                     std::vector<uint8_t>(positions.size(), 0)};
    // Handed out in blocks: one query is too small a piece of work to fetch alone.
    constexpr size_t kBlock = 1024;
    core::forEachIndex(0, (positions.size() + kBlock - 1) / kBlock, core::defaultThreads(), [&](size_t block) {
        for (size_t v = block * kBlock; v < std::min(positions.size(), (block + 1) * kBlock); ++v) {
            const glm::vec3& p = positions[v];
            ClosestPoint c = skin.bvh.closestPoint(p, maxDistance);
            if (!c.found)
                continue;
            const glm::vec3 d = c.point - p; // as the query measured it, so a smaller reach keeps the same
            once.d2[v] = glm::dot(d, d);
            once.triangle[v] = c.triangle;
            once.under[v] = glm::dot(p - c.point, skin.mesh.triangleNormal(c.triangle)) > 0.0f ? 0 : 1;
        }
    });
    NearestSkin near{std::vector<float>(uniqueOf.size()), std::vector<uint32_t>(uniqueOf.size()),
                     std::vector<uint8_t>(uniqueOf.size())};
    for (size_t v = 0; v < uniqueOf.size(); ++v) {
        near.d2[v] = once.d2[uniqueOf[v]];
        near.triangle[v] = once.triangle[uniqueOf[v]];
        near.under[v] = once.under[uniqueOf[v]];
    }
    return near;
}

// Every mesh vertex within maxDistance under the skin bounds the depth of the three skin vertices of its nearest
// skin triangle to bound(distance); vertices outside the skin (a muscle poking through) bound nothing.
template <class Bound>
std::vector<float> splatBounds(const SkinSurface& skin, const NearestSkin& near, float maxDistance, Bound bound) {
    std::vector<float> out(skin.mesh.positions.size(), kInf);
    // The query's own bound: a nearest point counts when strictly closer than this.
    const float limit = maxDistance == kInf ? 1e30f : maxDistance * maxDistance;
    for (size_t v = 0; v < near.d2.size(); ++v) {
        if (!near.under[v] || !(near.d2[v] < limit))
            continue;
        float b = bound(std::max(std::sqrt(near.d2[v]), 0.0005f));
        const uint32_t* tri = &skin.mesh.indices[near.triangle[v] * 3];
        for (int i = 0; i < 3; ++i)
            out[tri[i]] = std::min(out[tri[i]], b);
    }
    return out;
}

// Constrained Jacobi smoothing of a per-vertex field over kept vertices: half a step toward the neighbour mean,
// then clamped to [lo, hi].
void smoothClamped(const SkinSurface& skin, const std::vector<uint8_t>& kept, std::vector<float>& d,
                   const std::vector<float>& lo, const std::vector<float>& hi, int iterations) {
    std::vector<float> next(d.size());
    for (int it = 0; it < iterations; ++it) {
        for (size_t v = 0; v < d.size(); ++v) {
            if (!kept[v]) {
                next[v] = d[v];
                continue;
            }
            float sum = 0.0f;
            int count = 0;
            for (uint32_t k = skin.adjacencyStart[v]; k < skin.adjacencyStart[v + 1]; ++k)
                if (kept[skin.adjacency[k]]) {
                    sum += d[skin.adjacency[k]];
                    ++count;
                }
            float target = count > 0 ? 0.5f * d[v] + 0.5f * sum / static_cast<float>(count) : d[v];
            next[v] = std::clamp(target, lo[v], hi[v]);
        }
        d.swap(next);
    }
}

// Builds the shell mesh from the kept vertices and triangles (all three corners kept), compacting vertices.
FasciaShell assembleShell(const SkinSurface& skin, const std::vector<float>& depth, const std::vector<uint8_t>& kept,
                          const std::vector<uint8_t>& supported) {
    FasciaShell shell;
    const Mesh& m = skin.mesh;
    std::vector<uint32_t> remap(m.positions.size(), UINT32_MAX);
    for (size_t t = 0; t < m.triangleCount(); ++t) {
        uint32_t a = m.indices[t * 3], b = m.indices[t * 3 + 1], c = m.indices[t * 3 + 2];
        if (!kept[a] || !kept[b] || !kept[c])
            continue;
        for (uint32_t v : {a, b, c}) {
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<uint32_t>(shell.mesh.positions.size());
                shell.mesh.positions.push_back(m.positions[v] - m.normals[v] * depth[v]);
                shell.skinVertex.push_back(v);
                shell.depth.push_back(depth[v]);
                shell.supported.push_back(supported.empty() ? 0 : supported[v]);
            }
            shell.mesh.indices.push_back(remap[v]);
        }
    }
    shell.mesh.computeNormals();
    return shell;
}

std::vector<uint8_t> allKept(size_t n) {
    return std::vector<uint8_t>(n, 1);
}

std::vector<uint8_t> outerComponents(const Mesh& input, size_t* dropped) {
    // BodyParts3D's skin is two nested sheets (epidermis and an inner surface 1-3 mm below, both facing out) plus
    // a few stray triangles. A vertex "sees out" when a ray along its normal leaves the skin without meeting it
    // again; components (of the raw, unwelded mesh) where most vertices see out are the outer sheet.
    Mesh m;
    m.positions = input.positions;
    m.indices = input.indices;
    m.computeNormals();
    Components comps = connectedComponents(m.positions.size(), m.indices);
    Bvh bvh;
    bvh.build(m);
    std::vector<uint32_t> total(comps.count, 0), out(comps.count, 0);
    std::vector<uint8_t> sees(m.positions.size(), 0);
    parallelFor(m.positions.size(), [&](size_t b, size_t e) {
        for (size_t i = b; i < e; ++i)
            sees[i] = bvh.intersect({m.positions[i] + m.normals[i] * 1e-5f, m.normals[i]}).hit ? 0 : 1;
    });
    for (size_t i = 0; i < m.positions.size(); ++i) {
        total[comps.componentOf[i]]++;
        out[comps.componentOf[i]] += sees[i];
    }
    std::vector<uint8_t> keepTriangle(m.triangleCount(), 0);
    size_t drop = 0;
    for (size_t t = 0; t < m.triangleCount(); ++t) {
        uint32_t c = comps.componentOf[m.indices[t * 3]];
        keepTriangle[t] = 2 * out[c] >= total[c] ? 1 : 0;
        drop += keepTriangle[t] ? 0 : 1;
    }
    if (dropped != nullptr)
        *dropped = drop;
    return keepTriangle;
}

} // namespace

SkinSurface prepareSkin(const Mesh& input, const SkinOptions& options) {
    SkinSurface skin;
    Mesh source;
    source.positions = input.positions;
    if (options.outerSheetOnly) {
        std::vector<uint8_t> keep = outerComponents(input, &skin.droppedTriangles);
        for (size_t t = 0; t < input.triangleCount(); ++t)
            if (keep[t])
                source.indices.insert(source.indices.end(), input.indices.begin() + static_cast<std::ptrdiff_t>(t * 3),
                                      input.indices.begin() + static_cast<std::ptrdiff_t>(t * 3 + 3));
    } else {
        source.indices = input.indices;
    }
    WeldedMesh w = weldByPosition(source, options.weldTolerance);
    // Vertices of dropped triangles weld to nothing that a kept triangle uses; compact them away.
    std::vector<uint32_t> compact(w.positions.size(), UINT32_MAX);
    for (uint32_t& v : w.indices) {
        if (compact[v] == UINT32_MAX) {
            compact[v] = static_cast<uint32_t>(skin.mesh.positions.size());
            skin.mesh.positions.push_back(w.positions[v]);
        }
        v = compact[v];
    }
    skin.mesh.indices = std::move(w.indices);
    skin.weldedOf.resize(input.positions.size());
    for (size_t i = 0; i < input.positions.size(); ++i)
        skin.weldedOf[i] = compact[w.weldedOf[i]];
    Mesh& m = skin.mesh;
    double volume = 0.0;
    for (size_t t = 0; t < m.triangleCount(); ++t) {
        glm::dvec3 a(m.positions[m.indices[t * 3]]), b(m.positions[m.indices[t * 3 + 1]]),
            c(m.positions[m.indices[t * 3 + 2]]);
        volume += glm::dot(a, glm::cross(b, c));
    }
    if (volume < 0.0)
        for (size_t t = 0; t < m.triangleCount(); ++t)
            std::swap(m.indices[t * 3 + 1], m.indices[t * 3 + 2]);
    m.computeNormals();

    const size_t n = m.positions.size();
    std::vector<std::vector<uint32_t>> nb(n);
    double edgeSum = 0.0;
    size_t edgeCount = 0;
    for (size_t t = 0; t < m.triangleCount(); ++t)
        for (int k = 0; k < 3; ++k) {
            uint32_t a = m.indices[t * 3 + k], b = m.indices[t * 3 + (k + 1) % 3];
            nb[a].push_back(b);
            nb[b].push_back(a);
            edgeSum += glm::distance(m.positions[a], m.positions[b]);
            ++edgeCount;
        }
    skin.meanEdge = edgeCount ? static_cast<float>(edgeSum / static_cast<double>(edgeCount)) : 0.0f;
    skin.adjacencyStart.resize(n + 1, 0);
    for (size_t v = 0; v < n; ++v) {
        std::sort(nb[v].begin(), nb[v].end());
        nb[v].erase(std::unique(nb[v].begin(), nb[v].end()), nb[v].end());
        skin.adjacencyStart[v + 1] = skin.adjacencyStart[v] + static_cast<uint32_t>(nb[v].size());
    }
    skin.adjacency.reserve(skin.adjacencyStart[n]);
    for (auto& list : nb)
        skin.adjacency.insert(skin.adjacency.end(), list.begin(), list.end());

    skin.bvh.build(m);
    skin.thickness.assign(n, kInf);
    parallelFor(n, [&](size_t b, size_t e) {
        for (size_t i = b; i < e; ++i) {
            Ray ray{m.positions[i], -m.normals[i]};
            float travelled = 0.0f;
            // Skip the triangles around the vertex itself, which a ray from a saddle vertex can graze.
            for (int guard = 0; guard < 8; ++guard) {
                RayHit h = skin.bvh.intersect(ray);
                if (!h.hit)
                    break;
                const uint32_t* tri = &m.indices[h.triangle * 3];
                bool own = tri[0] == i || tri[1] == i || tri[2] == i;
                if (!own) {
                    skin.thickness[i] = travelled + h.t;
                    break;
                }
                travelled += h.t + 1e-6f;
                ray.origin = h.point + ray.direction * 1e-6f;
            }
        }
    });
    return skin;
}

namespace {

float superficialReach(const SuperficialFasciaOptions& options) {
    return options.depth / std::max(options.obstacleFraction, 1e-3f);
}

// The shells from a BVH over the obstacles and their nearest skin points (within at least the shell's reach).
FasciaShell superficialFrom(const SkinSurface& skin, const Bvh& bvh, std::span<const Mesh* const> obstacles,
                            const NearestSkin& near, const SuperficialFasciaOptions& options) {
    const size_t n = skin.mesh.positions.size();
    const float reach = superficialReach(options);
    std::vector<float> tMax(n, reach);
    InwardHits hits = castInward(skin, bvh, obstacles, tMax);
    std::vector<float> splat = splatBounds(skin, near, reach, [&](float t) { return options.obstacleFraction * t; });
    std::vector<float> hi(n), lo(n, 0.0f), d(n);
    for (size_t i = 0; i < n; ++i) {
        float t = hits.fromInside[i] ? 0.0005f : hits.t[i]; // inside a protruding muscle: pretend it is 0.5 mm down
        hi[i] = std::min(
            {options.depth, options.obstacleFraction * t, options.thicknessFraction * skin.thickness[i], splat[i]});
        d[i] = hi[i];
    }
    std::vector<uint8_t> kept = allKept(n);
    smoothClamped(skin, kept, d, lo, hi, options.smoothIterations);
    return assembleShell(skin, d, kept, {});
}

FasciaShell deepFrom(const SkinSurface& skin, const Bvh& bvh, std::span<const Mesh* const> muscles,
                     const NearestSkin& near, const DeepFasciaOptions& o) {
    const size_t n = skin.mesh.positions.size();
    std::vector<float> tMax(n);
    for (size_t i = 0; i < n; ++i)
        tMax[i] = std::min(o.maxDepth, skin.thickness[i]);
    InwardHits hits = castInward(skin, bvh, muscles, tMax);

    // Upper bound per vertex: outside the muscle that the ray met, and inside the body's thickness.
    std::vector<uint8_t> supported(n, 0);
    std::vector<float> hi(n), raw(n, kInf);
    for (size_t i = 0; i < n; ++i) {
        hi[i] = o.thicknessFraction * skin.thickness[i];
        if (hits.t[i] == kInf)
            continue;
        float t = hits.fromInside[i] ? 0.0005f : hits.t[i];
        raw[i] = std::max(t - o.offset, o.hitFraction * t);
        hi[i] = std::min(hi[i], raw[i]);
        supported[i] = 1;
    }

    // The rays only see the muscle straight under each vertex; between vertices (about 1 cm apart) an envelope
    // triangle could still cut the corner of a muscle edge, so every muscle vertex near the skin bounds too.
    std::vector<float> splat =
        splatBounds(skin, near, o.maxDepth, [&](float t) { return std::max(t - o.offset, o.hitFraction * t); });
    for (size_t i = 0; i < n; ++i)
        if (splat[i] < kInf) {
            raw[i] = std::min(raw[i], splat[i]);
            hi[i] = std::min(hi[i], splat[i]);
            supported[i] = 1;
        }

    // Morphological opening (min then max over a k-ring) of the supported depths bridges narrow clefts; it never
    // makes a depth larger, so the envelope stays outside every hit.
    int rings = std::max(1, static_cast<int>(std::lround(o.bridgeRadius / std::max(skin.meanEdge, 1e-5f))));
    std::vector<float> d(n, kInf);
    for (size_t i = 0; i < n; ++i)
        if (supported[i])
            d[i] = hi[i];
    auto ringFilter = [&](bool takeMin) {
        std::vector<float> cur = d, next(n);
        for (int r = 0; r < rings; ++r) {
            for (size_t v = 0; v < n; ++v) {
                float best = cur[v];
                if (supported[v])
                    for (uint32_t k = skin.adjacencyStart[v]; k < skin.adjacencyStart[v + 1]; ++k) {
                        uint32_t u = skin.adjacency[k];
                        if (supported[u])
                            best = takeMin ? std::min(best, cur[u]) : std::max(best, cur[u]);
                    }
                next[v] = best;
            }
            cur.swap(next);
        }
        d.swap(cur);
    };
    ringFilter(true);
    ringFilter(false);

    // Vertices with no muscle below: dropped beyond maxBlendDistance along the surface from a supported vertex.
    std::vector<float> dist(n, kInf);
    {
        using Item = std::pair<float, uint32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        for (uint32_t v = 0; v < n; ++v)
            if (supported[v]) {
                dist[v] = 0.0f;
                queue.push({0.0f, v});
            }
        while (!queue.empty()) {
            auto [dv, v] = queue.top();
            queue.pop();
            if (dv > dist[v] || dv > 3.0f * o.maxBlendDistance)
                continue;
            for (uint32_t k = skin.adjacencyStart[v]; k < skin.adjacencyStart[v + 1]; ++k) {
                uint32_t u = skin.adjacency[k];
                float du = dv + glm::distance(skin.mesh.positions[v], skin.mesh.positions[u]);
                if (du < dist[u]) {
                    dist[u] = du;
                    queue.push({du, u});
                }
            }
        }
    }
    std::vector<uint8_t> kept(n, 1);
    if (o.dropUnsupported) {
        for (size_t v = 0; v < n; ++v)
            kept[v] = dist[v] <= o.maxBlendDistance ? 1 : 0;
        // Opening of the kept set (erode, then dilate, one ring each) trims one-vertex fringes along the border.
        auto step = [&](bool erode) {
            std::vector<uint8_t> next = kept;
            for (size_t v = 0; v < n; ++v)
                for (uint32_t k = skin.adjacencyStart[v]; k < skin.adjacencyStart[v + 1]; ++k)
                    if (kept[skin.adjacency[k]] != kept[v] && (erode ? kept[v] == 1 : kept[v] == 0)) {
                        next[v] = erode ? 0 : 1;
                        break;
                    }
            kept.swap(next);
        };
        step(true);
        step(false);
    }

    // Harmonic fill of the unsupported kept vertices (Gauss-Seidel), with a pull to unsupportedDepth that grows
    // with the distance from the nearest supported vertex, so regions far from any muscle settle there.
    std::vector<float> lo(n);
    for (size_t v = 0; v < n; ++v) {
        if (!supported[v])
            d[v] = std::min(o.unsupportedDepth, hi[v]);
        lo[v] = std::min(o.minDepth, hi[v]);
    }
    constexpr float kPull = 0.02f;
    int fillIterations = 4 * static_cast<int>(std::ceil(o.maxBlendDistance / std::max(skin.meanEdge, 1e-5f))) + 20;
    for (int it = 0; it < fillIterations; ++it)
        for (size_t v = 0; v < n; ++v) {
            if (supported[v] || !kept[v])
                continue;
            float far = std::min(dist[v], 3.0f * o.maxBlendDistance) / std::max(o.maxBlendDistance, 1e-4f);
            float pull = kPull + far * far;
            float sum = pull * o.unsupportedDepth, w = pull;
            for (uint32_t k = skin.adjacencyStart[v]; k < skin.adjacencyStart[v + 1]; ++k)
                if (kept[skin.adjacency[k]]) {
                    sum += d[skin.adjacency[k]];
                    w += 1.0f;
                }
            d[v] = std::clamp(sum / w, lo[v], hi[v]);
        }
    for (size_t v = 0; v < n; ++v)
        d[v] = std::clamp(d[v], lo[v], hi[v]);
    smoothClamped(skin, kept, d, lo, hi, o.smoothIterations);
    return assembleShell(skin, d, kept, supported);
}

} // namespace

FasciaShell superficialFascia(const SkinSurface& skin, std::span<const Mesh* const> obstacles,
                              const SuperficialFasciaOptions& options) {
    Bvh bvh;
    if (!obstacles.empty())
        bvh.build(obstacles);
    return superficialFrom(skin, bvh, obstacles, nearestSkin(skin, obstacles, superficialReach(options)), options);
}

FasciaShell deepFascia(const SkinSurface& skin, std::span<const Mesh* const> muscles, const DeepFasciaOptions& o) {
    Bvh bvh;
    if (!muscles.empty())
        bvh.build(muscles);
    return deepFrom(skin, bvh, muscles, nearestSkin(skin, muscles, o.maxDepth), o);
}

FasciaShells fasciaShells(const SkinSurface& skin, std::span<const Mesh* const> obstacles,
                          const SuperficialFasciaOptions& superficial, const DeepFasciaOptions& deep) {
    Bvh bvh;
    if (!obstacles.empty())
        bvh.build(obstacles);
    // One nearest-point query per obstacle vertex, out to the longer reach; each shell keeps the ones within its own.
    const NearestSkin near = nearestSkin(skin, obstacles, std::max(superficialReach(superficial), deep.maxDepth));
    return {superficialFrom(skin, bvh, obstacles, near, superficial), deepFrom(skin, bvh, obstacles, near, deep)};
}

FasciaShell cutSheet(const FasciaShell& shell, const SkinSurface& skin, const SurfaceRegion& region, CutRule rule) {
    FasciaShell out;
    const Mesh& m = shell.mesh;
    std::vector<int8_t> vertexIn(m.positions.size(), -1);
    auto inside = [&](uint32_t v) {
        if (vertexIn[v] < 0) {
            uint32_t s = shell.skinVertex[v];
            vertexIn[v] = region(skin.mesh.positions[s], skin.mesh.normals[s]) ? 1 : 0;
        }
        return vertexIn[v] == 1;
    };
    std::vector<uint32_t> remap(m.positions.size(), UINT32_MAX);
    for (size_t t = 0; t < m.triangleCount(); ++t) {
        const uint32_t* tri = &m.indices[t * 3];
        bool keep = false;
        switch (rule) {
        case CutRule::Centroid: {
            glm::vec3 p(0.0f), nrm(0.0f);
            for (int k = 0; k < 3; ++k) {
                p += skin.mesh.positions[shell.skinVertex[tri[k]]];
                nrm += skin.mesh.normals[shell.skinVertex[tri[k]]];
            }
            float len = glm::length(nrm);
            keep = region(p / 3.0f, len > 0.0f ? nrm / len : nrm);
            break;
        }
        case CutRule::AllCorners:
            keep = inside(tri[0]) && inside(tri[1]) && inside(tri[2]);
            break;
        case CutRule::AnyCorner:
            keep = inside(tri[0]) || inside(tri[1]) || inside(tri[2]);
            break;
        }
        if (!keep)
            continue;
        for (int k = 0; k < 3; ++k) {
            uint32_t v = tri[k];
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<uint32_t>(out.mesh.positions.size());
                out.mesh.positions.push_back(m.positions[v]);
                out.mesh.normals.push_back(m.normals[v]);
                out.skinVertex.push_back(shell.skinVertex[v]);
                out.depth.push_back(shell.depth[v]);
                out.supported.push_back(shell.supported[v]);
            }
            out.mesh.indices.push_back(remap[v]);
        }
    }
    return out;
}

SurfaceRegion inBoxes(std::vector<Aabb> boxes) {
    return [boxes = std::move(boxes)](const glm::vec3& p, const glm::vec3&) {
        return std::any_of(boxes.begin(), boxes.end(), [&](const Aabb& b) { return b.contains(p); });
    };
}

SurfaceRegion nearPolyline(std::vector<glm::vec3> polyline, float radius) {
    return [polyline = std::move(polyline), radius](const glm::vec3& p, const glm::vec3&) {
        return closestPointOnPolyline(polyline, p).distance <= radius;
    };
}

SurfaceRegion facing(const glm::vec3& direction, float minCos) {
    glm::vec3 dir = glm::normalize(direction);
    return [dir, minCos](const glm::vec3&, const glm::vec3& n) { return glm::dot(n, dir) >= minCos; };
}

SurfaceRegion halfSpace(const glm::vec3& point, const glm::vec3& normal) {
    return [point, normal](const glm::vec3& p, const glm::vec3&) { return glm::dot(p - point, normal) >= 0.0f; };
}

SurfaceRegion allOf(std::vector<SurfaceRegion> regions) {
    return [regions = std::move(regions)](const glm::vec3& p, const glm::vec3& n) {
        return std::all_of(regions.begin(), regions.end(), [&](const SurfaceRegion& r) { return r(p, n); });
    };
}

SurfaceRegion anyOf(std::vector<SurfaceRegion> regions) {
    return [regions = std::move(regions)](const glm::vec3& p, const glm::vec3& n) {
        return std::any_of(regions.begin(), regions.end(), [&](const SurfaceRegion& r) { return r(p, n); });
    };
}

SurfaceRegion noneOf(std::vector<SurfaceRegion> regions) {
    return [regions = std::move(regions)](const glm::vec3& p, const glm::vec3& n) {
        return std::none_of(regions.begin(), regions.end(), [&](const SurfaceRegion& r) { return r(p, n); });
    };
}

FasciaShell simplifyShell(const FasciaShell& shell, float targetRatio, float targetError) {
    const Mesh& m = shell.mesh;
    if (m.indices.empty())
        return shell;
    std::vector<uint32_t> indices(m.indices.size());
    auto target = static_cast<size_t>(static_cast<float>(m.triangleCount()) * std::clamp(targetRatio, 0.0f, 1.0f)) * 3;
    size_t count = meshopt_simplify(indices.data(), m.indices.data(), m.indices.size(), &m.positions[0].x,
                                    m.positions.size(), sizeof(glm::vec3), target, targetError);
    indices.resize(count);
    FasciaShell out;
    std::vector<uint32_t> remap(m.positions.size(), UINT32_MAX);
    for (uint32_t v : indices) {
        if (remap[v] == UINT32_MAX) {
            remap[v] = static_cast<uint32_t>(out.mesh.positions.size());
            out.mesh.positions.push_back(m.positions[v]);
            out.skinVertex.push_back(shell.skinVertex[v]);
            out.depth.push_back(shell.depth[v]);
            out.supported.push_back(shell.supported[v]);
        }
        out.mesh.indices.push_back(remap[v]);
    }
    out.mesh.computeNormals();
    return out;
}

} // namespace myoatlas::geometry
