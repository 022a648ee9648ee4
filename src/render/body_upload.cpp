#include "render/body_upload.h"

#include "core/error.h"
#include "core/parallel.h"
#include "geometry/cluster_bounds.h"

#include <algorithm>
#include <thread>

namespace myoatlas::render {
BodyUpload prepareBodyUpload(const anatomy::Body& body, unsigned threads) {
    BodyUpload up;
    appendBodyUpload(up, body, threads);
    return up;
}

void appendBodyUpload(BodyUpload& up, const anatomy::Body& body, unsigned threads) {
    if (threads == 0)
        threads = core::defaultThreads();
    const size_t first = up.structures, n = body.size();
    if (first > n)
        throw core::Error("the upload holds " + std::to_string(first) + " structures, the body only " +
                          std::to_string(n));
    up.structures = n;
    // Each structure's triangles regrouped piece by piece for occlusion culling (the same triangles, every level).
    std::vector<geometry::MeshClusters> clusters(n);
    core::forEachIndex(first, n, threads, [&](size_t s) { clusters[s] = geometry::clusterMesh(body.meshes[s]); });
    auto list = [&](uint32_t s, size_t k) -> const std::vector<uint32_t>& {
        if (!clusters[s].indices.empty())
            return clusters[s].indices[k];
        return k == 0 ? body.meshes[s].indices : body.meshes[s].lods[k - 1].indices;
    };

    // Where everything goes: vertices structure by structure, then every full list, then every simplified one.
    up.counts.resize(n);
    up.offsets.resize(n);
    up.baseVertex.resize(n);
    up.lods.resize(n);
    up.lodErrors.resize(n);
    std::vector<size_t> fullAt(n);             // in indices
    std::vector<std::vector<size_t>> lodAt(n); // in indices
    size_t vertices = up.ids.size(), indices = up.indices.size();
    for (auto s = static_cast<uint32_t>(first); s < n; ++s) {
        up.baseVertex[s] = static_cast<int32_t>(vertices);
        vertices += body.meshes[s].vertexCount();
        fullAt[s] = indices;
        up.offsets[s] = indices * sizeof(uint32_t);
        up.counts[s] = static_cast<int32_t>(list(s, 0).size());
        indices += list(s, 0).size();
    }
    for (auto s = static_cast<uint32_t>(first); s < n; ++s) {
        for (size_t k = 1; k <= body.meshes[s].lods.size(); ++k) {
            const size_t size = list(s, k).size();
            lodAt[s].push_back(indices);
            up.lods[s].push_back({static_cast<int32_t>(size), indices * sizeof(uint32_t)});
            up.lodErrors[s].push_back(body.meshes[s].lods[k - 1].error);
            indices += size;
        }
    }

    up.interleaved.resize(vertices * 6);
    up.ids.resize(vertices);
    up.indices.resize(indices);
    up.pieceStarts.resize(n);
    up.boxes.resize(n);
    core::forEachIndex(first, n, threads, [&](size_t i) {
        const auto s = static_cast<uint32_t>(i);
        const auto& m = body.meshes[s];
        const auto base = static_cast<uint32_t>(up.baseVertex[s]);
        for (size_t v = 0; v < m.vertexCount(); ++v) {
            const auto& p = m.positions[v];
            const auto& nr = m.normals[v];
            float* out = &up.interleaved[(base + v) * 6];
            out[0] = p.x, out[1] = p.y, out[2] = p.z, out[3] = nr.x, out[4] = nr.y, out[5] = nr.z;
            up.ids[base + v] = s;
        }
        auto place = [&](size_t k, size_t at) {
            const auto& l = list(s, k);
            for (size_t i = 0; i < l.size(); ++i)
                up.indices[at + i] = l[i] + base;
            auto& starts = up.pieceStarts[s].emplace_back();
            if (clusters[s].indices.empty()) {
                starts = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + l.size())};
                return;
            }
            for (uint32_t i : clusters[s].starts[k])
                starts.push_back(static_cast<uint32_t>(at + i));
        };
        place(0, fullAt[s]);
        for (size_t k = 1; k <= m.lods.size(); ++k)
            place(k, lodAt[s][k - 1]);
        if (clusters[s].boxes.empty()) // no triangles to regroup: the whole mesh is one piece
            clusters[s].boxes.push_back(m.bounds());
        up.boxes[s] = std::move(clusters[s].boxes);
        for (auto& box : up.boxes[s]) {
            box.min -= glm::vec3(kBoxMargin);
            box.max += glm::vec3(kBoxMargin);
        }
    });
    up.firstPiece.resize(n);
    for (auto s = static_cast<uint32_t>(first); s < n; ++s) {
        up.firstPiece[s] = up.pieces;
        up.pieces += static_cast<uint32_t>(up.boxes[s].size());
    }
}

} // namespace myoatlas::render
