// The patient handout's content and its two pictures' requests, on the real atlas and body (the pictures themselves
// need GL: smoke_handout).
#include "anatomy/atlas.h"
#include "core/error.h"
#include "report/handout_report.h"
#include "scene/self_care.h"
#include "support/test_body.h"

#include <gtest/gtest.h>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

} // namespace

TEST(HandoutReport, EveryTriggerPointHasTwoPicturesThatApplyOnTheBody) {
    const scene::AtlasContext context{test::testBody(), &atlas(), nullptr, {}};
    for (const auto& trp : atlas().triggerPoints) {
        for (const char* side : {"left", "right"}) {
            const auto pattern = report::handoutPatternStill(trp.id, side);
            EXPECT_EQ(pattern.triggerPoints, std::vector<std::string>{trp.id});
            scene::AppState state;
            ASSERT_NO_THROW(scene::applyStillRequest(context, pattern, state, 1.0f)) << trp.id;
            const auto care = report::handoutCareStill(atlas(), trp.id, side);
            ASSERT_TRUE(care.has_value()) << trp.id;
            EXPECT_EQ(care->target, trp.id);
            EXPECT_EQ(care->side, side);
            const auto* technique = atlas().technique(care->technique);
            ASSERT_NE(technique, nullptr) << care->technique;
            const std::string own = scene::selfCareTechnique(*atlas().muscle(trp.muscle));
            EXPECT_EQ(care->technique, atlas().technique(own) ? own : std::string("massage_ball"));
            EXPECT_LT(care->step, static_cast<int>(technique->steps.size()));
            scene::AppState careState;
            ASSERT_NO_THROW(scene::applyStillRequest(context, *care, careState, 1.0f)) << trp.id;
            EXPECT_EQ(careState.view.technique.id, care->technique);
        }
    }
}

TEST(HandoutReport, AnUnknownTriggerPointHasNoPictureAndNoText) {
    EXPECT_FALSE(report::handoutCareStill(atlas(), "NOPE-TP9", "right").has_value());
    EXPECT_THROW((void)report::handoutContent(atlas(), "NOPE-TP9", "right"), core::UsageError);
    EXPECT_THROW((void)report::handoutContent(atlas(), atlas().triggerPoints.front().id, "middle"), core::UsageError);
}
