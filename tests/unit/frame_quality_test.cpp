#include "scene/frame_quality.h"

#include <gtest/gtest.h>

using namespace myoatlas;
using scene::FrameQualityPlan;

TEST(FrameQualityPlan, TheFirstFrameIsDrawnLikeAMovingOneThenTheBudgetDecides) {
    scene::FrameBudget budget(0.05);
    FrameQualityPlan plan(false);
    EXPECT_FALSE(plan.redrawPending());
    auto first = plan.next(budget);
    EXPECT_EQ(first, FrameQualityPlan::kFirst);
    EXPECT_LT(first.scale, 1.0f);
    EXPECT_EQ(first.lodPixels, scene::FrameBudget::kMaxMovingLodPixels);
    // The window's own still frame (supersampled, after a rest) follows; nothing is forced.
    EXPECT_FALSE(plan.redrawPending());
    EXPECT_EQ(plan.next(budget), (scene::FrameQuality{budget.scale(), budget.lodPixels()}));
    budget.drawn(1.0, false);
    budget.drawn(1.5, true); // slow interaction: the budget loosens, and the plan follows it
    EXPECT_EQ(plan.next(budget), (scene::FrameQuality{budget.scale(), budget.lodPixels()}));
}

TEST(FrameQualityPlan, ASteadyRunRedrawsItsCoarseFirstFrameAtRestQualityOnce) {
    scene::FrameBudget budget(0.05);
    budget.drawn(1.0, false);
    budget.drawn(1.5, true); // whatever the machine's speed taught the budget
    FrameQualityPlan plan(true);
    EXPECT_EQ(plan.next(budget), FrameQualityPlan::kFirst);
    EXPECT_TRUE(plan.redrawPending());
    EXPECT_EQ(plan.next(budget), FrameQualityPlan::kRest);
    EXPECT_FALSE(plan.redrawPending());
    EXPECT_EQ(plan.next(budget), FrameQualityPlan::kRest);
}
