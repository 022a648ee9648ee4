// The renderer's upload layout (render::prepareBodyUpload) is GL-free: built on any number of threads it is the
// same, and every structure's lists and pieces lie where the renderer will look for them.
#include "render/body_upload.h"

#include "core/error.h"
#include "geometry/cluster_bounds.h"
#include "geometry_test_support.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace myoatlas;

namespace {

anatomy::Body syntheticBody() {
    anatomy::Body body;
    auto add = [&](geometry::Mesh m, const char* name) {
        m.buildLods();
        anatomy::Structure s;
        s.name = name;
        s.bounds = m.bounds();
        body.structures.push_back(s);
        body.meshes.push_back(std::move(m));
    };
    add(geometry::testing::makeEllipsoid({0, 1, 0}, {0.2f, 0.5f, 0.15f}, 48, 64), "trunk");
    add(geometry::Mesh{}, "empty"); // a structure without triangles still has a piece and lists
    add(geometry::testing::makeEllipsoid({0.3f, 0.5f, 0}, {0.05f, 0.3f, 0.05f}), "arm");
    add(geometry::testing::makeEllipsoid({-0.3f, 0.5f, 0}, {0.05f, 0.3f, 0.05f}, 8, 12), "small arm");
    return body;
}

void expectSame(const render::BodyUpload& a, const render::BodyUpload& b) {
    EXPECT_EQ(a.structures, b.structures);
    EXPECT_EQ(a.interleaved, b.interleaved);
    EXPECT_EQ(a.ids, b.ids);
    EXPECT_EQ(a.indices, b.indices);
    EXPECT_EQ(a.counts, b.counts);
    EXPECT_EQ(a.offsets, b.offsets);
    EXPECT_EQ(a.baseVertex, b.baseVertex);
    EXPECT_EQ(a.lodErrors, b.lodErrors);
    EXPECT_EQ(a.firstPiece, b.firstPiece);
    EXPECT_EQ(a.pieceStarts, b.pieceStarts);
    EXPECT_EQ(a.pieces, b.pieces);
    ASSERT_EQ(a.lods.size(), b.lods.size());
    for (size_t s = 0; s < a.lods.size(); ++s) {
        ASSERT_EQ(a.lods[s].size(), b.lods[s].size());
        for (size_t k = 0; k < a.lods[s].size(); ++k) {
            EXPECT_EQ(a.lods[s][k].count, b.lods[s][k].count);
            EXPECT_EQ(a.lods[s][k].offset, b.lods[s][k].offset);
        }
    }
    ASSERT_EQ(a.boxes.size(), b.boxes.size());
    for (size_t s = 0; s < a.boxes.size(); ++s) {
        ASSERT_EQ(a.boxes[s].size(), b.boxes[s].size());
        for (size_t k = 0; k < a.boxes[s].size(); ++k) {
            EXPECT_EQ(a.boxes[s][k].min, b.boxes[s][k].min);
            EXPECT_EQ(a.boxes[s][k].max, b.boxes[s][k].max);
        }
    }
}

} // namespace

TEST(BodyUpload, ThreadsGiveTheSameLayoutAsOneThread) {
    const auto body = syntheticBody();
    const auto one = render::prepareBodyUpload(body, 1);
    expectSame(one, render::prepareBodyUpload(body, 3));
    expectSame(one, render::prepareBodyUpload(body)); // one per core
}

TEST(BodyUpload, ABodyCutIntoPiecesOnLoadingLaysOutAsOneCutWhenLaidOut) {
    // The loader cuts each mesh into pieces once and the cache keeps them; the layout then only copies.
    const auto body = syntheticBody();
    auto cut = body;
    for (auto& m : cut.meshes)
        geometry::cutIntoPieces(m);
    ASSERT_TRUE(geometry::piecesFit(cut.meshes[0]));
    expectSame(render::prepareBodyUpload(body, 2), render::prepareBodyUpload(cut, 2));
}

// Every structure's lists and pieces lie over its own vertices, where the layout says.
void expectConsistent(const render::BodyUpload& up, const anatomy::Body& body) {
    ASSERT_EQ(up.structures, body.size());
    size_t vertices = 0;
    for (const auto& m : body.meshes)
        vertices += m.vertexCount();
    EXPECT_EQ(up.ids.size(), vertices);
    EXPECT_EQ(up.interleaved.size(), vertices * 6);
    uint32_t pieces = 0;
    for (uint32_t s = 0; s < body.size(); ++s) {
        const auto& m = body.meshes[s];
        const auto base = static_cast<uint32_t>(up.baseVertex[s]);
        for (size_t v = 0; v < m.vertexCount(); ++v) {
            EXPECT_EQ(up.ids[base + v], s);
            EXPECT_EQ(up.interleaved[(base + v) * 6], m.positions[v].x);
        }
        // The full list and each level: the same number of triangles as the mesh's, over this structure's vertices.
        ASSERT_EQ(up.lods[s].size(), m.lods.size());
        ASSERT_EQ(up.pieceStarts[s].size(), m.lods.size() + 1);
        auto check = [&](size_t offset, int32_t count, size_t expected, const std::vector<uint32_t>& starts) {
            EXPECT_EQ(static_cast<size_t>(count), expected);
            const size_t at = offset / sizeof(uint32_t);
            for (size_t i = at; i < at + static_cast<size_t>(count); ++i) {
                EXPECT_GE(up.indices[i], base);
                EXPECT_LT(up.indices[i], base + m.vertexCount());
            }
            ASSERT_GE(starts.size(), 2u);
            EXPECT_EQ(starts.front(), at);
            EXPECT_EQ(starts.back(), at + static_cast<size_t>(count));
            EXPECT_EQ(starts.size(), up.boxes[s].size() + 1);
        };
        check(up.offsets[s], up.counts[s], m.indices.size(), up.pieceStarts[s][0]);
        for (size_t k = 0; k < m.lods.size(); ++k) {
            check(up.lods[s][k].offset, up.lods[s][k].count, m.lods[k].indices.size(), up.pieceStarts[s][k + 1]);
            EXPECT_EQ(up.lodErrors[s][k], m.lods[k].error);
        }
        EXPECT_EQ(up.firstPiece[s], pieces);
        pieces += static_cast<uint32_t>(up.boxes[s].size());
    }
    EXPECT_EQ(up.pieces, pieces);
}

TEST(BodyUpload, EveryStructuresListsAndPiecesLieOverItsOwnVertices) {
    const auto body = syntheticBody();
    const auto up = render::prepareBodyUpload(body, 2);
    expectConsistent(up, body);
    EXPECT_GT(up.boxes[0].size(), 1u); // the large mesh is cut into pieces
    EXPECT_EQ(up.boxes[1].size(), 1u); // the empty one is one piece
}

// A layout and the one laid out after it, joined as the renderer's buffers join them.
render::BodyUpload joined(render::BodyUpload first, const render::BodyUpload& added) {
    EXPECT_EQ(added.vertexOrigin, first.ids.size());
    EXPECT_EQ(added.indexOrigin, first.indices.size());
    first.interleaved.insert(first.interleaved.end(), added.interleaved.begin(), added.interleaved.end());
    first.ids.insert(first.ids.end(), added.ids.begin(), added.ids.end());
    first.indices.insert(first.indices.end(), added.indices.begin(), added.indices.end());
    const size_t n = added.structures;
    first.counts.resize(n);
    first.offsets.resize(n);
    first.baseVertex.resize(n);
    first.lods.resize(n);
    first.lodErrors.resize(n);
    first.boxes.resize(n);
    first.firstPiece.resize(n);
    first.pieceStarts.resize(n);
    for (size_t s = 0; s < n; ++s) {
        if (added.pieceStarts[s].empty())
            continue;
        first.counts[s] = added.counts[s];
        first.offsets[s] = added.offsets[s];
        first.baseVertex[s] = added.baseVertex[s];
        first.lods[s] = added.lods[s];
        first.lodErrors[s] = added.lodErrors[s];
        first.boxes[s] = added.boxes[s];
        first.firstPiece[s] = added.firstPiece[s];
        first.pieceStarts[s] = added.pieceStarts[s];
    }
    first.pieces = added.pieces;
    first.structures = n;
    return first;
}

TEST(BodyUpload, StructuresAddedLaterAreLaidOutAfterWhatWasThereWhichStaysAsItWas) {
    auto body = syntheticBody();
    auto late = body; // the first two structures, then two that join later (the window's fascia)
    body.structures.resize(2);
    body.meshes.resize(2);
    const auto up = render::prepareBodyUpload(body, 2);
    const auto added = render::layoutAdded(up, late, 2);
    ASSERT_EQ(added.structures, late.size());
    // Only the added structures are in it, after what the first layout holds; the first two are not placed again.
    EXPECT_EQ(added.ids.size(), late.meshes[2].vertexCount() + late.meshes[3].vertexCount());
    EXPECT_TRUE(added.pieceStarts[0].empty());
    EXPECT_TRUE(added.pieceStarts[1].empty());
    EXPECT_EQ(added.firstPiece[2], up.pieces);
    // Joined, the two are a consistent layout of the whole body.
    expectConsistent(joined(up, added), late);
    // Adding nothing lays out nothing; a body smaller than the layout is refused.
    const auto none = render::layoutAdded(joined(up, added), late, 1);
    EXPECT_TRUE(none.ids.empty());
    EXPECT_TRUE(none.indices.empty());
    EXPECT_EQ(none.structures, late.size());
    EXPECT_THROW((void)render::layoutAdded(joined(up, added), body), core::Error);
}

TEST(BodyUpload, AStructureFilledInLaterIsLaidOutAfterTheEndWithTheSameListsAsAWholeLayoutGives) {
    auto whole = syntheticBody();
    auto shown = whole; // the window's body: structure 2 is there from the start, empty (the fascia on a first start)
    shown.meshes[2] = geometry::Mesh{};
    const auto up = render::prepareBodyUpload(shown, 2);
    const auto end = render::uploadEnd(up);
    EXPECT_EQ(end.vertices, up.ids.size());
    EXPECT_EQ(end.indices, up.indices.size());
    EXPECT_EQ(end.structures, shown.size());
    const std::vector<uint32_t> slots{2};
    const std::vector<const geometry::Mesh*> meshes{&whole.meshes[2]};
    const auto tail = render::layoutAfter(end, slots, meshes, 2);
    EXPECT_EQ(tail.vertexOrigin, end.vertices);
    EXPECT_EQ(tail.indexOrigin, end.indices);
    EXPECT_EQ(tail.ids.size(), whole.meshes[2].vertexCount());
    EXPECT_TRUE(std::all_of(tail.ids.begin(), tail.ids.end(), [](uint32_t id) { return id == 2; }));
    // Its indices point at its own vertices, which come after everything the buffers held.
    for (uint32_t i : tail.indices) {
        EXPECT_GE(i, end.vertices);
        EXPECT_LT(i, end.vertices + tail.ids.size());
    }
    // The same lists and pieces as the structure gets in a whole layout, moved to the end; other slots untouched.
    const auto ref = render::prepareBodyUpload(whole, 1);
    EXPECT_EQ(tail.counts[2], ref.counts[2]);
    EXPECT_EQ(tail.boxes[2].size(), ref.boxes[2].size());
    EXPECT_EQ(tail.lods[2].size(), ref.lods[2].size());
    EXPECT_EQ(tail.firstPiece[2], end.pieces);
    EXPECT_EQ(tail.pieces, end.pieces + ref.boxes[2].size());
    EXPECT_EQ(tail.offsets[2], end.indices * sizeof(uint32_t));
    EXPECT_TRUE(tail.pieceStarts[0].empty());
    EXPECT_EQ(tail.pieceStarts[2].size(), ref.pieceStarts[2].size());
    EXPECT_EQ(tail.pieceStarts[2][0].front(), end.indices);
    // Slots out of order, or beyond the structures the layout covers, are refused.
    const std::vector<uint32_t> beyond{7};
    EXPECT_THROW((void)render::layoutAfter(end, beyond, meshes), core::Error);
    const std::vector<uint32_t> falling{2, 1};
    const std::vector<const geometry::Mesh*> two{&whole.meshes[2], &whole.meshes[1]};
    EXPECT_THROW((void)render::layoutAfter(end, falling, two), core::Error);
    EXPECT_THROW((void)render::layoutAfter(end, slots, two), core::Error);
}
