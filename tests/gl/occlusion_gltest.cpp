// Occlusion culling on llvmpipe: structures hidden behind opaque ones are not drawn, and the picture is exactly the
// one drawn without culling, frame after frame as the camera turns (nothing missing, nothing a frame late).
#include "io/image_io.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "support/gl_fixture.h"
#include "support/synthetic_mesh.h"

#include <gtest/gtest.h>

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

// A big opaque slab in front, small structures behind it (hidden from the front), one poking out at the side,
// all inside translucent skin.
anatomy::Body hiddenBehindASlab() {
    anatomy::Body body;
    auto add = [&](const char* name, anatomy::Category c, anatomy::Layer l, geometry::Mesh m) {
        body.structures.push_back(structure(name, c, l));
        body.meshes.push_back(std::move(m));
    };
    add("skin", anatomy::Category::Skin, anatomy::Layer::Skin, test::uvEllipsoid({0, 0, 0}, {0.6f, 0.9f, 0.5f}));
    add("slab", anatomy::Category::Muscle, anatomy::Layer::SuperficialMuscle,
        test::uvEllipsoid({0, 0, 0.3f}, {0.5f, 0.8f, 0.08f}));
    add("behind a", anatomy::Category::Muscle, anatomy::Layer::DeepMuscle,
        test::uvEllipsoid({-0.15f, 0.2f, 0.0f}, {0.1f, 0.2f, 0.1f}));
    add("behind b", anatomy::Category::Bone, anatomy::Layer::Bone,
        test::uvEllipsoid({0.1f, -0.3f, -0.1f}, {0.08f, 0.3f, 0.08f}));
    add("behind c", anatomy::Category::Muscle, anatomy::Layer::DeepMuscle,
        test::uvEllipsoid({0.15f, 0.3f, -0.2f}, {0.12f, 0.12f, 0.12f}));
    add("at the side", anatomy::Category::Muscle, anatomy::Layer::DeepMuscle,
        test::uvEllipsoid({0.55f, 0.0f, 0.0f}, {0.1f, 0.3f, 0.1f}));
    body.updateBounds();
    return body;
}

class OcclusionGlTest : public test::GlFixture {};

struct Frame {
    render::FrameStats stats;
    io::Image image;
};

Frame draw(render::Renderer& r, const scene::ViewState& view, bool occlusion) {
    render::FrameInputs in;
    in.view = &view;
    in.width = 320;
    in.height = 240;
    in.occlusion = occlusion;
    Frame f;
    f.stats = r.render(in);
    f.image = r.readPixels();
    return f;
}

} // namespace

TEST_F(OcclusionGlTest, HiddenStructuresAreSkippedAndThePictureIsTheSame) {
    auto body = hiddenBehindASlab();
    scene::AppState state;
    state.viewportAspect = 4.0f / 3.0f;
    state.camera.setView(scene::ViewName::Anterior, body.structures[0].bounds, state.viewportAspect);
    state.view.camera = state.camera.pose;
    state.view.layers[index(anatomy::Layer::Skin)].opacity = 0.3f;
    scene::apply(state, body, scene::SelectStructure{2, false, true}); // a hidden one: its outline must not show

    render::Renderer culled(body), plain(body);
    // The first frame knows nothing yet and draws everything; the drawn pieces are re-tested in turns (a quarter a
    // frame), so within five frames the hidden ones are skipped. As the camera turns round, what was behind comes
    // out, and must be there in the very frame it shows.
    for (int frame = 0; frame < 16; ++frame) {
        state.view.camera.yaw = frame < 6 ? 0.0f : 0.35f * static_cast<float>(frame - 5);
        Frame a = draw(culled, state.view, true);
        Frame b = draw(plain, state.view, false);
        ASSERT_EQ(a.image.rgba, b.image.rgba) << "frame " << frame << ": culling changed the picture";
        EXPECT_LE(a.stats.drawnTriangles, b.stats.drawnTriangles);
        EXPECT_EQ(a.stats.translucentStructures, 1u) << "the skin is always drawn";
        EXPECT_EQ(b.stats.occludedStructures, 0u);
        if (frame == 5) {
            // From the front the three behind the slab are hidden; the one at the side shows.
            EXPECT_EQ(a.stats.occludedStructures, 3u) << "frame " << frame;
            EXPECT_EQ(a.stats.drawnStructures, 3u) << "skin, slab, the one at the side";
            EXPECT_LT(a.stats.drawnTriangles, b.stats.drawnTriangles * 3 / 4);
        }
    }
}

TEST_F(OcclusionGlTest, HidingTheOccluderShowsWhatWasBehindAtOnce) {
    auto body = hiddenBehindASlab();
    scene::AppState state;
    state.viewportAspect = 4.0f / 3.0f;
    state.camera.setView(scene::ViewName::Anterior, body.structures[0].bounds, state.viewportAspect);
    state.view.camera = state.camera.pose;
    state.view.layers[index(anatomy::Layer::Skin)].visible = false;
    render::Renderer culled(body), plain(body);
    Frame before;
    for (int i = 0; i < 6; ++i)
        before = draw(culled, state.view, true);
    ASSERT_EQ(before.stats.occludedStructures, 3u) << "hidden behind the slab before it is peeled";
    // Peel the slab's layer: the structures behind it, hidden last frame, are drawn in this one.
    state.view.layers[index(anatomy::Layer::SuperficialMuscle)].visible = false;
    Frame a = draw(culled, state.view, true);
    Frame b = draw(plain, state.view, false);
    EXPECT_EQ(a.image.rgba, b.image.rgba);
    EXPECT_EQ(a.stats.drawnStructures, 4u);
    EXPECT_EQ(a.stats.occludedStructures, 0u);
}
