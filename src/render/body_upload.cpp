#include "render/body_upload.h"

#include "core/error.h"
#include "core/parallel.h"
#include "geometry/cluster_bounds.h"

#include <algorithm>
#include <span>
#include <thread>

namespace myoatlas::render {
BodyUpload prepareBodyUpload(const anatomy::Body& body, unsigned threads) {
    return layoutAdded(BodyUpload{}, body, threads);
}

namespace {

// Lays out `meshes[j]` as structure `slots[j]` (slots rising) after what `up` holds: vertices and indices go after
// up.vertexOrigin + its vertices and up.indexOrigin + its indices, pieces after up.pieces. Per-structure lists grow
// to the largest slot.
void layOut(BodyUpload& up, std::span<const uint32_t> slots, std::span<const geometry::Mesh* const> meshes,
            unsigned threads) {
    if (threads == 0)
        threads = core::defaultThreads();
    const size_t m = slots.size();
    const size_t n = m == 0 ? up.structures : std::max<size_t>(up.structures, slots.back() + size_t{1});
    up.structures = n;
    // Each structure's triangles regrouped piece by piece for occlusion culling (the same triangles, every level):
    // as the mesh keeps them when it was cut on loading (and cached so), else cut here.
    std::vector<geometry::MeshClusters> clusters(m);
    std::vector<char> cut(m, 0);
    core::forEachIndex(0, m, threads, [&](size_t j) {
        cut[j] = geometry::piecesFit(*meshes[j]);
        if (!cut[j])
            clusters[j] = geometry::clusterMesh(*meshes[j]);
    });
    auto list = [&](size_t j, size_t k) -> const std::vector<uint32_t>& {
        if (!cut[j] && !clusters[j].indices.empty())
            return clusters[j].indices[k];
        return k == 0 ? meshes[j]->indices : meshes[j]->lods[k - 1].indices;
    };
    auto runs = [&](size_t j, size_t k) -> const std::vector<uint32_t>* { // where each piece starts in list k
        if (cut[j])
            return &meshes[j]->pieces.starts[k];
        return clusters[j].indices.empty() ? nullptr : &clusters[j].starts[k];
    };

    // Where everything goes (global positions): vertices structure by structure, then every full list, then every
    // simplified one.
    up.counts.resize(n);
    up.offsets.resize(n);
    up.baseVertex.resize(n);
    up.lods.resize(n);
    up.lodErrors.resize(n);
    up.pieceStarts.resize(n);
    up.boxes.resize(n);
    up.firstPiece.resize(n);
    std::vector<size_t> fullAt(m);             // in indices
    std::vector<std::vector<size_t>> lodAt(m); // in indices
    size_t vertices = up.vertexOrigin + up.ids.size(), indices = up.indexOrigin + up.indices.size();
    for (size_t j = 0; j < m; ++j) {
        const uint32_t s = slots[j];
        up.baseVertex[s] = static_cast<int32_t>(vertices);
        vertices += meshes[j]->vertexCount();
        fullAt[j] = indices;
        up.offsets[s] = indices * sizeof(uint32_t);
        up.counts[s] = static_cast<int32_t>(list(j, 0).size());
        indices += list(j, 0).size();
    }
    for (size_t j = 0; j < m; ++j) {
        const uint32_t s = slots[j];
        up.lods[s].clear();
        up.lodErrors[s].clear();
        for (size_t k = 1; k <= meshes[j]->lods.size(); ++k) {
            const size_t size = list(j, k).size();
            lodAt[j].push_back(indices);
            up.lods[s].push_back({static_cast<int32_t>(size), indices * sizeof(uint32_t)});
            up.lodErrors[s].push_back(meshes[j]->lods[k - 1].error);
            indices += size;
        }
    }

    up.interleaved.resize((vertices - up.vertexOrigin) * 6);
    up.ids.resize(vertices - up.vertexOrigin);
    up.indices.resize(indices - up.indexOrigin);
    core::forEachIndex(0, m, threads, [&](size_t j) {
        const uint32_t s = slots[j];
        const auto& mesh = *meshes[j];
        const auto base = static_cast<uint32_t>(up.baseVertex[s]);
        const size_t local = base - up.vertexOrigin;
        for (size_t v = 0; v < mesh.vertexCount(); ++v) {
            const auto& p = mesh.positions[v];
            const auto& nr = mesh.normals[v];
            float* out = &up.interleaved[(local + v) * 6];
            out[0] = p.x, out[1] = p.y, out[2] = p.z, out[3] = nr.x, out[4] = nr.y, out[5] = nr.z;
            up.ids[local + v] = s;
        }
        up.pieceStarts[s].clear();
        auto place = [&](size_t k, size_t at) {
            const auto& l = list(j, k);
            for (size_t i = 0; i < l.size(); ++i)
                up.indices[at - up.indexOrigin + i] = l[i] + base;
            auto& starts = up.pieceStarts[s].emplace_back();
            const auto* pieces = runs(j, k);
            if (!pieces) {
                starts = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + l.size())};
                return;
            }
            for (uint32_t i : *pieces)
                starts.push_back(static_cast<uint32_t>(at + i));
        };
        place(0, fullAt[j]);
        for (size_t k = 1; k <= mesh.lods.size(); ++k)
            place(k, lodAt[j][k - 1]);
        if (cut[j])
            up.boxes[s] = mesh.pieces.boxes;
        else if (clusters[j].boxes.empty()) // no triangles to regroup: the whole mesh is one piece
            up.boxes[s] = {mesh.bounds()};
        else
            up.boxes[s] = std::move(clusters[j].boxes);
        for (auto& box : up.boxes[s]) {
            box.min -= glm::vec3(kBoxMargin);
            box.max += glm::vec3(kBoxMargin);
        }
    });
    for (size_t j = 0; j < m; ++j) {
        up.firstPiece[slots[j]] = up.pieces;
        up.pieces += static_cast<uint32_t>(up.boxes[slots[j]].size());
    }
}

// A layout that holds nothing yet and goes after `end`.
BodyUpload emptyAfter(const UploadEnd& end) {
    BodyUpload up;
    up.vertexOrigin = end.vertices;
    up.indexOrigin = end.indices;
    up.pieces = end.pieces;
    up.structures = end.structures;
    return up;
}

} // namespace

BodyUpload layoutAdded(const BodyUpload& before, const anatomy::Body& body, unsigned threads) {
    const size_t first = before.structures, n = body.size();
    if (first > n)
        throw core::Error("the upload holds " + std::to_string(first) + " structures, the body only " +
                          std::to_string(n));
    std::vector<uint32_t> slots;
    std::vector<const geometry::Mesh*> meshes;
    for (size_t s = first; s < n; ++s) {
        slots.push_back(static_cast<uint32_t>(s));
        meshes.push_back(&body.meshes[s]);
    }
    BodyUpload up = emptyAfter(uploadEnd(before));
    layOut(up, slots, meshes, threads);
    up.structures = n;
    return up;
}

UploadEnd uploadEnd(const BodyUpload& up) {
    return {up.vertexOrigin + up.ids.size(), up.indexOrigin + up.indices.size(), up.pieces, up.structures};
}

BodyUpload layoutAfter(const UploadEnd& end, std::span<const uint32_t> slots,
                       std::span<const geometry::Mesh* const> meshes, unsigned threads) {
    if (slots.size() != meshes.size())
        throw core::Error("layoutAfter: " + std::to_string(slots.size()) + " slots for " +
                          std::to_string(meshes.size()) + " meshes");
    for (size_t j = 0; j < slots.size(); ++j)
        if (slots[j] >= end.structures || (j > 0 && slots[j] <= slots[j - 1]))
            throw core::Error("layoutAfter: the slots must rise and lie among the upload's structures");
    BodyUpload up = emptyAfter(end);
    layOut(up, slots, meshes, threads);
    return up;
}

} // namespace myoatlas::render
