// The real GL path on llvmpipe through EGL surfaceless: programs link, synthetic scenes match PNG baselines,
// and renders of the real body have the properties a user would check by eye.
#include "core/error.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/bench.h"
#include "render/gl_program.h"
#include "render/renderer.h"
#include "render/shader_sources.h"
#include "scene/app_state.h"
#include "scene/options.h"
#include "support/gl_fixture.h"
#include "support/image_compare.h"
#include "support/synthetic_mesh.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/gtc/constants.hpp>
#include <optional>

using namespace myoatlas;

namespace {

anatomy::Structure structure(const char* name, anatomy::Category c, anatomy::Layer l) {
    anatomy::Structure s;
    s.name = name;
    s.fj = std::string("FJ_") + name;
    s.category = c;
    s.layer = l;
    return s;
}

// A "limb": translucent skin around two muscles and a bone.
anatomy::Body syntheticLimb() {
    anatomy::Body body;
    auto add = [&](anatomy::Structure s, geometry::Mesh m) {
        body.structures.push_back(std::move(s));
        body.meshes.push_back(std::move(m));
    };
    add(structure("skin", anatomy::Category::Skin, anatomy::Layer::Skin),
        test::uvEllipsoid({0, 0, 0}, {0.5f, 1.0f, 0.5f}));
    add(structure("muscle a", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle),
        test::uvEllipsoid({-0.18f, 0.1f, 0.1f}, {0.22f, 0.7f, 0.25f}));
    add(structure("muscle b", anatomy::Category::Muscle, anatomy::Layer::DeepMuscle),
        test::uvEllipsoid({0.2f, -0.05f, 0.05f}, {0.2f, 0.6f, 0.22f}));
    add(structure("bone", anatomy::Category::Bone, anatomy::Layer::Bone),
        test::uvEllipsoid({0, 0, -0.1f}, {0.08f, 0.9f, 0.08f}));
    body.updateBounds();
    return body;
}

scene::AppState frontView(const anatomy::Body& body, float aspect) {
    scene::AppState state;
    state.viewportAspect = aspect;
    state.camera.setView(scene::ViewName::Anterior, body.structures[0].bounds, aspect);
    state.view.camera = state.camera.pose;
    return state;
}

// The limb from the front at 320x240 (its skin at `skin` opacity when given), and what a renderer made with every
// mesh draws there: the reference of the tests whose renderers get their meshes in parts.
struct FrontFrame {
    scene::AppState state;
    render::FrameInputs in;
    io::Image expected;
    FrontFrame(const anatomy::Body& whole, std::optional<float> skin) : state(frontView(whole, 4.0f / 3.0f)) {
        if (skin)
            state.view.layers[index(anatomy::Layer::Skin)].opacity = *skin;
        in.view = &state.view;
        in.width = 320;
        in.height = 240;
        render::Renderer reference(whole);
        reference.render(in);
        expected = reference.readPixels();
    }
    FrontFrame(const FrontFrame&) = delete;
    FrontFrame& operator=(const FrontFrame&) = delete;
};

class GlTest : public test::GlFixture {};

size_t countPixels(const io::Image& img, int x0, int y0, int x1, int y1, auto pred) {
    size_t n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            if (pred(img.pixel(x, y)))
                ++n;
    return n;
}

} // namespace

TEST_F(GlTest, ContextIsOpenGl45OnLlvmpipe) {
    EXPECT_GE(epoxy_gl_version(), 45);
    EXPECT_NE(context->renderer().find("llvmpipe"), std::string::npos) << context->renderer();
}

TEST_F(GlTest, EveryProgramLinks) {
    for (const auto& spec : render::programSpecs())
        EXPECT_NO_THROW(render::GlProgram p(spec.name)) << spec.name;
}

TEST_F(GlTest, BrokenShaderReportsProgramAndLine) {
    try {
        render::GlProgram p("broken", "fullscreen.vert", "composite.frag", {"uIds 1.0"}); // breaks a sampler
        FAIL() << "expected a GpuError";
    } catch (const core::GpuError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("broken"), std::string::npos);
        EXPECT_NE(what.find("1: #version"), std::string::npos) << "source is printed with line numbers:\n" << what;
    }
}

namespace {

// The limb from the front without its skin, 320x240, by a renderer with these programs (empty: its own).
io::Image opaqueLimb(const std::shared_ptr<render::ShaderPrograms>& programs = {}) {
    auto body = syntheticLimb();
    auto state = frontView(body, 4.0f / 3.0f);
    state.view.layers[index(anatomy::Layer::Skin)].visible = false;
    render::Renderer r(body, render::prepareBodyUpload(body), programs);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 320;
    in.height = 240;
    r.render(in);
    return r.readPixels();
}

} // namespace

TEST_F(GlTest, SyntheticLimbOpaque) {
    // llvmpipe is bit-exact run to run for one Mesa version; the small allowance covers Mesa point releases.
    EXPECT_TRUE(test::matchesBaseline(opaqueLimb(), "synthetic_limb_opaque", 24, 0.5));
}

TEST_F(GlTest, WarmingUpThePipelinesLeavesNothingBehind) {
    // The window runs every pass once on a made-up scene while the body loads (llvmpipe compiles their code then);
    // a renderer made after it, with the same programs, draws exactly what it would have drawn.
    auto programs = render::compileShaderPrograms();
    EXPECT_NO_THROW(render::warmUpPipelines(programs, 322, 242));
    EXPECT_TRUE(test::matchesBaseline(opaqueLimb(programs), "synthetic_limb_opaque", 24, 0.5));
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST_F(GlTest, SyntheticLimbTranslucentSkinAndSelection) {
    auto body = syntheticLimb();
    auto state = frontView(body, 4.0f / 3.0f);
    state.view.layers[index(anatomy::Layer::Skin)].opacity = 0.35f;
    scene::apply(state, body, scene::SelectStructure{1, false, true});
    render::Renderer r(body);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 320;
    in.height = 240;
    in.supersample = 2;
    auto stats = r.render(in);
    EXPECT_EQ(stats.translucentStructures, 1u);
    auto img = r.readPixels();
    EXPECT_TRUE(test::matchesBaseline(img, "synthetic_limb_translucent", 24, 0.5));
    // Order-independent transparency: the muscles show through the skin, the selection glows gold.
    size_t gold =
        countPixels(img, 0, 0, 320, 240, [](const uint8_t* p) { return p[0] > 180 && p[1] > 120 && p[2] < 90; });
    EXPECT_GT(gold, 200u);
}

// Levels of detail chosen by their error on screen: at rest (1 px) the picture is as good as full detail's
// while far fewer triangles are drawn; a moving budget (8 px) draws fewer still.
TEST_F(GlTest, AStructureFilledInLaterDrawsAsIfItHadBeenThereFromTheStart) {
    // The window shows the body before its fascia is generated: the structures are there, empty, and get their
    // meshes later (render::layoutAfter, Renderer::fillStructures). The frame must then be the one a renderer made
    // with every mesh draws, and what was there (the heat on the skin) must stay.
    auto whole = syntheticLimb();
    auto shown = whole;
    shown.meshes[1] = geometry::Mesh{}; // muscle a comes late
    shown.structures[1].bounds = geometry::Aabb{};
    const FrontFrame frame(whole, 0.35f);
    const auto& in = frame.in;
    const auto& expected = frame.expected;

    const anatomy::Body emptied = shown;
    render::Renderer late(shown);
    const auto before = late.render(in); // drawn without it first: nothing to draw, nothing to break
    EXPECT_EQ(before.translucentStructures, 1u);
    const std::vector<float> heat(whole.meshes[0].vertexCount(), 0.0f);
    late.setHeat(0, heat);
    shown.meshes[1] = whole.meshes[1];
    shown.structures[1].bounds = whole.structures[1].bounds;
    const std::vector<uint32_t> slots{1};
    const std::vector<const geometry::Mesh*> meshes{&shown.meshes[1]};
    late.fillStructures(render::layoutAfter(render::uploadEnd(render::prepareBodyUpload(emptied)), slots, meshes));
    late.render(in);
    const auto filled = late.readPixels();
    EXPECT_GE(render::psnrDb(expected, filled), 60.0);
    EXPECT_NO_THROW(late.setHeat(1, std::vector<float>(shown.meshes[1].vertexCount(), 0.5f)));
    // A layout that does not go after the renderer's buffers is refused.
    EXPECT_THROW(late.fillStructures(render::prepareBodyUpload(shown)), core::Error);
}

TEST_F(GlTest, ARendererFromTwoLayoutPartsDrawsAsOneFromAWholeLayout) {
    // The window lays out the body while the atlas loads, then what joined it (the fascia, the modelled muscles)
    // apart (render::layoutAdded): the frame must be the whole layout's, and heat must land on the added part.
    const auto whole = syntheticLimb();
    ASSERT_GE(whole.size(), 2u);
    auto first = whole;
    first.structures.resize(1);
    first.meshes.resize(1);
    const FrontFrame frame(whole, 0.35f);
    const auto& in = frame.in;
    const auto& expected = frame.expected;

    auto up = render::prepareBodyUpload(first);
    auto added = render::layoutAdded(up, whole);
    render::Renderer parts(whole, std::move(up), std::move(added));
    parts.render(in);
    EXPECT_GE(render::psnrDb(expected, parts.readPixels()), 60.0);
    EXPECT_NO_THROW(parts.setHeat(1, std::vector<float>(whole.meshes[1].vertexCount(), 0.5f)));
    // The window's way: the body's buffers made from its layout first, the added part put into their room.
    auto early = render::prepareBodyUpload(first);
    auto buffers = std::make_shared<render::BodyBuffers>(early);
    render::Renderer uploaded(whole, std::move(early), render::layoutAdded(render::prepareBodyUpload(first), whole), {},
                              buffers);
    uploaded.render(in);
    EXPECT_GE(render::psnrDb(expected, uploaded.readPixels()), 60.0);
    EXPECT_THROW(render::Renderer(whole, render::prepareBodyUpload(first),
                                  render::layoutAdded(render::prepareBodyUpload(first), whole), {}, buffers),
                 core::Error)
        << "buffers are taken over once";
    // Parts that do not follow each other are refused.
    auto wrong = render::layoutAdded(render::prepareBodyUpload(first), whole);
    wrong.vertexOrigin += 3;
    EXPECT_THROW(render::Renderer(whole, render::prepareBodyUpload(first), std::move(wrong)), core::Error);
}

TEST_F(GlTest, StructuresFilledInBeyondTheBuffersRoomStillDrawAsAWholeLayout) {
    // The body's buffers keep room for the late fascia; a filling larger than the room grows the buffers instead.
    auto whole = syntheticLimb();
    // Muscle a, finer: about 36,000 vertices, more than the room after a body this small.
    whole.meshes[1] = test::uvEllipsoid({-0.18f, 0.1f, 0.1f}, {0.22f, 0.7f, 0.25f}, 180, 200);
    whole.meshes[1].buildLods();
    whole.updateBounds();
    auto shown = whole;
    shown.meshes[1] = geometry::Mesh{};
    shown.structures[1].bounds = geometry::Aabb{};
    const FrontFrame frame(whole, std::nullopt);
    const auto& in = frame.in;
    const auto& expected = frame.expected;

    const anatomy::Body emptied = shown;
    auto up = render::prepareBodyUpload(emptied);
    const auto end = render::uploadEnd(up);
    auto buffers = std::make_shared<render::BodyBuffers>(up);
    render::Renderer late(shown, std::move(up), render::BodyUpload{}, {}, buffers);
    late.render(in);
    shown.meshes[1] = whole.meshes[1];
    shown.structures[1].bounds = whole.structures[1].bounds;
    const std::vector<uint32_t> slots{1};
    const std::vector<const geometry::Mesh*> meshes{&shown.meshes[1]};
    late.fillStructures(render::layoutAfter(end, slots, meshes));
    late.render(in);
    EXPECT_GE(render::psnrDb(expected, late.readPixels()), 60.0);
}

TEST_F(GlTest, LevelsOfDetailKeepTheImageOfFullDetail) {
    anatomy::Body body;
    auto add = [&](const char* name, anatomy::Category c, anatomy::Layer l, geometry::Mesh m) {
        m.buildLods();
        body.structures.push_back(structure(name, c, l));
        body.meshes.push_back(std::move(m));
    };
    // Dense meshes, as BodyParts3D's are: many triangles under one pixel at this size.
    add("skin", anatomy::Category::Skin, anatomy::Layer::Skin,
        test::uvEllipsoid({0, 0, 0}, {0.5f, 1.0f, 0.5f}, 160, 200));
    add("muscle a", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle,
        test::uvEllipsoid({-0.18f, 0.1f, 0.1f}, {0.22f, 0.7f, 0.25f}, 120, 160));
    add("muscle b", anatomy::Category::Muscle, anatomy::Layer::DeepMuscle,
        test::uvEllipsoid({0.2f, -0.05f, 0.05f}, {0.2f, 0.6f, 0.22f}, 120, 160));
    add("bone", anatomy::Category::Bone, anatomy::Layer::Bone,
        test::uvEllipsoid({0, 0, -0.1f}, {0.08f, 0.9f, 0.08f}, 120, 160));
    body.updateBounds();
    for (const auto& m : body.meshes)
        ASSERT_FALSE(m.lods.empty());
    auto state = frontView(body, 4.0f / 3.0f);
    state.view.layers[index(anatomy::Layer::Skin)].opacity = 0.35f;
    render::Renderer r(body);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 320;
    in.height = 240;
    in.lodPixels = 0.0f;
    auto full = r.render(in);
    auto fullImage = r.readPixels();
    in.lodPixels = 1.0f;
    auto rest = r.render(in);
    auto restImage = r.readPixels();
    in.lodPixels = 8.0f;
    auto moving = r.render(in);
    auto movingImage = r.readPixels();
    io::writePng(test::outputDir() / "lod_full.png", fullImage);
    io::writePng(test::outputDir() / "lod_rest.png", restImage);
    io::writePng(test::outputDir() / "lod_moving.png", movingImage);
    EXPECT_EQ(full.lodStructures, 0u);
    EXPECT_EQ(rest.lodStructures, 4u);
    EXPECT_LT(rest.drawnTriangles, full.drawnTriangles / 2);
    EXPECT_LT(moving.drawnTriangles, rest.drawnTriangles);
    // 30 dB is where a difference starts to be seen on a shaded surface; at rest the levels must stay above it.
    EXPECT_GE(render::psnrDb(fullImage, restImage), 30.0);
    EXPECT_LT(render::psnrDb(fullImage, movingImage), render::psnrDb(fullImage, restImage));
}

TEST_F(GlTest, RealBodyPosteriorWithSelectionReadsCorrectly) {
    const auto& body = test::testBody();
    scene::AppState state;
    state.viewportAspect = 1.0f;
    state.view.layers = scene::parseLayers("superficial_muscle,deep_muscle,bone,connective");
    auto trapezius = scene::findStructures(body, "right trapezius");
    scene::apply(state, body, scene::SelectStructure{trapezius[0], false, true});
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Posterior});
    render::Renderer r(body);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 400;
    in.height = 400;
    auto stats = r.render(in);
    EXPECT_GT(stats.drawnStructures, 600u);
    // At 400 px for the whole body most meshes are drawn simplified.
    EXPECT_GT(stats.lodStructures, stats.drawnStructures / 2);
    auto img = r.readPixels();
    io::writePng(test::outputDir() / "real_posterior.png", img);
    auto isGold = [](const uint8_t* p) { return p[0] > 200 && p[1] > 110 && p[2] < 110 && p[1] > p[2] + 40; };
    // Seen from behind, the subject's right is on the viewer's right: the selected right trapezius lights up the
    // upper right quadrant and not the upper left (whose last pixels before the midline take the gold outline of the
    // trapezius's medial border).
    size_t right = countPixels(img, 200, 60, 300, 180, isGold);
    size_t left = countPixels(img, 100, 60, 192, 180, isGold);
    EXPECT_GT(right, 300u);
    EXPECT_LT(left, right / 10);
    // The selection is also ringed in pure gold (1.0, 0.78, 0.15), beyond the tint of the muscle itself.
    auto isRing = [](const uint8_t* p) { return p[0] > 245 && p[1] > 185 && p[1] < 215 && p[2] < 60; };
    EXPECT_GT(countPixels(img, 180, 40, 300, 180, isRing), 100u);
    // The background stays dark around the body, the body is lit.
    EXPECT_LT(img.pixel(5, 5)[0], 60);
    size_t lit = countPixels(img, 0, 0, 400, 400, [](const uint8_t* p) { return p[0] > 100; });
    EXPECT_GT(lit, 400u * 400u / 12);
}
