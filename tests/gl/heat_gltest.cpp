// Referred-pain heat drawn by the real GL path on llvmpipe. Baselines are synthetic scenes only: a skin
// sphere over an opaque core with two made-up referral patterns. The real body is checked by image properties:
// heat appears where the pattern is, on the trigger point's side, and not on the other side.
#include "app/feature.h"
#include "app/heat_feature.h"
#include "app/render_command.h"
#include "geometry/geodesic.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/gl_program.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/colormap.h"
#include "scene/heat_field.h"
#include "support/gl_fixture.h"
#include "support/image_compare.h"
#include "support/synthetic_mesh.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/gtc/constants.hpp>
#include <memory>

using namespace myoatlas;

namespace {

// A translucent "skin" sphere (the FMA id the program paints heat on) around an opaque "muscle".
anatomy::Body syntheticTorso() {
    anatomy::Body body;
    anatomy::Structure skin;
    skin.name = "skin";
    skin.fma = "FMA7163";
    skin.category = anatomy::Category::Skin;
    skin.layer = anatomy::Layer::Skin;
    anatomy::Structure muscle;
    muscle.name = "core muscle";
    muscle.category = anatomy::Category::Muscle;
    muscle.layer = anatomy::Layer::SuperficialMuscle;
    body.structures = {skin, muscle};
    body.meshes = {test::uvEllipsoid({0, 0, 0}, {0.3f, 0.3f, 0.3f}, 64, 96),
                   test::uvEllipsoid({0, 0, 0}, {0.24f, 0.27f, 0.24f}, 24, 32)};
    body.updateBounds();
    return body;
}

// Pattern A: an essential patch on the front-left and a spillover stroke running down from it.
anatomy::ResolvedReferral patternA() {
    anatomy::ResolvedReferral r;
    r.trpId = "SYN-A";
    r.side = "left";
    r.trpPosition = {0.12f, 0.22f, 0.14f};
    r.zones.push_back({anatomy::ZoneKind::Essential, {{0.10f, 0.10f, 0.27f}}, 0.08f, "patch"});
    r.zones.push_back({anatomy::ZoneKind::Spillover,
                       {{0.12f, 0.0f, 0.27f}, {0.14f, -0.08f, 0.25f}, {0.15f, -0.16f, 0.2f}},
                       0.05f,
                       "stroke"});
    return r;
}

// Pattern B: a stroke of essential pain across the right and a wide spillover patch below it.
anatomy::ResolvedReferral patternB() {
    anatomy::ResolvedReferral r;
    r.trpId = "SYN-B";
    r.side = "right";
    r.trpPosition = {-0.2f, 0.18f, 0.12f};
    r.zones.push_back({anatomy::ZoneKind::Essential,
                       {{-0.05f, 0.14f, 0.26f}, {-0.14f, 0.12f, 0.23f}, {-0.22f, 0.1f, 0.17f}},
                       0.04f,
                       "stroke"});
    r.zones.push_back({anatomy::ZoneKind::Spillover, {{-0.13f, -0.06f, 0.26f}}, 0.1f, "patch"});
    return r;
}

class HeatGlTest : public test::GlFixture {};

// Renders the synthetic torso from the front with the heat of `fields` at time t (< 0: steady) and markers.
io::Image renderSynthetic(const anatomy::Body& body, const std::vector<const scene::HeatField*>& fields,
                          const std::vector<anatomy::ResolvedReferral>& referrals, float t,
                          scene::ViewName view = scene::ViewName::Anterior, bool fadeFarSide = true) {
    scene::AppState state;
    state.viewportAspect = 4.0f / 3.0f;
    state.camera.setView(view, body.structures[0].bounds, state.viewportAspect);
    state.view.camera = state.camera.pose;
    render::Renderer r(body);
    std::vector<float> values;
    if (t < 0.0f)
        scene::combineSteady(fields, values);
    else
        scene::evaluateCombined(fields, t, values);
    if (!fields.empty())
        r.setHeat(0, values);
    render::OverlayMesh markers;
    markers.onTop = true;
    markers.fadeFarSide = fadeFarSide;
    for (const auto& ref : referrals)
        scene::appendMarker(markers, ref.trpPosition, glm::normalize(ref.trpPosition), 0.012f,
                            glm::vec4(1.0f, 0.97f, 0.75f, 1.0f));
    std::vector<render::OverlayMesh> overlays;
    overlays.push_back(std::move(markers));
    r.setOverlays(std::move(overlays));
    const std::vector<uint8_t> dimmed{0, 1}; // the feature greys what lies under a pain map
    render::FrameInputs in;
    in.view = &state.view;
    in.dimmed = dimmed;
    in.width = 320;
    in.height = 240;
    in.supersample = 2;
    in.heatPulse = 1.0f;
    r.render(in);
    return r.readPixels();
}

size_t count(const io::Image& img, int x0, int y0, int x1, int y1, auto pred) {
    size_t n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            if (pred(img.pixel(x, y)))
                ++n;
    return n;
}

// The essential zone's crimson.
bool deepRed(const uint8_t* p) {
    return p[0] > 140 && p[1] < 90 && p[0] > p[2] + 60;
}

} // namespace

TEST_F(HeatGlTest, SyntheticPatternA) {
    auto body = syntheticTorso();
    geometry::GeodesicSolver solver(body.meshes[0]);
    auto ref = patternA();
    scene::HeatField field(solver, ref);
    auto img = renderSynthetic(body, {&field}, {ref}, -1.0f);
    // llvmpipe is bit-exact run to run for one Mesa version; the small allowance covers Mesa point releases.
    EXPECT_TRUE(test::matchesBaseline(img, "heat_synthetic_pattern_a", 24, 0.5));
    // The essential patch is on the subject's left (+X): the viewer's right in a front view.
    EXPECT_GT(count(img, 160, 0, 320, 240, deepRed), 150u);
    EXPECT_EQ(count(img, 0, 0, 150, 240, deepRed), 0u);
}

TEST_F(HeatGlTest, SyntheticTwoPatternsMidAnimation) {
    auto body = syntheticTorso();
    geometry::GeodesicSolver solver(body.meshes[0]);
    auto a = patternA(), b = patternB();
    scene::HeatField fa(solver, a), fb(solver, b);
    auto img = renderSynthetic(body, {&fa, &fb}, {a, b}, 1.5f); // half way through the 3 s spread
    EXPECT_TRUE(test::matchesBaseline(img, "heat_synthetic_two_patterns", 24, 0.5));
}

TEST_F(HeatGlTest, SyntheticHeatGrowsOverTime) {
    auto body = syntheticTorso();
    geometry::GeodesicSolver solver(body.meshes[0]);
    auto ref = patternA();
    scene::HeatField field(solver, ref);
    auto warm = [](const uint8_t* p) { return p[0] > 150 && p[0] > p[2] + 80; };
    size_t t0 = count(renderSynthetic(body, {&field}, {ref}, 0.0f), 0, 0, 320, 240, warm);
    size_t t1 = count(renderSynthetic(body, {&field}, {ref}, 1.6f), 0, 0, 320, 240, warm); // of a 3 s spread
    size_t steady = count(renderSynthetic(body, {&field}, {ref}, -1.0f), 0, 0, 320, 240, warm);
    EXPECT_LT(t0, t1);
    EXPECT_LT(t1, steady);
}

// A marker on the back of the torso must not read as one on the front: seen through the body it is faint and grey,
// seen from behind it is as bright as any.
TEST_F(HeatGlTest, SyntheticFarSideMarkerFades) {
    auto body = syntheticTorso();
    anatomy::ResolvedReferral back, none;
    back.trpPosition = {0.05f, 0.05f, -0.22f};
    none.trpPosition = {0.0f, 5.0f, 0.0f}; // off screen
    auto render = [&](const anatomy::ResolvedReferral& r, scene::ViewName view, bool fade) {
        return renderSynthetic(body, {}, {r}, -1.0f, view, fade);
    };
    // How far the marker moves the pixels from the plain body, summed over pixels and channels.
    auto shift = [](const io::Image& a, const io::Image& b) {
        double sum = 0.0;
        for (int y = 0; y < a.height; ++y)
            for (int x = 0; x < a.width; ++x)
                for (int c = 0; c < 3; ++c)
                    sum += std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]);
        return sum;
    };
    using scene::ViewName;
    io::Image front = render(back, ViewName::Anterior, true);
    io::writePng(test::outputDir() / "heat_synthetic_far_marker_front.png", front); // for a look
    io::Image plainFront = render(none, ViewName::Anterior, true);
    double faded = shift(front, plainFront), full = shift(render(back, ViewName::Anterior, false), plainFront);
    EXPECT_LT(faded, full * 0.6) << "seen through the body, the marker reads as strongly as on the near side";
    EXPECT_GT(faded, full * 0.1) << "seen through the body, the marker vanished";
    // From behind it is on the near side: untouched.
    io::Image behind = render(back, ViewName::Posterior, true);
    EXPECT_EQ(shift(behind, render(back, ViewName::Posterior, false)), 0.0);
    EXPECT_GT(shift(behind, render(none, ViewName::Posterior, true)), full * 0.8);
}

// --- The real body, through the render command's own path (applyRequest + FeatureHost) ----------------------

class RealBodyHeat : public HeatGlTest {
protected:
    static void SetUpTestSuite() {
        HeatGlTest::SetUpTestSuite();
        atlas = new anatomy::Atlas(anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR));
        resolver = new anatomy::AtlasResolver(*atlas, test::testBody());
        renderer = new render::Renderer(test::testBody());
    }
    static void TearDownTestSuite() {
        delete renderer;
        delete resolver;
        delete atlas;
        HeatGlTest::TearDownTestSuite();
    }

    // Renders `request` framed on the head and neck, as `myoatlas render` does.
    io::Image render(app::RenderRequest request, const std::string& name) {
        app::FeatureContext context{test::testBody(), atlas, resolver, {}};
        scene::AppState state;
        scene::applyStillRequest(context, request, state, 1.0f);
        const auto& body = test::testBody();
        geometry::Aabb box = body.structures[*body.skin()].bounds;
        box.min.y = box.max.y - 0.32f; // head and neck
        scene::apply(state, body, scene::FrameBox{box});
        renderer->clearHeat(); // a new host does not know what the previous one painted
        app::FeatureHost host(context, *renderer);
        host.update(state, request.time < 0.0f ? 1e6 : request.time);
        std::vector<uint8_t> dimmed;
        host.sync(dimmed);
        render::FrameInputs in;
        in.view = &state.view;
        in.width = 400;
        in.height = 400;
        in.dimmed = dimmed;
        in.heatPulse = host.heatPulse();
        renderer->render(in);
        auto img = renderer->readPixels();
        io::writePng(test::outputDir() / (name + ".png"), img); // for a look; never a baseline
        return img;
    }

    static anatomy::Atlas* atlas;
    static anatomy::AtlasResolver* resolver;
    static render::Renderer* renderer;
};
anatomy::Atlas* RealBodyHeat::atlas = nullptr;
anatomy::AtlasResolver* RealBodyHeat::resolver = nullptr;
render::Renderer* RealBodyHeat::renderer = nullptr;

// Heat-coloured pixels (the ramp's saturated orange to crimson). While a pain map shows, the body under it is
// greyed, so nothing else in the picture is this saturated. `without` is the same view with no pain map, whose
// saturated red muscles are discounted.
size_t heated(const io::Image& with, const io::Image& without, int x0, int x1) {
    auto hot = [](const uint8_t* p) { return p[0] > 150 && p[0] > p[2] + 60 && p[0] > p[1] + 60; };
    size_t n = 0;
    for (int y = 0; y < with.height; ++y)
        for (int x = x0; x < x1; ++x)
            if (hot(with.pixel(x, y)) && !(hot(without.pixel(x, y)) && with.pixel(x, y)[0] == without.pixel(x, y)[0]))
                ++n;
    return n;
}

TEST_F(RealBodyHeat, SternocleidomastoidHeatShowsOnTheFaceOnItsSideOnly) {
    app::RenderRequest plain;
    plain.view = "anterior";
    auto without = render(plain, "heat_real_none");
    app::RenderRequest req = plain;
    req.triggerPoints = {"SCMS-TP2"}; // cheek, around the eye, eyebrow (essential); chin, throat (spillover)
    req.side = "right";
    auto steady = render(req, "heat_real_scms2_right_steady");
    // Seen from the front, the subject's right is on the viewer's left.
    size_t right = heated(steady, without, 0, 200), left = heated(steady, without, 200, 400);
    EXPECT_GT(right, 300u);
    EXPECT_LT(left, right / 20) << "heat crossed the midline";

    req.time = 0.4f; // the front is still travelling
    auto early = render(req, "heat_real_scms2_right_t0.4");
    EXPECT_LT(heated(early, without, 0, 200), right);

    req.time = -1.0f;
    req.side = "left";
    auto mirrored = render(req, "heat_real_scms2_left_steady");
    size_t l2 = heated(mirrored, without, 200, 400), r2 = heated(mirrored, without, 0, 200);
    EXPECT_GT(l2, 300u);
    EXPECT_LT(r2, l2 / 20);
}

TEST_F(RealBodyHeat, TriggerPointMarkersShowThroughTheLayers) {
    app::RenderRequest plain;
    plain.view = "right";
    // The same camera for both (framed on the muscle, not on the pattern), so only the markers and heat differ.
    plain.select = {"right trapezius"};
    plain.frameSelection = true;
    auto without = render(plain, "heat_real_right_none");
    app::RenderRequest req = plain;
    req.triggerPoints = {"TRAPU-TP1"};
    auto with = render(req, "heat_real_trapu_right_view");
    // The markers are drawn over everything: the shown point's satellites and their links are cyan, a colour
    // nothing on the body has (bone is pale yellow-white, which the red channel tells apart).
    auto marker = [](const uint8_t* p) { return p[0] < 170 && p[1] > 190 && p[2] > 200; };
    EXPECT_GT(count(with, 0, 0, 400, 400, marker), count(without, 0, 0, 400, 400, marker) + 30);
}
