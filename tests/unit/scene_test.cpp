// Camera maths, option parsing and state commands: pure functions on the GL-free scene module.
#include "core/error.h"
#include "scene/app_state.h"
#include "scene/camera.h"
#include "scene/frame_budget.h"
#include "scene/options.h"
#include "support/test_body.h"

#include <glm/geometric.hpp>

using namespace myoatlas;

TEST(Camera, NamedViewsLookFromTheRightSide) {
    geometry::Aabb box;
    box.expand({-0.3f, -0.1f, -0.05f});
    box.expand({0.3f, 1.6f, 0.25f});
    scene::Camera cam;
    cam.setView(scene::ViewName::Anterior, box, 1.0f);
    EXPECT_GT(cam.pose.eye().z, box.max.z); // the body faces +Z
    cam.setView(scene::ViewName::Posterior, box, 1.0f);
    EXPECT_LT(cam.pose.eye().z, box.min.z);
    cam.setView(scene::ViewName::Left, box, 1.0f);
    EXPECT_GT(cam.pose.eye().x, box.max.x); // +X is the subject's left
    cam.setView(scene::ViewName::Right, box, 1.0f);
    EXPECT_LT(cam.pose.eye().x, box.min.x);
    cam.setView(scene::ViewName::Superior, box, 1.0f);
    EXPECT_GT(cam.pose.eye().y, box.max.y);
    cam.setView(scene::ViewName::Inferior, box, 1.0f);
    EXPECT_LT(cam.pose.eye().y, box.min.y);
}

TEST(Camera, FramingKeepsTheBoxOnScreen) {
    geometry::Aabb box;
    box.expand({-0.3f, -0.1f, -0.05f});
    box.expand({0.3f, 1.6f, 0.25f});
    scene::Camera cam;
    cam.setView(scene::ViewName::Anterior, box, 0.75f);
    glm::vec2 vp(600, 800);
    for (float x : {box.min.x, box.max.x})
        for (float y : {box.min.y, box.max.y}) {
            auto p = cam.project({x, y, box.center().z}, vp);
            ASSERT_TRUE(p.has_value());
            EXPECT_GE(p->x, 0.0f);
            EXPECT_LE(p->x, vp.x);
            EXPECT_GE(p->y, 0.0f);
            EXPECT_LE(p->y, vp.y);
        }
}

TEST(Camera, OrbitClampsPitchAndZoomStaysPositive) {
    scene::Camera cam;
    cam.orbit(0.0f, 10.0f);
    EXPECT_LT(cam.pose.pitch, 1.5708f);
    for (int i = 0; i < 200; ++i)
        cam.zoom(0.5f);
    EXPECT_GT(cam.pose.distance, 0.0f);
}

TEST(Camera, InterpolationTakesTheShortWayRound) {
    scene::CameraPose a, b;
    a.yaw = 3.0f;
    b.yaw = -3.0f; // 0.28 rad apart across +-pi
    auto mid = scene::interpolate(a, b, 0.5f);
    EXPECT_GT(std::abs(mid.yaw), 3.0f);
    EXPECT_EQ(scene::interpolate(a, b, 0.0f).yaw, a.yaw);
    EXPECT_NEAR(scene::interpolate(a, b, 1.0f).distance, b.distance, 1e-5f);
}

TEST(Options, ParseSize) {
    EXPECT_EQ(scene::parseSize("1600x1200"), std::make_pair(1600, 1200));
    EXPECT_THROW((void)scene::parseSize("1600"), core::UsageError);
    EXPECT_THROW((void)scene::parseSize("1600x"), core::UsageError);
    EXPECT_THROW((void)scene::parseSize("8x8"), core::UsageError);
    EXPECT_THROW((void)scene::parseSize("100x100x3"), core::UsageError);
}

TEST(Options, ParseLayers) {
    auto l = scene::parseLayers("skin:0.3,bone");
    EXPECT_TRUE(l[index(anatomy::Layer::Skin)].visible);
    EXPECT_FLOAT_EQ(l[index(anatomy::Layer::Skin)].opacity, 0.3f);
    EXPECT_TRUE(l[index(anatomy::Layer::Bone)].visible);
    EXPECT_FALSE(l[index(anatomy::Layer::SuperficialMuscle)].visible);
    EXPECT_THROW((void)scene::parseLayers("skin,organs"), core::UsageError);
    EXPECT_THROW((void)scene::parseLayers("skin:2"), core::UsageError);
    EXPECT_THROW((void)scene::parseLayers("skin:abc"), core::UsageError);
    EXPECT_EQ(scene::parseLayers("all"), scene::ViewState::defaultLayers());
    EXPECT_EQ(scene::parseViewName("posterior"), scene::ViewName::Posterior);
    EXPECT_FALSE(scene::parseViewName("sideways").has_value());
}

TEST(Commands, SelectHideIsolatePeel) {
    const auto& body = test::testBody();
    scene::AppState state;
    auto trapezius = scene::findStructures(body, "right trapezius");
    ASSERT_EQ(trapezius.size(), 3u);
    scene::apply(state, body, scene::SelectStructure{trapezius[1], false, true});
    EXPECT_EQ(state.view.selection.size(), 3u); // the whole muscle
    scene::apply(state, body, scene::IsolateSelection{});
    EXPECT_TRUE(state.view.isVisible(body, trapezius[0]));
    EXPECT_FALSE(state.view.isVisible(body, *body.skin()));
    scene::apply(state, body, scene::ShowAll{});
    EXPECT_TRUE(state.view.isVisible(body, *body.skin()));
    scene::apply(state, body, scene::HideSelection{});
    EXPECT_FALSE(state.view.isVisible(body, trapezius[2]));
    EXPECT_TRUE(state.view.selection.empty());
    scene::apply(state, body, scene::ShowAll{});
    scene::apply(state, body, scene::SetPeel{1});
    EXPECT_FALSE(state.view.isVisible(body, *body.skin()));
    EXPECT_TRUE(state.view.isVisible(body, trapezius[0]));
    scene::apply(state, body, scene::SetPeel{3}); // skin, fascia and superficial muscle peeled
    EXPECT_FALSE(state.view.isVisible(body, trapezius[0]));
    auto psoas = scene::findStructures(body, "right psoas major");
    EXPECT_TRUE(state.view.isVisible(body, psoas[0]));
    scene::apply(state, body, scene::SetPeel{99});
    EXPECT_EQ(state.view.peel, static_cast<int>(anatomy::kLayerCount) - 1);
    scene::apply(state, body, scene::SetLayerOpacity{anatomy::Layer::Bone, 3.0f});
    EXPECT_FLOAT_EQ(state.view.layers[index(anatomy::Layer::Bone)].opacity, 1.0f);
}

TEST(Commands, NamedViewFramesTheBody) {
    const auto& body = test::testBody();
    scene::AppState state;
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Posterior});
    EXPECT_LT(state.view.camera.eye().z, 0.0f);
    EXPECT_NEAR(state.view.camera.target.y, body.structures[*body.skin()].bounds.center().y, 1e-4f);
}

TEST(LevelOfDetail, ChainOfSimplifiedMeshesShrinksAndStaysOnTheSurface) {
    const auto& body = test::testBody();
    auto femur = scene::findStructures(body, "right gluteus maximus");
    ASSERT_FALSE(femur.empty());
    const auto& m = body.meshes[femur[0]];
    ASSERT_GE(m.lods.size(), 2u);
    size_t previous = m.indices.size();
    float previousError = 0.0f;
    for (const auto& level : m.lods) {
        EXPECT_LE(static_cast<float>(level.indices.size()), static_cast<float>(previous) * geometry::kLodMaxKept);
        EXPECT_EQ(level.indices.size() % 3, 0u);
        EXPECT_GE(level.error, previousError);
        for (uint32_t i : level.indices)
            ASSERT_LT(i, m.vertexCount());
        previous = level.indices.size();
        previousError = level.error;
    }
    // The finest simplified surface has about the same area (the silhouette is kept), within its stated error.
    geometry::Mesh lod = m;
    lod.indices = m.lods.front().indices;
    EXPECT_NEAR(lod.surfaceArea(), m.surfaceArea(), 0.05f * m.surfaceArea());
    // No level strays further than buildLods allows (8% of the mesh's largest extent).
    const glm::vec3 extent = m.bounds().extent();
    EXPECT_LE(m.lods.back().error, 0.08f * std::max({extent.x, extent.y, extent.z}) * 1.001f);
    size_t withLod = 0;
    for (const auto& mesh : body.meshes)
        withLod += mesh.lods.empty() ? 0 : 1;
    EXPECT_GT(withLod, body.size() / 2);
}

// While moving, slow frames first loosen the level of detail, then halve the resolution; fast ones win both back;
// a rest restores full size.
TEST(FrameBudget, SlowInteractionLoosensDetailThenHalvesTheResolutionAndFastFramesRestoreThem) {
    scene::FrameBudget b(0.1);
    EXPECT_EQ(b.scale(), 1.0f);
    const float start = b.lodPixels();
    EXPECT_GE(start, scene::FrameBudget::kRestLodPixels);
    b.drawn(0.0, false);
    b.drawn(5.0, false); // after a pause: not an interaction gap
    EXPECT_EQ(b.scale(), 1.0f);
    EXPECT_EQ(b.lodPixels(), start);
    double t = 5.0;
    for (int i = 0; i < 20 && b.scale() == 1.0f; ++i)
        b.drawn(t += 0.15, true);                                      // dragging at under 10 fps
    EXPECT_EQ(b.lodPixels(), scene::FrameBudget::kMaxMovingLodPixels); // detail went first
    EXPECT_EQ(b.scale(), 0.5f);
    b.drawn(t += 0.10, true); // half size at 10 fps: a full frame would still miss the budget
    EXPECT_EQ(b.scale(), 0.5f);
    b.drawn(t += 0.01, true); // 100 fps at half size: full size fits
    EXPECT_EQ(b.scale(), 1.0f);
    for (int i = 0; i < 20; ++i)
        b.drawn(t += 0.01, true); // fast frames: detail comes back
    EXPECT_EQ(b.lodPixels(), scene::FrameBudget::kRestLodPixels);
    b.drawn(t += 0.5, true);
    b.drawn(t += 0.5, true);
    b.rest();
    EXPECT_EQ(b.scale(), 1.0f);
    scene::FrameBudget fast(0.1);
    for (int i = 0; i < 50; ++i)
        fast.drawn(i * 0.03, i > 0);
    EXPECT_EQ(fast.scale(), 1.0f);
    EXPECT_EQ(fast.lodPixels(), scene::FrameBudget::kRestLodPixels);
}

TEST(FrameBudget, AFarTooSlowFrameGoesStraightToTheCoarsestMovingStateWhichTheNextDragStartsFrom) {
    scene::FrameBudget b(0.05);
    b.setOutputPixels(1920.0 * 1080.0); // a projector: a third of the size is allowed while the camera moves
    // A drag: the camera moves in every frame (the window calls moving() before each).
    auto dragged = [&](double t) {
        b.moving();
        b.drawn(t, true);
        b.moving();
    };
    b.drawn(0.0, false);
    dragged(0.15); // three times the budget: the coarsest levels at once, not one doubling
    EXPECT_EQ(b.lodPixels(), scene::FrameBudget::kMaxMovingLodPixels);
    EXPECT_EQ(b.scale(), 1.0f);
    dragged(0.30); // still far too slow: half size
    EXPECT_EQ(b.scale(), 0.5f);
    dragged(0.36); // 60 ms at half size: over the budget, a third of the size (a projector at 1920x1080)
    EXPECT_EQ(b.scale(), 0.35f);
    dragged(0.42); // still over: nothing smaller
    EXPECT_EQ(b.scale(), 0.35f);
    dragged(0.44); // 20 ms at a third: half size would take about 41 ms, too close to the 50 ms budget
    EXPECT_EQ(b.scale(), 0.35f);
    dragged(0.45); // 10 ms: half size (about 20 ms) would fit with room
    EXPECT_EQ(b.scale(), 0.5f);
    dragged(0.52);
    dragged(0.58);
    EXPECT_EQ(b.scale(), 0.35f);
    // A pattern animating with the camera still (the projector shows it to the class): never below half size, and
    // the third stays learnt for the next camera move.
    b.drawn(0.70, true);
    EXPECT_EQ(b.scale(), 0.5f);
    b.drawn(0.90, true);
    EXPECT_EQ(b.scale(), 0.5f);
    b.moving();
    EXPECT_EQ(b.scale(), 0.35f);
    b.drawn(1.0, true);
    // The view rests: a hover redraw is full size, but the next camera move starts at the size it needed.
    b.rest();
    EXPECT_EQ(b.scale(), 1.0f);
    b.drawn(5.0, false);
    EXPECT_EQ(b.scale(), 1.0f);
    b.moving();
    EXPECT_EQ(b.scale(), 0.35f);
    EXPECT_EQ(b.lodPixels(), scene::FrameBudget::kMaxMovingLodPixels);
    // Two changed frames in a row are an interaction even without moving(): the learnt size again, at most half.
    b.rest();
    b.drawn(6.0, false);
    b.drawn(6.04, true);
    EXPECT_EQ(b.scale(), 0.5f);
    // At 1280x720 half size is the smallest.
    scene::FrameBudget laptop(0.05);
    laptop.setOutputPixels(1280.0 * 720.0);
    for (int i = 0; i < 10; ++i)
        laptop.drawn(i * 0.2, i > 0);
    EXPECT_EQ(laptop.scale(), 0.5f);
}
