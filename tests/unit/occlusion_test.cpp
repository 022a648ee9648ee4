// Occlusion culling's GL-free parts: the pieces a mesh is cut into and their boxes (geometry/cluster_bounds.h),
// and what a frame remembers of which pieces were hidden (scene/occlusion.h).
#include "geometry/cluster_bounds.h"
#include "scene/occlusion.h"
#include "support/synthetic_mesh.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <gtest/gtest.h>
#include <numeric>

using namespace myoatlas;

namespace {

// Every triangle of the list lies in the box of the piece it was put in.
void expectContained(const geometry::Mesh& m, const geometry::MeshClusters& c, size_t list) {
    const auto& idx = c.indices[list];
    const auto& starts = c.starts[list];
    ASSERT_EQ(starts.size(), c.boxes.size() + 1);
    EXPECT_EQ(starts.front(), 0u);
    EXPECT_EQ(starts.back(), idx.size());
    for (size_t k = 0; k < c.boxes.size(); ++k)
        for (uint32_t i = starts[k]; i < starts[k + 1]; ++i)
            EXPECT_TRUE(c.boxes[k].contains(m.positions[idx[i]], 1e-6f)) << "list " << list << " piece " << k;
}

// The same triangles (as sorted corner triples), whatever their order.
std::vector<std::array<uint32_t, 3>> triangles(const std::vector<uint32_t>& idx) {
    std::vector<std::array<uint32_t, 3>> t;
    for (size_t i = 0; i + 2 < idx.size(); i += 3)
        t.push_back({idx[i], idx[i + 1], idx[i + 2]});
    std::sort(t.begin(), t.end());
    return t;
}

} // namespace

TEST(ClusterMesh, PiecesHoldEveryTriangleOfEveryLevel) {
    auto m = test::uvEllipsoid({0.1f, 0.2f, 0.3f}, {0.2f, 0.6f, 0.1f}, 40, 60);
    m.buildLods();
    ASSERT_FALSE(m.lods.empty());
    auto c = geometry::clusterMesh(m, 3);
    ASSERT_EQ(c.boxes.size(), 8u);
    ASSERT_EQ(c.indices.size(), m.lods.size() + 1);
    EXPECT_EQ(triangles(c.indices[0]), triangles(m.indices)) << "the same triangles, corners in the same order";
    for (size_t k = 0; k < m.lods.size(); ++k)
        EXPECT_EQ(triangles(c.indices[k + 1]), triangles(m.lods[k].indices));
    for (size_t list = 0; list < c.indices.size(); ++list)
        expectContained(m, c, list);
}

TEST(ClusterMesh, PiecesAreTighterThanTheWholeBox) {
    // A thin ring, as a rib or an intercostal sheet is: its one box is nearly all empty; the pieces' are not.
    geometry::Mesh m;
    const int around = 64, tube = 8;
    const float big = 0.5f, small = 0.01f;
    for (int i = 0; i < around; ++i)
        for (int j = 0; j < tube; ++j) {
            float a = 6.2831853f * static_cast<float>(i) / around, b = 6.2831853f * static_cast<float>(j) / tube;
            float r = big + small * std::cos(b);
            m.positions.push_back({r * std::cos(a), small * std::sin(b), r * std::sin(a)});
            auto at = [&](int di, int dj) {
                return static_cast<uint32_t>(((i + di) % around) * tube + (j + dj) % tube);
            };
            m.indices.insert(m.indices.end(), {at(0, 0), at(1, 0), at(1, 1), at(0, 0), at(1, 1), at(0, 1)});
        }
    m.normals.assign(m.positions.size(), glm::vec3(0, 1, 0));
    auto volume = [](const geometry::Aabb& b) { return b.extent().x * b.extent().y * b.extent().z; };
    auto c = geometry::clusterMesh(m, 3);
    float sum = 0.0f;
    for (const auto& b : c.boxes)
        sum += volume(b);
    EXPECT_LT(sum, 0.5f * volume(m.bounds())); // eight 45 degree arcs: 0.45 of the whole box
    expectContained(m, c, 0);
}

TEST(ClusterMesh, DepthZeroIsOnePieceAndEmptyMeshesNone) {
    auto m = test::uvEllipsoid({0, 0, 0}, {1, 1, 1}, 8, 8);
    auto c = geometry::clusterMesh(m, 0);
    ASSERT_EQ(c.boxes.size(), 1u);
    EXPECT_EQ(c.indices[0], m.indices);
    EXPECT_TRUE(geometry::clusterMesh(geometry::Mesh{}).boxes.empty());
}

TEST(ClusterMesh, TrianglesWithBadIndicesAreLeftOut) {
    geometry::Mesh m;
    m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    m.indices = {0, 1, 2, 0, 1, 7};
    auto c = geometry::clusterMesh(m, 2);
    size_t total = 0;
    for (const auto& list : c.indices)
        total += list.size();
    EXPECT_EQ(total, 3u);
}

TEST(ClusterMesh, ACutMeshKeepsThePiecesUntilItsListsChange) {
    auto m = test::uvEllipsoid({0.1f, 0.2f, 0.3f}, {0.2f, 0.6f, 0.1f}, 40, 60);
    m.buildLods();
    const auto c = geometry::clusterMesh(m, 3);
    auto cut = m;
    geometry::cutIntoPieces(cut, 3);
    ASSERT_TRUE(geometry::piecesFit(cut));
    // The lists are the pieces' order of the same triangles, and the pieces are clusterMesh's.
    EXPECT_EQ(cut.indices, c.indices[0]);
    for (size_t k = 0; k < m.lods.size(); ++k)
        EXPECT_EQ(cut.lods[k].indices, c.indices[k + 1]);
    EXPECT_EQ(cut.pieces.starts, c.starts);
    ASSERT_EQ(cut.pieces.boxes.size(), c.boxes.size());
    // Cutting a cut mesh again changes nothing (the layout may cut what it is given).
    auto again = cut;
    geometry::cutIntoPieces(again, 3);
    EXPECT_EQ(again.indices, cut.indices);
    EXPECT_EQ(again.pieces.starts, cut.pieces.starts);
    // Changed lists no longer fit the runs; rebuilding the levels or appending drops the pieces.
    auto changed = cut;
    changed.indices.resize(changed.indices.size() - 3);
    EXPECT_FALSE(geometry::piecesFit(changed));
    auto relevelled = cut;
    relevelled.buildLods();
    EXPECT_TRUE(relevelled.pieces.boxes.empty());
    auto appended = cut;
    appended.append(m);
    EXPECT_TRUE(appended.pieces.boxes.empty());
    geometry::Mesh empty;
    geometry::cutIntoPieces(empty);
    EXPECT_FALSE(geometry::piecesFit(empty));
}

TEST(Occlusion, UnknownPiecesShowAndWhatAFrameLearntIsKept) {
    scene::OcclusionHistory h;
    h.reset(4);
    for (uint32_t p = 0; p < 4; ++p)
        EXPECT_FALSE(h.hiddenLastFrame(p)) << "a first frame draws everything";
    h.seen(2, false);
    EXPECT_TRUE(h.hiddenLastFrame(2));
    EXPECT_EQ(h.hiddenCount(), 1u);
    h.seen(2, true); // its box showed again: drawn first next frame
    EXPECT_FALSE(h.hiddenLastFrame(2));
    EXPECT_FALSE(h.hiddenLastFrame(99)) << "out of range: never asked about";
    h.seen(9, false);
    EXPECT_TRUE(h.hiddenLastFrame(9));
    h.reset(4);
    EXPECT_EQ(h.hiddenCount(), 0u);
}

TEST(Occlusion, SmallMeshesAndBoxesAtTheEyeAreNotTested) {
    scene::OcclusionRules rules;
    rules.minTriangles = 100;
    EXPECT_TRUE(scene::worthTesting(100, false, rules));
    EXPECT_FALSE(scene::worthTesting(99, false, rules));
    EXPECT_FALSE(scene::worthTesting(10000, true, rules));

    std::vector<geometry::Aabb> boxes{{glm::vec3(-1.0f), glm::vec3(1.0f)}};
    EXPECT_TRUE(scene::eyeNearBounds(boxes, glm::vec3(0.0f), 0.05f)) << "inside";
    EXPECT_TRUE(scene::eyeNearBounds(boxes, glm::vec3(0, 0, 1.09f), 0.05f)) << "within twice the near distance";
    EXPECT_FALSE(scene::eyeNearBounds(boxes, glm::vec3(0, 0, 1.2f), 0.05f));
    EXPECT_FALSE(scene::eyeNearBounds({}, glm::vec3(0.0f), 0.05f));
}

TEST(Occlusion, EveryDrawnPieceIsRecheckedOnceInItsTurn) {
    scene::OcclusionRules rules;
    rules.recheckEvery = 4;
    scene::OcclusionHistory h;
    h.reset(10);
    std::vector<int> due(10, 0);
    for (int frame = 0; frame < 8; ++frame) {
        h.beginFrame();
        size_t now = 0;
        for (uint32_t p = 0; p < 10; ++p)
            if (h.dueForRecheck(p, rules)) {
                due[p]++;
                now++;
            }
        EXPECT_LE(now, 3u) << "about a quarter each frame";
    }
    for (uint32_t p = 0; p < 10; ++p)
        EXPECT_EQ(due[p], 2) << "piece " << p << ": twice in eight frames";
    rules.recheckEvery = 1;
    EXPECT_TRUE(h.dueForRecheck(7, rules));
    EXPECT_TRUE(scene::OcclusionHistory::rechecks(1));
    EXPECT_FALSE(scene::OcclusionHistory::rechecks(2)) << "the supersampled still frame re-tests nothing";
}
