#include "geometry/fascia_shell.h"

#include "core/timer.h"
#include "geometry/mesh_topology.h"
#include "geometry/muscle_axis.h"
#include "geometry_test_support.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <iostream>
#include <memory>

using namespace myoatlas::geometry;
namespace gt = myoatlas::geometry::testing;

namespace {

// A synthetic body: an ellipsoidal skin with an ellipsoidal muscle 20..30 mm under it.
struct Synthetic {
    Mesh skin = gt::makeEllipsoid({0, 0, 0}, {0.10f, 0.25f, 0.08f}, 48, 64);
    Mesh muscle = gt::makeEllipsoid({0, 0, 0}, {0.08f, 0.22f, 0.06f}, 32, 48);
};

} // namespace

TEST(FasciaShell, PrepareSkinWeldsAndOrientsOutward) {
    Synthetic s;
    Mesh flipped = s.skin;
    for (size_t t = 0; t < flipped.triangleCount(); ++t)
        std::swap(flipped.indices[t * 3 + 1], flipped.indices[t * 3 + 2]);
    SkinSurface skin = prepareSkin(flipped, {.outerSheetOnly = false});
    EXPECT_GT(gt::signedVolume(skin.mesh), 0.0);
    // The UV sphere's poles are welded to single vertices.
    EXPECT_EQ(skin.mesh.vertexCount(), 47u * 64u + 2u);
    for (size_t v = 0; v < skin.mesh.vertexCount(); ++v)
        EXPECT_GT(glm::dot(skin.mesh.normals[v], skin.mesh.positions[v]), 0.0f);
    EXPECT_NEAR(skin.thickness[0], 0.5f, 1e-3f); // north pole to south pole
}

TEST(FasciaShell, PrepareSkinKeepsTheOuterOfTwoNestedSheets) {
    // Like BodyParts3D's skin: an outer sheet and an inner one 2 mm below, both facing out.
    Synthetic s;
    Mesh two = s.skin;
    two.append(gt::makeEllipsoid({0, 0, 0}, {0.098f, 0.248f, 0.078f}, 40, 50));
    SkinSurface skin = prepareSkin(two);
    EXPECT_EQ(skin.mesh.triangleCount(), s.skin.triangleCount());
    EXPECT_GT(skin.droppedTriangles, 0u);
    EXPECT_GT(skin.thickness[0], 0.4f); // the inner sheet no longer counts as the far side
}

TEST(FasciaShell, SuperficialShellIsAConstantOffsetAwayFromObstacles) {
    Synthetic s;
    SkinSurface skin = prepareSkin(s.skin);
    const Mesh* muscle = &s.muscle;
    FasciaShell shell = superficialFascia(skin, std::span<const Mesh* const>(&muscle, 1));
    ASSERT_EQ(shell.mesh.vertexCount(), skin.mesh.vertexCount());
    for (size_t v = 0; v < shell.mesh.vertexCount(); ++v) {
        EXPECT_LE(shell.depth[v], 0.003f + 1e-6f);
        EXPECT_GE(shell.depth[v], 0.0f);
        uint32_t sv = shell.skinVertex[v];
        EXPECT_NEAR(glm::distance(shell.mesh.positions[v], skin.mesh.positions[sv]), shell.depth[v], 1e-5f);
    }
    // The muscle is at least 20 mm down everywhere, so the full 3 mm is used nearly everywhere.
    size_t full = 0;
    for (float d : shell.depth)
        full += d > 0.0029f ? 1 : 0;
    EXPECT_GT(full, shell.depth.size() * 95 / 100);
    EXPECT_GT(gt::signedVolume(shell.mesh), 0.0); // normals still outward
}

TEST(FasciaShell, SuperficialShellIsClampedByAShallowObstacle) {
    Synthetic s;
    SkinSurface skin = prepareSkin(s.skin);
    Mesh close = gt::makeEllipsoid({0, 0, 0}, {0.099f, 0.249f, 0.079f}, 32, 48); // 1 mm under the skin
    const Mesh* m = &close;
    FasciaShell shell = superficialFascia(skin, std::span<const Mesh* const>(&m, 1));
    Bvh bvh;
    bvh.build(close);
    for (size_t v = 0; v < shell.mesh.vertexCount(); ++v) {
        EXPECT_LT(shell.depth[v], 0.0008f);
        EXPECT_FALSE(insideClosedSurface(bvh, shell.mesh.positions[v])) << v;
    }
}

TEST(FasciaShell, DeepEnvelopeWrapsASyntheticMuscle) {
    Synthetic s;
    SkinSurface skin = prepareSkin(s.skin);
    const Mesh* muscle = &s.muscle;
    FasciaShell deep = deepFascia(skin, std::span<const Mesh* const>(&muscle, 1));
    ASSERT_EQ(deep.mesh.triangleCount(), skin.mesh.triangleCount()); // fully supported: nothing dropped
    Bvh muscleBvh, skinBvh, deepBvh;
    muscleBvh.build(s.muscle);
    skinBvh.build(s.skin);
    deepBvh.build(deep.mesh);
    for (size_t v = 0; v < deep.mesh.vertexCount(); ++v) {
        const glm::vec3& p = deep.mesh.positions[v];
        EXPECT_TRUE(insideClosedSurface(skinBvh, p));
        EXPECT_FALSE(insideClosedSurface(muscleBvh, p));
        // Shrink-wrapped: within a few mm of the muscle (1 mm offset + smoothing over 10..30 mm of fat).
        EXPECT_LT(muscleBvh.closestPoint(p).distance, 0.004f);
    }
    for (const glm::vec3& p : s.muscle.positions)
        EXPECT_TRUE(insideClosedSurface(deepBvh, p));
    EXPECT_GT(gt::signedVolume(deep.mesh), 0.0);
}

TEST(FasciaShell, DeepEnvelopeDropsRegionsWithNoMuscleBelow) {
    // Skin 0.5 m tall, muscle only in the lower half: the top is dropped, or kept and marked unsupported.
    Mesh skin = gt::makeEllipsoid({0, 0, 0}, {0.08f, 0.25f, 0.08f}, 48, 48);
    Mesh muscle = gt::makeEllipsoid({0, -0.13f, 0}, {0.06f, 0.1f, 0.06f}, 24, 32);
    SkinSurface prepared = prepareSkin(skin);
    const Mesh* m = &muscle;
    FasciaShell dropped = deepFascia(prepared, std::span<const Mesh* const>(&m, 1));
    EXPECT_GT(dropped.mesh.triangleCount(), 0u);
    EXPECT_LT(dropped.mesh.triangleCount(), prepared.mesh.triangleCount() * 3 / 4);
    for (const glm::vec3& p : dropped.mesh.positions)
        EXPECT_LT(p.y, 0.05f);
    DeepFasciaOptions keep;
    keep.dropUnsupported = false;
    FasciaShell whole = deepFascia(prepared, std::span<const Mesh* const>(&m, 1), keep);
    EXPECT_EQ(whole.mesh.triangleCount(), prepared.mesh.triangleCount());
    size_t unsupportedTop = 0, top = 0;
    for (size_t v = 0; v < whole.mesh.vertexCount(); ++v)
        if (whole.mesh.positions[v].y > 0.1f) {
            ++top;
            unsupportedTop += whole.supported[v] ? 0 : 1;
            EXPECT_NEAR(whole.depth[v], keep.unsupportedDepth, 0.002f) << whole.mesh.positions[v].y;
        }
    EXPECT_EQ(unsupportedTop, top);
}

TEST(FasciaShell, CutSheetByRegion) {
    Synthetic s;
    SkinSurface skin = prepareSkin(s.skin);
    FasciaShell shell = superficialFascia(skin, {});
    // Posterior (normal facing -z) and above y = 0: a "thoracolumbar" patch.
    SurfaceRegion region = allOf({facing({0, 0, -1}, 0.5f), halfSpace({0, 0, 0}, {0, 1, 0})});
    FasciaShell sheet = cutSheet(shell, skin, region, CutRule::AllCorners);
    ASSERT_GT(sheet.mesh.triangleCount(), 0u);
    EXPECT_LT(sheet.mesh.triangleCount(), shell.mesh.triangleCount() / 4);
    for (size_t v = 0; v < sheet.mesh.vertexCount(); ++v) {
        uint32_t sv = sheet.skinVertex[v];
        EXPECT_TRUE(region(skin.mesh.positions[sv], skin.mesh.normals[sv]));
        EXPECT_EQ(sheet.mesh.positions[v],
                  shell.mesh.positions[std::distance(shell.skinVertex.begin(),
                                                     std::find(shell.skinVertex.begin(), shell.skinVertex.end(), sv))]);
    }
    FasciaShell boxes = cutSheet(shell, skin, inBoxes({Aabb{{-1, -1, -1}, {1, 1, 1}}}));
    EXPECT_EQ(boxes.mesh.triangleCount(), shell.mesh.triangleCount());
    FasciaShell none = cutSheet(shell, skin, noneOf({anyOf({inBoxes({Aabb{{-1, -1, -1}, {1, 1, 1}}})})}));
    EXPECT_EQ(none.mesh.triangleCount(), 0u);
    FasciaShell band = cutSheet(shell, skin, nearPolyline({{0, -0.3f, 0.08f}, {0, 0.3f, 0.08f}}, 0.02f));
    EXPECT_GT(band.mesh.triangleCount(), 0u);
    for (const glm::vec3& p : band.mesh.positions)
        EXPECT_LT(std::abs(p.x), 0.03f);
}

TEST(FasciaShell, SimplifyKeepsPerVertexData) {
    Synthetic s;
    SkinSurface skin = prepareSkin(s.skin);
    FasciaShell shell = superficialFascia(skin, {});
    FasciaShell simple = simplifyShell(shell, 0.25f, 0.01f);
    EXPECT_LT(simple.mesh.triangleCount(), shell.mesh.triangleCount() / 2);
    EXPECT_GT(simple.mesh.triangleCount(), 0u);
    ASSERT_EQ(simple.skinVertex.size(), simple.mesh.vertexCount());
    ASSERT_EQ(simple.depth.size(), simple.mesh.vertexCount());
    ASSERT_EQ(simple.mesh.normals.size(), simple.mesh.vertexCount());
}

// ---- Real data: the skin and the superficial muscles of the trunk and thigh. ----

namespace {

struct RealBody {
    Mesh skin;
    std::vector<Mesh> muscles;
    std::vector<std::string> files;
    [[nodiscard]] std::vector<const Mesh*> musclePointers() const {
        std::vector<const Mesh*> out;
        for (const Mesh& m : muscles)
            out.push_back(&m);
        return out;
    }
};

const RealBody& realBody() {
    static std::unique_ptr<RealBody> body;
    if (body)
        return *body;
    body = std::make_unique<RealBody>();
    auto dir = gt::testDataDir();
    if (dir.empty())
        return *body;
    body->skin = gt::loadGlb(dir / "isa/skin/FJ2810_FMA7163_skin.glb");
    // The superficial muscles of the trunk and thigh (manifest layer_guess, checked by hand), and the iliotibial
    // tracts, which fascia lata must join.
    const std::vector<std::string> names = {"trapezius",
                                            "latissimus_dorsi",
                                            "pectoralis_major",
                                            "external_oblique",
                                            "rectus_abdominis",
                                            "gluteus_maximus",
                                            "gluteus_medius",
                                            "tensor_fasciae_latae",
                                            "sartorius",
                                            "rectus_femoris",
                                            "vastus_lateralis",
                                            "vastus_medialis",
                                            "gracilis",
                                            "adductor_longus",
                                            "long_head_of_right_biceps_femoris",
                                            "long_head_of_left_biceps_femoris",
                                            "semitendinosus",
                                            "semimembranosus",
                                            "iliotibial_tract",
                                            "serratus_anterior"};
    for (const gt::ManifestRow& row : gt::readManifest(dir)) {
        if (row.category != "muscles" && row.category != "connective")
            continue;
        for (const std::string& n : names)
            if (row.file.find(n) != std::string::npos) {
                body->muscles.push_back(gt::loadGlb(dir / row.file));
                body->files.push_back(row.file);
                break;
            }
    }
    return *body;
}

// The outer sheet of the raw skin (its largest raw component by bounding-box volume), independent of prepareSkin.
Mesh outerSkinReference(const Mesh& skin) {
    Components c = connectedComponents(skin.vertexCount(), skin.indices);
    std::vector<Aabb> boxes(c.count);
    for (size_t v = 0; v < skin.vertexCount(); ++v)
        boxes[c.componentOf[v]].expand(skin.positions[v]);
    uint32_t best = 0;
    auto vol = [](const Aabb& b) { return b.extent().x * b.extent().y * b.extent().z; };
    for (uint32_t k = 1; k < c.count; ++k)
        if (vol(boxes[k]) > vol(boxes[best]))
            best = k;
    Mesh out;
    out.positions = skin.positions;
    for (size_t t = 0; t < skin.triangleCount(); ++t)
        if (c.componentOf[skin.indices[t * 3]] == best)
            out.indices.insert(out.indices.end(),
                               {skin.indices[t * 3], skin.indices[t * 3 + 1], skin.indices[t * 3 + 2]});
    return out;
}

} // namespace

TEST(FasciaShellRealData, EnvelopeEnclosesSuperficialMusclesAndStaysInsideTheSkin) {
    const RealBody& body = realBody();
    ASSERT_GT(body.skin.triangleCount(), 50000u);
    ASSERT_GE(body.muscles.size(), 30u);
    std::vector<const Mesh*> muscles = body.musclePointers();

    myoatlas::core::Stopwatch clock;
    SkinSurface skin = prepareSkin(body.skin);
    double prepareS = clock.seconds();
    clock.reset();
    FasciaShell superficial = superficialFascia(skin, muscles);
    double superficialS = clock.seconds();
    clock.reset();
    FasciaShell deep = deepFascia(skin, muscles);
    double deepS = clock.seconds();
    std::cout << "[ timing ] prepareSkin " << prepareS << " s, superficialFascia " << superficialS << " s, deepFascia "
              << deepS << " s (" << muscles.size() << " meshes, skin " << skin.mesh.triangleCount()
              << " triangles, envelope " << deep.mesh.triangleCount() << ")\n";
    ASSERT_GT(deep.mesh.triangleCount(), skin.mesh.triangleCount() / 4); // trunk and thighs are covered

    Mesh outer = outerSkinReference(body.skin);
    Bvh outerBvh, deepBvh;
    outerBvh.build(outer);
    deepBvh.build(deep.mesh);

    // 1. Both shells stay inside the skin (ray parity against the raw outer sheet).
    for (const FasciaShell* shell : {&superficial, &deep}) {
        size_t outside = 0;
        for (size_t v = 0; v < shell->mesh.vertexCount(); v += 3)
            outside += insideClosedSurface(outerBvh, shell->mesh.positions[v]) ? 0 : 1;
        EXPECT_LE(outside, shell->mesh.vertexCount() / 3 / 1000) << "shell vertices outside the skin";
    }

    // 2. The envelope encloses the muscles: from the skin point nearest a muscle sample, walk toward the sample;
    // the envelope must be crossed before the sample is reached. Samples outside the skin (BodyParts3D muscles
    // poke through it in places) and samples with no envelope above them (dropped regions) are counted apart.
    size_t enclosed = 0, above = 0, uncovered = 0, outsideSkin = 0, deepSamples = 0;
    for (const Mesh* m : muscles)
        for (size_t v = 0; v < m->vertexCount(); v += 4) {
            const glm::vec3& p = m->positions[v];
            ClosestPoint sp = outerBvh.closestPoint(p, 0.04f);
            if (!sp.found) {
                ++deepSamples;
                continue;
            }
            if (!insideClosedSurface(outerBvh, p)) {
                ++outsideSkin;
                continue;
            }
            glm::vec3 dir = p - sp.point;
            float len = glm::length(dir);
            if (len < 1e-5f) {
                ++outsideSkin;
                continue;
            }
            RayHit h = deepBvh.intersect({sp.point, dir / len}, 0.1f);
            if (!h.hit)
                ++uncovered;
            else if (h.t <= len + 0.0005f) // half a millimetre: the envelope's triangles are ~1 cm chords
                ++enclosed;
            else
                ++above;
        }
    double ratio = static_cast<double>(enclosed) / static_cast<double>(std::max<size_t>(1, enclosed + above));
    std::cout << "[ enclose ] enclosed " << enclosed << ", above the envelope " << above << ", uncovered " << uncovered
              << ", outside the skin " << outsideSkin << ", deeper than 40 mm " << deepSamples << "\n";
    EXPECT_GT(ratio, 0.97);
    EXPECT_GT(enclosed, 10000u);
    EXPECT_LT(uncovered, enclosed / 5);

    // 3. Superficial fascia above the deep fascia along each skin normal wherever both exist (a few exceptions
    // where a muscle vertex beside the ray limits only the deep layer).
    std::vector<float> superficialDepth(skin.mesh.vertexCount(), -1.0f);
    for (size_t v = 0; v < superficial.mesh.vertexCount(); ++v)
        superficialDepth[superficial.skinVertex[v]] = superficial.depth[v];
    size_t ordered = 0;
    for (size_t v = 0; v < deep.mesh.vertexCount(); ++v)
        ordered += deep.depth[v] + 1e-4f >= superficialDepth[deep.skinVertex[v]] ? 1 : 0;
    EXPECT_GT(ordered, deep.mesh.vertexCount() * 95 / 100);
}
