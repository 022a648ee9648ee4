// Anatomy Trains lines and the fascia material through the real GL path on llvmpipe. Baselines are synthetic scenes
// only (ellipsoid "muscles"); renders of the real body are checked by image properties, never committed.
#include "app/line_feature.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/gl_program.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "support/gl_fixture.h"
#include "support/image_compare.h"
#include "support/synthetic_mesh.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/gtc/constants.hpp>

using namespace myoatlas;

namespace {

// A synthetic "leg": translucent skin, calf and thigh muscles in line, a third muscle beside them.
struct SyntheticLeg {
    anatomy::Body body;
    SyntheticLeg() {
        auto add = [&](const char* name, anatomy::Category c, anatomy::Layer l, geometry::Mesh m) {
            anatomy::Structure s;
            s.name = name;
            s.fj = std::string("FJ_") + name;
            s.category = c;
            s.layer = l;
            body.structures.push_back(std::move(s));
            body.meshes.push_back(std::move(m));
        };
        add("skin", anatomy::Category::Skin, anatomy::Layer::Skin,
            test::uvEllipsoid({0, 0.45f, 0}, {0.14f, 0.5f, 0.12f}));
        add("calf", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle,
            test::uvEllipsoid({0.0f, 0.22f, -0.03f}, {0.05f, 0.16f, 0.05f}));
        add("thigh", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle,
            test::uvEllipsoid({0.02f, 0.62f, -0.02f}, {0.07f, 0.22f, 0.06f}));
        add("other", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle,
            test::uvEllipsoid({0.09f, 0.45f, 0.04f}, {0.04f, 0.25f, 0.04f}));
        body.updateBounds();
    }
    scene::LineGeometry line(bool spiral) const {
        std::vector<geometry::LineWaypoint> w;
        glm::vec3 start = spiral ? glm::vec3(0.08f, 0.02f, 0.06f) : glm::vec3(0.0f, 0.02f, -0.05f);
        glm::vec3 mid = spiral ? glm::vec3(-0.06f, 0.42f, -0.02f) : glm::vec3(0.01f, 0.40f, -0.05f);
        glm::vec3 end = spiral ? glm::vec3(0.09f, 0.88f, 0.02f) : glm::vec3(0.03f, 0.88f, -0.04f);
        w.push_back(geometry::LineWaypoint::station(start));
        w.push_back(geometry::LineWaypoint::track({&body.meshes[1]}));
        w.push_back(geometry::LineWaypoint::station(mid));
        w.push_back(geometry::LineWaypoint::track({&body.meshes[2]}));
        w.push_back(geometry::LineWaypoint::station(end));
        scene::LineGeometry g;
        g.id = spiral ? "synthetic_spiral" : "synthetic_back";
        g.branches.push_back({geometry::buildLinePath(w), 0.0f});
        g.length = g.branches[0].path.length;
        for (const glm::vec3& p : {start, mid, end})
            g.stations.push_back({"station", p, 0, 0.0f, 0.0f});
        g.tracks.push_back({"calf", {1}, true});
        g.tracks.push_back({"thigh", {2}, true});
        return g;
    }
};

scene::AppState viewOf(const anatomy::Body& body, scene::ViewName v, float aspect) {
    scene::AppState state;
    state.viewportAspect = aspect;
    state.camera.setView(v, body.structures[0].bounds, aspect);
    state.view.camera = state.camera.pose;
    state.view.layers[index(anatomy::Layer::Skin)].opacity = 0.25f;
    return state;
}

class LineGlTest : public test::GlFixture {};

io::Image renderSynthetic(const SyntheticLeg& leg, const scene::LineGeometry& line, glm::vec3 color,
                          scene::ViewName view, float time) {
    auto state = viewOf(leg.body, view, 0.75f);
    render::Renderer r(leg.body);
    scene::LineStyle style;
    style.color = color;
    style.tubeRadius = 0.008f;
    style.markerRadius = 0.014f;
    r.setOverlays(scene::lineOverlays(line, style));
    std::vector<uint8_t> dimmed = {0, 0, 0, 1}; // the muscle off the line is dimmed
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 180;
    in.height = 240;
    in.supersample = 2;
    in.dimmed = dimmed;
    in.time = time;
    r.render(in);
    return r.readPixels();
}

} // namespace

TEST_F(LineGlTest, SyntheticBackLine) {
    SyntheticLeg leg;
    auto img = renderSynthetic(leg, leg.line(false), scene::lineColor("SBL"), scene::ViewName::Posterior, 0.0f);
    // llvmpipe is bit-exact run to run for one Mesa version; the small allowance covers Mesa point releases.
    EXPECT_TRUE(test::matchesBaseline(img, "line_synthetic_back", 24, 0.5));
}

TEST_F(LineGlTest, SyntheticSpiralLineWithFlow) {
    SyntheticLeg leg;
    auto img = renderSynthetic(leg, leg.line(true), scene::lineColor("SPL"), scene::ViewName::Anterior, 0.7f);
    EXPECT_TRUE(test::matchesBaseline(img, "line_synthetic_spiral", 24, 0.5));
}

TEST_F(LineGlTest, SyntheticFasciaSheenAndFibres) {
    // A deep fascia sheet (thoracolumbar material) over a muscle, opaque then translucent over it.
    anatomy::Body body;
    anatomy::Structure m;
    m.name = "muscle";
    m.category = anatomy::Category::Muscle;
    m.layer = anatomy::Layer::SuperficialMuscle;
    body.structures.push_back(m);
    body.meshes.push_back(test::uvEllipsoid({0, 0, 0}, {0.10f, 0.16f, 0.05f}));
    anatomy::Structure f;
    f.name = "thoracolumbar fascia";
    f.fj = "GEN-FASCIA-TLF";
    f.category = anatomy::Category::Fascia;
    f.layer = anatomy::Layer::Fascia;
    body.structures.push_back(f);
    body.meshes.push_back(test::uvEllipsoid({0, 0, 0}, {0.105f, 0.165f, 0.055f}));
    body.updateBounds();
    auto state = viewOf(body, scene::ViewName::Posterior, 1.0f);
    state.camera.setView(scene::ViewName::Posterior, body.structures[1].bounds, 1.0f);
    state.view.camera = state.camera.pose;
    state.view.layers[index(anatomy::Layer::Fascia)] = {true, 0.75f};
    render::Renderer r(body);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 200;
    in.height = 200;
    in.supersample = 2;
    r.render(in);
    EXPECT_TRUE(test::matchesBaseline(r.readPixels(), "fascia_synthetic_sheet", 24, 0.5));
}

namespace {

// The real body with the shipped atlas, its resolver and a renderer.
struct RealBodyScene {
    const anatomy::Body& body = test::testBody();
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    anatomy::AtlasResolver resolver{atlas, body};
    app::FeatureContext context{body, &atlas, &resolver, ""};
    render::Renderer renderer{body};
};

// The real body with one line shown, as the program draws it.
io::Image renderRealLine(render::Renderer& renderer, app::FeatureContext& context, const std::string& id,
                         scene::ViewName view) {
    const anatomy::Body& body = context.body;
    scene::AppState state;
    state.viewportAspect = 0.5f;
    scene::apply(state, body, scene::SetNamedView{view});
    scene::apply(state, body, scene::ShowLine{id, true, false});
    app::FeatureHost host(context, renderer);
    host.update(state, 0.0);
    std::vector<uint8_t> dimmed;
    host.sync(dimmed);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = 300;
    in.height = 600;
    in.dimmed = dimmed;
    renderer.render(in);
    return renderer.readPixels();
}

// Pixels of the line's colour (same hue at any shading).
bool isLineColour(const uint8_t* px, glm::vec3 c) {
    glm::vec3 p(px[0] / 255.0f, px[1] / 255.0f, px[2] / 255.0f);
    return glm::length(p) > 0.3f && glm::dot(glm::normalize(p), glm::normalize(c)) > 0.985f;
}

size_t linePixels(const io::Image& img, glm::vec3 c) {
    size_t n = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            n += isLineColour(img.pixel(x, y), c) ? 1 : 0;
    return n;
}

} // namespace

// The real body with the SBL (posterior) and the SFL (anterior): the line's colour must run from the feet to the head.
TEST_F(LineGlTest, RealBodyLinesShowFromFeetToHead) {
    RealBodyScene real;
    for (auto [id, view] :
         {std::pair{"SBL", scene::ViewName::Posterior}, std::pair{"SFL", scene::ViewName::Anterior}}) {
        SCOPED_TRACE(id);
        io::Image img = renderRealLine(real.renderer, real.context, id, view);
        io::writePng(test::outputDir() / (std::string("line_real_") + id + ".png"), img); // for review; not a baseline
        glm::vec3 c = scene::lineColor(id);
        // The body's rows (anything brighter than the background), cut into tenths: the line's colour must show in
        // nearly every tenth, feet to head.
        int top = img.height, bottom = -1;
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) {
                const uint8_t* px = img.pixel(x, y);
                if (std::max({px[0], px[1], px[2]}) > 90) {
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
            }
        ASSERT_LT(top, bottom);
        int bands = 0;
        size_t total = 0;
        for (int b = 0; b < 10; ++b) {
            size_t n = 0;
            for (int y = top + b * (bottom - top) / 10; y < top + (b + 1) * (bottom - top) / 10; ++y)
                for (int x = 0; x < img.width; ++x)
                    n += isLineColour(img.pixel(x, y), c) ? 1 : 0;
            total += n;
            bands += n > 5 ? 1 : 0;
        }
        EXPECT_GE(bands, 9) << "the line does not run the body's length";
        EXPECT_GT(total, 500u);
    }
}

// The SBL runs down the back: seen from the front it shows faint and grey through the body, not in full colour
// as if it ran down the front.
TEST_F(LineGlTest, RealBodyBackLineFadesSeenFromTheFront) {
    RealBodyScene real;
    glm::vec3 c = scene::lineColor("SBL");
    io::Image front = renderRealLine(real.renderer, real.context, "SBL", scene::ViewName::Anterior);
    io::writePng(test::outputDir() / "line_real_SBL_from_front.png", front); // for review; not a baseline
    size_t behind = linePixels(renderRealLine(real.renderer, real.context, "SBL", scene::ViewName::Posterior), c);
    EXPECT_GT(behind, 500u);
    EXPECT_LT(linePixels(front, c), behind / 5);
}
