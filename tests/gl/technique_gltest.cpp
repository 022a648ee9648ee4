// Technique overlays through the real GL path on llvmpipe. The baseline is a synthetic scene only (an
// ellipsoid limb with a vertical muscle); the real body is checked by image properties, never committed.
#include "app/technique_feature.h"
#include "io/body_loader.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/gl_program.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/technique_view.h"
#include "support/gl_fixture.h"
#include "support/image_compare.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/gtc/constants.hpp>

using namespace myoatlas;

namespace {

geometry::Mesh ellipsoidMesh(glm::vec3 centre, glm::vec3 radii) {
    return geometry::ellipsoid(centre, glm::vec3(radii.x, 0, 0), glm::vec3(0, 0, radii.z), glm::vec3(0, radii.y, 0), 32,
                               48);
}

anatomy::Structure structure(const char* name, anatomy::Category c, anatomy::Layer l) {
    anatomy::Structure s;
    s.name = name;
    s.fj = std::string("FJ_") + name;
    s.fma = c == anatomy::Category::Skin ? "FMA7163" : "";
    s.category = c;
    s.layer = l;
    return s;
}

// A forearm-sized limb along Y: translucent skin around a vertical muscle.
anatomy::Body syntheticLimb() {
    anatomy::Body body;
    body.structures.push_back(structure("skin", anatomy::Category::Skin, anatomy::Layer::Skin));
    body.meshes.push_back(ellipsoidMesh({0, 0, 0}, {0.06f, 0.25f, 0.06f}));
    body.structures.push_back(structure("muscle", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle));
    body.meshes.push_back(ellipsoidMesh({0, 0, 0.02f}, {0.03f, 0.2f, 0.03f}));
    body.updateBounds();
    return body;
}

// One friction step on the front of the limb, built by hand: contact on the skin, fibres along Y, the stroke
// across them along X, pressure L3 into the limb; an endangerment zone above it.
scene::ResolvedTechnique frictionStep() {
    scene::ResolvedTechnique r;
    r.techniqueName = "Cross-fibre friction";
    r.targetLabel = "Synthetic muscle";
    r.tool = scene::ToolKind::Fingertips;
    r.contact = {0.0f, 0.0f, 0.06f};
    r.normal = {0, 0, 1};
    r.fibreDir = {0, 1, 0};
    r.crossDir = glm::cross(r.normal, r.fibreDir);
    scene::ResolvedTechniqueStep s;
    s.text = "Move back and forth across the fibres";
    s.pressureLevel = 3;
    s.stroke = scene::StrokeKind::AcrossFibres;
    s.hands = true;
    s.contact = r.contact;
    s.normal = r.normal;
    s.pressureDir = -r.normal;
    s.contactRadius = 0.01f;
    s.toolAxis = r.crossDir;
    s.reciprocating = true;
    for (int i = -8; i <= 8; ++i) { // on the skin ellipse z = 0.06 sqrt(1 - (x/0.06)^2), lifted 2 mm
        float x = 0.002f * static_cast<float>(i);
        s.strokePath.push_back({x, 0.0f, 0.06f * std::sqrt(1.0f - (x / 0.06f) * (x / 0.06f)) + 0.002f});
    }
    r.steps.push_back(s);
    scene::EndangermentNear e;
    e.name = "synthetic site";
    anatomy::ResolvedZone z;
    z.seeds = {{0.0f, 0.13f, 0.052f}};
    z.radius = 0.02f;
    e.zones.push_back(z);
    r.endangerment.push_back(e);
    return r;
}

class TechniqueGlTest : public test::GlFixture {};

struct Extent {
    int minX = 1 << 30, maxX = -1, minY = 1 << 30, maxY = -1;
    size_t count = 0;
};

Extent extentOf(const io::Image& img, auto pred) {
    Extent e;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (pred(img.pixel(x, y))) {
                e.minX = std::min(e.minX, x);
                e.maxX = std::max(e.maxX, x);
                e.minY = std::min(e.minY, y);
                e.maxY = std::max(e.maxY, y);
                ++e.count;
            }
    return e;
}

bool cyan(const uint8_t* p) {
    return p[0] < 120 && p[1] > 170 && p[2] > 190;
}

} // namespace

TEST_F(TechniqueGlTest, SyntheticFrictionStep) {
    auto body = syntheticLimb();
    auto r = frictionStep();
    scene::AppState state;
    state.viewportAspect = 4.0f / 3.0f;
    state.view.camera = scene::framingPose(r, state.viewportAspect);
    state.view.camera.distance = 0.45f;
    state.view.camera.yaw = 0.35f; // a little from the side, so the pressure arrow and the fingers read in depth
    state.view.camera.pitch = 0.25f;
    render::Renderer renderer(body);
    renderer.setOverlays(scene::techniqueOverlays(r, 0, body));
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 320;
    in.height = 240;
    in.supersample = 2;
    renderer.render(in);
    auto img = renderer.readPixels();
    // llvmpipe is bit-exact run to run for one Mesa version; the small allowance covers Mesa point releases.
    EXPECT_TRUE(test::matchesBaseline(img, "technique_synthetic_friction", 24, 0.5));
    // The stroke (cyan) runs across the vertical muscle: wider than tall on screen.
    auto stroke = extentOf(img, [](const uint8_t* p) { return cyan(p); });
    ASSERT_GT(stroke.count, 30u);
    EXPECT_GT(stroke.maxX - stroke.minX, 2 * (stroke.maxY - stroke.minY));
    // The endangerment zone is painted red on the skin, above the contact.
    auto red = extentOf(img, [](const uint8_t* p) { return p[0] > 150 && p[1] < 60 && p[2] < 60; });
    EXPECT_GT(red.count, 40u);
    EXPECT_LT(red.maxY, stroke.minY);
}

// The real body: cross-fibre friction on the right infraspinatus, framed as the program frames it.
TEST_F(TechniqueGlTest, RealBodyFrictionStepShowsHandStrokeAndArrow) {
    const auto& body = test::testBody();
    auto atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    anatomy::AtlasResolver resolver(atlas, body);
    app::FeatureContext context{body, &atlas, &resolver, ""};
    app::TechniqueFeature feature(context);
    scene::AppState state;
    state.viewportAspect = 4.0f / 3.0f;
    scene::apply(state, body, scene::SetTechnique{{"cross_fibre_friction", "infraspinatus", "right", 3}});
    feature.update(state, 0.0);
    ASSERT_NE(feature.resolved(), nullptr) << feature.error();
    state.view.camera = scene::framingPose(*feature.resolved(), state.viewportAspect);
    render::Renderer renderer(body);
    std::vector<render::OverlayMesh> overlays;
    feature.appendOverlays(overlays);
    renderer.setOverlays(std::move(overlays));
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 400;
    in.height = 300;
    in.supersample = 2;
    renderer.render(in);
    auto img = renderer.readPixels();
    io::writePng(test::outputDir() / "technique_real_friction-actual.png", img); // for review; never committed
    auto stroke = extentOf(img, [](const uint8_t* p) { return cyan(p); });
    auto glove = extentOf(img, [](const uint8_t* p) { return p[2] > 170 && p[0] > 90 && p[0] < 190 && p[1] > 130; });
    // Pressure L4 (magenta-violet) in this step.
    auto arrow = extentOf(img, [](const uint8_t* p) { return p[0] > 140 && p[1] < 120 && p[2] > 170; });
    EXPECT_GT(stroke.count, 20u);
    EXPECT_GT(glove.count, 200u);
    EXPECT_GT(arrow.count, 20u);
    // Framed: the contact is near the middle of the image.
    EXPECT_NEAR((stroke.minX + stroke.maxX) / 2.0, img.width / 2.0, img.width * 0.25);
    EXPECT_NEAR((stroke.minY + stroke.maxY) / 2.0, img.height / 2.0, img.height * 0.25);
    EXPECT_NE(feature.caption(state).find("Step 4/"), std::string::npos) << feature.caption(state);
}

namespace {

// One step of a technique on the real body, framed and rendered as `myoatlas render --technique` draws it.
struct RealStep {
    io::Image image;
    std::string caption;
    bool blocked = false;
};

RealStep renderRealStep(const char* id, const char* target, int step) {
    const auto& body = test::testBody();
    static const anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    static anatomy::AtlasResolver resolver(atlas, body);
    app::FeatureContext context{body, &atlas, &resolver, ""};
    app::TechniqueFeature feature(context);
    scene::AppState state;
    state.viewportAspect = 4.0f / 3.0f;
    scene::apply(state, body, scene::SetTechnique{{id, target, "right", step}});
    feature.update(state, 0.0);
    RealStep out;
    EXPECT_NE(feature.resolved(), nullptr) << id << " " << target << ": " << feature.error();
    if (!feature.resolved())
        return out;
    out.blocked = !feature.resolved()->verdict.allowed();
    state.view.camera = scene::framingPose(*feature.resolved(), state.viewportAspect);
    render::Renderer renderer(body);
    std::vector<render::OverlayMesh> overlays;
    feature.appendOverlays(overlays);
    renderer.setOverlays(std::move(overlays));
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 320;
    in.height = 240;
    renderer.render(in);
    out.image = renderer.readPixels();
    out.caption = feature.caption(state);
    io::writePng(test::outputDir() / (std::string("technique_real_") + id + "-actual.png"), out.image); // review only
    return out;
}

bool glove(const uint8_t* p) {
    return p[2] > 170 && p[0] > 90 && p[0] < 190 && p[1] > 130;
}

bool ring(const uint8_t* p) { // the pale yellow contact ring
    return p[0] > 200 && p[1] > 190 && p[2] < 140;
}

} // namespace

// One step of each of the nine methods added for the field's other methods: the tool (glove colour) and the contact
// ring are drawn over the framed target, and the caption names the method.
TEST_F(TechniqueGlTest, RealBodyOneStepOfEachNewMethod) {
    struct Case {
        const char* id;
        const char* target;
        int step;
    };
    for (const Case& c : {Case{"dynamic_mfr", "hamstrings", 2}, Case{"massage_stick", "gastrocnemius", 1},
                          Case{"massage_gun", "vastus_lateralis", 2}, Case{"dry_needling", "GMED-TP1", 2},
                          Case{"trp_injection", "INFRA-TP1", 2}, Case{"hot_stone", "erector_spinae", 1},
                          Case{"warm_bamboo", "hamstrings", 1}, Case{"ortho_bionomy", "infraspinatus", 2},
                          Case{"contractual_tendon_release", "forearm_extensors", 1}}) {
        auto r = renderRealStep(c.id, c.target, c.step);
        ASSERT_GT(r.image.width, 0) << c.id;
        EXPECT_FALSE(r.blocked) << c.id;
        auto tool = extentOf(r.image, glove);
        auto contact = extentOf(r.image, ring);
        EXPECT_GT(tool.count, 15u) << c.id << ": no tool drawn";
        EXPECT_GT(contact.count, 5u) << c.id << ": no contact ring drawn";
        EXPECT_NE(r.caption.find("Step " + std::to_string(c.step + 1) + "/"), std::string::npos) << r.caption;
        if (std::string(c.id) == "dry_needling" || std::string(c.id) == "trp_injection") {
            EXPECT_NE(r.caption.find("Information only"), std::string::npos) << r.caption;
        }
    }
}

// A foam roller planned on the carotid: the site is drawn red on the neck, no tool is drawn, the caption says stop.
TEST_F(TechniqueGlTest, RealBodyUnsafeSiteShowsTheSiteAndNoTool) {
    auto r = renderRealStep("foam_roller", "SCMS-TP2", 2);
    ASSERT_GT(r.image.width, 0);
    EXPECT_TRUE(r.blocked);
    auto red = extentOf(r.image, [](const uint8_t* p) { return p[0] > 150 && p[1] < 90 && p[2] < 80; });
    EXPECT_GT(red.count, 100u) << "the endangerment site is painted on the skin";
    // The same framing with the taught pincer grip draws its thumb; the refused roller draws no tool at all (pale
    // cartilage in the neck matches the glove colour too, hence the comparison rather than zero).
    auto pincer = renderRealStep("trp_pressure_release", "SCMS-TP2", 2);
    EXPECT_FALSE(pincer.blocked);
    EXPECT_GT(extentOf(pincer.image, glove).count, extentOf(r.image, glove).count + 300u) << "no roller on the carotid";
    EXPECT_NE(r.caption.find("STOPPED"), std::string::npos) << r.caption;
    EXPECT_NE(r.caption.find("carotid"), std::string::npos) << r.caption;
}
