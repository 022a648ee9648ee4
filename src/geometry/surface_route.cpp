#include "geometry/surface_route.h"

#include "geometry/mesh_topology.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <glm/geometric.hpp>
#include <limits>
#include <queue>
#include <unordered_map>

namespace myoatlas::geometry {
namespace {

// A sparse symmetric graph in compressed rows.
struct Graph {
    std::vector<uint32_t> start; // per vertex, into `to`/`cost`; size vertexCount + 1
    std::vector<uint32_t> to;
    std::vector<float> cost;
    std::vector<uint8_t> bridge;
};

struct Edge {
    uint32_t a, b;
    float cost;
    bool bridge;
};

Graph compress(size_t vertexCount, const std::vector<Edge>& edges) {
    Graph g;
    g.start.assign(vertexCount + 1, 0);
    for (const Edge& e : edges) {
        ++g.start[e.a + 1];
        ++g.start[e.b + 1];
    }
    for (size_t v = 0; v < vertexCount; ++v)
        g.start[v + 1] += g.start[v];
    g.to.resize(g.start.back());
    g.cost.resize(g.start.back());
    g.bridge.resize(g.start.back());
    std::vector<uint32_t> fill(g.start.begin(), g.start.end() - 1);
    for (const Edge& e : edges)
        for (auto [from, other] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}}) {
            uint32_t slot = fill[from]++;
            g.to[slot] = other;
            g.cost[slot] = e.cost;
            g.bridge[slot] = e.bridge ? 1 : 0;
        }
    return g;
}

struct CellKey {
    int x, y, z;
    bool operator==(const CellKey&) const = default;
};

struct CellHash {
    size_t operator()(const CellKey& k) const {
        return static_cast<size_t>(k.x) * 73856093u ^ static_cast<size_t>(k.y) * 19349663u ^
               static_cast<size_t>(k.z) * 83492791u;
    }
};

CellKey cellOf(const glm::vec3& p, float size) {
    return {static_cast<int>(std::floor(p.x / size)), static_cast<int>(std::floor(p.y / size)),
            static_cast<int>(std::floor(p.z / size))};
}

// Bridges between pieces: one representative vertex per piece per small cell, each joined to the nearest
// representative of every other piece within the radius.
void addBridges(const std::vector<glm::vec3>& positions, const Components& pieces, const SurfaceRouteOptions& options,
                std::vector<Edge>& edges) {
    if (pieces.count < 2 || options.bridgeRadius <= 0.0f)
        return;
    std::unordered_map<CellKey, std::vector<uint32_t>, CellHash> seen; // small cell -> pieces already represented
    std::vector<uint32_t> reps;
    for (uint32_t v = 0; v < positions.size(); ++v) {
        auto& inCell = seen[cellOf(positions[v], options.bridgeCell)];
        uint32_t piece = pieces.componentOf[v];
        if (std::find(inCell.begin(), inCell.end(), piece) == inCell.end()) {
            inCell.push_back(piece);
            reps.push_back(v);
        }
    }
    std::unordered_map<CellKey, std::vector<uint32_t>, CellHash> grid;
    for (uint32_t r : reps)
        grid[cellOf(positions[r], options.bridgeRadius)].push_back(r);
    const float r2 = options.bridgeRadius * options.bridgeRadius;
    std::unordered_map<uint32_t, std::pair<float, uint32_t>> nearest; // other piece -> (distance^2, vertex)
    for (uint32_t a : reps) {
        nearest.clear();
        const glm::vec3& p = positions[a];
        CellKey c = cellOf(p, options.bridgeRadius);
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy)
                for (int dz = -1; dz <= 1; ++dz) {
                    auto it = grid.find({c.x + dx, c.y + dy, c.z + dz});
                    if (it == grid.end())
                        continue;
                    for (uint32_t b : it->second) {
                        uint32_t piece = pieces.componentOf[b];
                        if (piece == pieces.componentOf[a])
                            continue;
                        glm::vec3 d = positions[b] - p;
                        float d2 = glm::dot(d, d);
                        if (d2 > r2)
                            continue;
                        auto [slot, inserted] = nearest.try_emplace(piece, d2, b);
                        if (!inserted && d2 < slot->second.first)
                            slot->second = {d2, b};
                    }
                }
        for (const auto& [piece, best] : nearest)
            edges.push_back({a, best.second, std::sqrt(best.first) * options.bridgePenalty, true});
    }
}

} // namespace

SurfaceRoute surfaceRoute(std::span<const Mesh* const> meshes, const glm::vec3& from, const glm::vec3& aim,
                          const SurfaceRouteOptions& options) {
    SurfaceRoute route;
    std::vector<glm::vec3> positions;
    std::vector<uint32_t> indices;
    for (const Mesh* m : meshes) {
        auto base = static_cast<uint32_t>(positions.size());
        positions.insert(positions.end(), m->positions.begin(), m->positions.end());
        for (uint32_t i : m->indices)
            indices.push_back(base + i);
    }
    if (positions.empty() || indices.empty())
        return route;
    WeldedMesh welded = weldByPosition(positions, indices, options.weldTolerance);
    const size_t n = welded.vertexCount();

    std::vector<Edge> edges;
    edges.reserve(welded.indices.size());
    for (size_t t = 0; t < welded.triangleCount(); ++t)
        for (int k = 0; k < 3; ++k) {
            uint32_t a = welded.indices[t * 3 + static_cast<size_t>(k)];
            uint32_t b = welded.indices[t * 3 + static_cast<size_t>((k + 1) % 3)];
            if (a != b) // stored low -> high; an interior edge comes from both its triangles, deduplicated below
                edges.push_back(
                    {std::min(a, b), std::max(a, b), glm::distance(welded.positions[a], welded.positions[b]), false});
        }
    std::sort(edges.begin(), edges.end(),
              [](const Edge& x, const Edge& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    edges.erase(
        std::unique(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }),
        edges.end());
    Components pieces = connectedComponents(n, welded.indices);
    addBridges(welded.positions, pieces, options, edges);
    Graph graph = compress(n, edges);

    uint32_t source = 0;
    float best = std::numeric_limits<float>::infinity();
    for (uint32_t v = 0; v < n; ++v) {
        float d = glm::distance(welded.positions[v], from);
        if (d < best) {
            best = d;
            source = v;
        }
    }

    constexpr float kInf = std::numeric_limits<float>::infinity();
    constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
    std::vector<float> dist(n, kInf);
    std::vector<uint32_t> previous(n, kNone);
    using Item = std::pair<float, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    dist[source] = 0.0f;
    queue.emplace(0.0f, source);
    while (!queue.empty()) {
        auto [d, v] = queue.top();
        queue.pop();
        if (d > dist[v])
            continue;
        for (uint32_t e = graph.start[v]; e < graph.start[v + 1]; ++e) {
            float nd = d + graph.cost[e];
            uint32_t w = graph.to[e];
            if (nd < dist[w]) {
                dist[w] = nd;
                previous[w] = v;
                queue.emplace(nd, w);
            }
        }
    }

    // The end: among the reached vertices within exitSlack of the nearest approach to the aim, the one with the least
    // route length + aimWeight * distance to the aim.
    float nearest = kInf;
    for (uint32_t v = 0; v < n; ++v)
        if (dist[v] < kInf)
            nearest = std::min(nearest, glm::distance(welded.positions[v], aim));
    uint32_t exit = source;
    float exitScore = kInf;
    for (uint32_t v = 0; v < n; ++v) {
        if (dist[v] == kInf)
            continue;
        float toAim = glm::distance(welded.positions[v], aim);
        float score = dist[v] + options.aimWeight * toAim;
        if (toAim <= nearest + options.exitSlack && score < exitScore) {
            exitScore = score;
            exit = v;
        }
    }

    for (uint32_t v = exit; v != kNone; v = previous[v]) {
        route.points.push_back(welded.positions[v]);
        uint32_t p = previous[v];
        if (p != kNone)
            for (uint32_t e = graph.start[p]; e < graph.start[p + 1]; ++e)
                if (graph.to[e] == v && graph.bridge[e]) {
                    ++route.bridges;
                    break;
                }
    }
    std::reverse(route.points.begin(), route.points.end());
    route.length = dist[exit];
    return route;
}

} // namespace myoatlas::geometry
