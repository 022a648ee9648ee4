// A still's request (render, review sheets, handouts, lesson renders) checked and applied on the real body and atlas:
// typed numbers refused rather than clamped, every id checked, and the state the renderer gets.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "core/error.h"
#include "scene/still_request.h"
#include "support/test_body.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

scene::AtlasContext context() {
    return scene::AtlasContext{test::testBody(), &atlas(), nullptr, {}};
}

scene::AppState applied(const scene::StillRequest& request, float aspect = 1.5f) {
    scene::AppState state;
    scene::applyStillRequest(context(), request, state, aspect);
    return state;
}

template <typename Edit>
void expectUsageError(Edit edit, const std::string& naming) {
    scene::StillRequest r;
    edit(r);
    try {
        (void)applied(r);
        ADD_FAILURE() << "accepted a request that should name " << naming;
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find(naming), std::string::npos) << e.what();
    }
}

} // namespace

TEST(StillRequest, DefaultIsTheAnteriorViewOfTheDefaultLayers) {
    const auto state = applied({}, 2.0f);
    EXPECT_FALSE(state.viewNamed); // a feature may still turn the camera to what it shows
    EXPECT_FLOAT_EQ(state.viewportAspect, 2.0f);
    EXPECT_TRUE(state.view.selection.empty());
    EXPECT_EQ(state.view.layers, scene::ViewState::defaultLayers());
    EXPECT_TRUE(state.view.triggerPoints.empty());
    EXPECT_TRUE(state.view.technique.id.empty());
}

TEST(StillRequest, ContentLandsInTheState) {
    const auto& technique = *atlas().technique("trp_pressure_release");
    const int last = static_cast<int>(technique.stepsOf("").size()) - 1;
    scene::StillRequest r;
    r.view = "posterior";
    r.select = {"right trapezius"};
    r.triggerPoints = {"TRAPU-TP1"};
    r.side = "left";
    r.time = 1.5f;
    r.lines = {"SBL", "LL_left"};
    r.technique = "trp_pressure_release";
    r.target = "TRAPU-TP1";
    r.step = last;
    r.caption = "Upper trapezius";
    r.layers = "skin:0.3,bone";
    const auto state = applied(r);
    EXPECT_TRUE(state.viewNamed);
    EXPECT_FALSE(state.view.selection.empty());
    for (uint32_t s : state.view.selection)
        EXPECT_NE(test::testBody().structures[s].name.find("trapezius"), std::string::npos);
    ASSERT_EQ(state.view.triggerPoints.size(), 1u);
    EXPECT_EQ(state.view.triggerPoints[0].id, "TRAPU-TP1");
    EXPECT_EQ(state.view.triggerPoints[0].side, "left");
    EXPECT_FLOAT_EQ(state.view.heatTime, 1.5f);
    EXPECT_EQ(state.view.lines.size(), 2u);
    EXPECT_EQ(state.view.technique.id, "trp_pressure_release");
    EXPECT_EQ(state.view.technique.step, last);
    EXPECT_EQ(state.view.technique.side, "left");
    EXPECT_EQ(state.view.caption, "Upper trapezius");
    EXPECT_FALSE(state.view.layers[static_cast<size_t>(anatomy::Layer::SuperficialMuscle)].visible);
    EXPECT_NEAR(state.view.layers[static_cast<size_t>(anatomy::Layer::Skin)].opacity, 0.3f, 1e-6f);
}

TEST(StillRequest, BadValuesAreRefusedNamingTheOption) {
    expectUsageError([](auto& r) { r.view = "sideways"; }, "--view");
    expectUsageError([](auto& r) { r.side = "middle"; }, "--side");
    expectUsageError([](auto& r) { r.select = {"no such muscle"}; }, "--select");
    expectUsageError([](auto& r) { r.triggerPoints = {"NOPE-TP9"}; }, "--trp");
    expectUsageError([](auto& r) { r.lines = {"XYZ_left"}; }, "--line");
    expectUsageError([](auto& r) { r.technique = "laser_acupuncture"; }, "--technique");
    expectUsageError([](auto& r) { r.time = std::numeric_limits<float>::quiet_NaN(); }, "--time");
    expectUsageError([](auto& r) { r.time = -3.0f; }, "--time");
    const auto steps = atlas().technique("trp_pressure_release")->stepsOf("").size();
    expectUsageError(
        [&](auto& r) {
            r.technique = "trp_pressure_release";
            r.step = static_cast<int>(steps);
        },
        "--step " + std::to_string(steps));
    expectUsageError([](auto& r) { r.layers = "skin:2,bogus"; }, "");
}

TEST(StillRequest, WithoutAnAtlasOnlyTheNumbersAreChecked) {
    scene::StillRequest r;
    r.triggerPoints = {"NOPE-TP9"};
    EXPECT_NO_THROW(scene::checkStillRequest(nullptr, r));
    r.time = std::numeric_limits<float>::infinity();
    EXPECT_THROW(scene::checkStillRequest(nullptr, r), core::UsageError);
}
