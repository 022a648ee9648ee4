#include "geometry/cluster_bounds.h"

#include <algorithm>
#include <numeric>

namespace myoatlas::geometry {
namespace {

void split(const Mesh& mesh, std::vector<uint32_t>& order, size_t begin, size_t end, int depth, uint32_t& next,
           std::vector<uint32_t>& group) {
    if (depth <= 0 || end - begin < 2) {
        for (size_t i = begin; i < end; ++i)
            group[order[i]] = next;
        ++next;
        return;
    }
    Aabb box;
    for (size_t i = begin; i < end; ++i)
        box.expand(mesh.positions[order[i]]);
    glm::vec3 e = box.extent();
    int axis = e.x >= e.y && e.x >= e.z ? 0 : (e.y >= e.z ? 1 : 2);
    size_t mid = begin + (end - begin) / 2;
    auto at = [&](size_t i) { return order.begin() + static_cast<std::ptrdiff_t>(i); };
    std::nth_element(at(begin), at(mid), at(end),
                     [&](uint32_t a, uint32_t b) { return mesh.positions[a][axis] < mesh.positions[b][axis]; });
    split(mesh, order, begin, mid, depth - 1, next, group);
    split(mesh, order, mid, end, depth - 1, next, group);
}

} // namespace

MeshClusters clusterMesh(const Mesh& mesh, int depth) {
    MeshClusters out;
    if (mesh.positions.empty() || mesh.indices.size() < 3)
        return out;
    const size_t n = mesh.positions.size();
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<uint32_t> group(n, 0);
    uint32_t groups = 0;
    split(mesh, order, 0, n, std::clamp(depth, 0, 8), groups, group);

    std::vector<const std::vector<uint32_t>*> lists{&mesh.indices};
    for (const auto& level : mesh.lods)
        lists.push_back(&level.indices);
    auto valid = [&](const std::vector<uint32_t>& idx, size_t t) {
        return idx[t] < n && idx[t + 1] < n && idx[t + 2] < n;
    };
    std::vector<Aabb> boxes(groups);
    for (const auto* list : lists)
        for (size_t t = 0; t + 2 < list->size(); t += 3) {
            if (!valid(*list, t))
                continue;
            Aabb& box = boxes[group[(*list)[t]]];
            for (int k = 0; k < 3; ++k)
                box.expand(mesh.positions[(*list)[t + k]]);
        }
    std::vector<uint32_t> remap(groups, 0);
    for (uint32_t g = 0; g < groups; ++g) {
        remap[g] = static_cast<uint32_t>(out.boxes.size());
        if (boxes[g].valid())
            out.boxes.push_back(boxes[g]);
    }
    const size_t clusters = out.boxes.size();
    for (const auto* list : lists) {
        // Counting sort of the triangles by cluster, keeping their order within a cluster.
        std::vector<uint32_t> starts(clusters + 1, 0);
        for (size_t t = 0; t + 2 < list->size(); t += 3)
            if (valid(*list, t))
                starts[remap[group[(*list)[t]]] + 1] += 3;
        for (size_t c = 0; c < clusters; ++c)
            starts[c + 1] += starts[c];
        std::vector<uint32_t> indices(starts.back());
        std::vector<uint32_t> fill(starts.begin(), starts.end() - 1);
        for (size_t t = 0; t + 2 < list->size(); t += 3) {
            if (!valid(*list, t))
                continue;
            uint32_t& at = fill[remap[group[(*list)[t]]]];
            for (int k = 0; k < 3; ++k)
                indices[at++] = (*list)[t + k];
        }
        out.indices.push_back(std::move(indices));
        out.starts.push_back(std::move(starts));
    }
    return out;
}

void cutIntoPieces(Mesh& mesh, int depth) {
    MeshClusters cut = clusterMesh(mesh, depth);
    mesh.pieces = {};
    if (cut.boxes.empty())
        return;
    mesh.indices = std::move(cut.indices[0]);
    for (size_t k = 0; k < mesh.lods.size(); ++k)
        mesh.lods[k].indices = std::move(cut.indices[k + 1]);
    mesh.pieces.boxes = std::move(cut.boxes);
    mesh.pieces.starts = std::move(cut.starts);
}

bool piecesFit(const Mesh& mesh) {
    const auto& p = mesh.pieces;
    if (p.boxes.empty() || p.starts.size() != mesh.lods.size() + 1)
        return false;
    for (size_t k = 0; k < p.starts.size(); ++k) {
        const auto& starts = p.starts[k];
        const size_t size = k == 0 ? mesh.indices.size() : mesh.lods[k - 1].indices.size();
        if (starts.size() != p.boxes.size() + 1 || starts.front() != 0 || starts.back() != size)
            return false;
        for (size_t i = 1; i < starts.size(); ++i)
            if (starts[i] < starts[i - 1] || starts[i] % 3 != 0)
                return false;
    }
    return true;
}

} // namespace myoatlas::geometry
