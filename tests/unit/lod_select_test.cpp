// Choosing a level of detail from the size of its error on screen (scene/lod_select.h).
#include "scene/lod_select.h"

#include <gtest/gtest.h>
#include <vector>

using namespace myoatlas;

namespace {
const std::vector<float> kErrors = {0.001f, 0.004f, 0.016f}; // metres, finest first
}

TEST(LodSelect, PixelsPerMetreFollowTheFieldOfViewAndHeight) {
    // A 90 degree field of view at unit distance spans 2 m over the image height.
    EXPECT_NEAR(scene::pixelsPerMetreAtUnitDistance(1.5707964f, 720), 360.0f, 1e-2f);
    EXPECT_NEAR(scene::pixelsPerMetreAtUnitDistance(1.5707964f, 1440), 720.0f, 1e-2f);
}

TEST(LodSelect, CoarserLevelsAsTheStructureShrinksOnScreen) {
    const float ppm = 1000.0f; // pixels per metre at 1 m
    // At 1 m, 1 px is 1 mm: only the finest level fits.
    EXPECT_EQ(scene::selectLod(kErrors, 1.0f, ppm, 1.0f), 1u);
    // Nearer, even that is too coarse: full detail.
    EXPECT_EQ(scene::selectLod(kErrors, 0.5f, ppm, 1.0f), 0u);
    // At 4 m, 1 px is 4 mm: the second level.
    EXPECT_EQ(scene::selectLod(kErrors, 4.0f, ppm, 1.0f), 2u);
    EXPECT_EQ(scene::selectLod(kErrors, 100.0f, ppm, 1.0f), 3u);
    // A smaller image (fewer pixels per metre) allows coarser levels at the same distance.
    EXPECT_EQ(scene::selectLod(kErrors, 1.0f, ppm / 4.0f, 1.0f), 2u);
}

TEST(LodSelect, MovingBudgetInPixelsAllowsCoarserLevels) {
    const float ppm = 1000.0f;
    EXPECT_EQ(scene::selectLod(kErrors, 1.0f, ppm, 1.0f), 1u);
    EXPECT_EQ(scene::selectLod(kErrors, 1.0f, ppm, 4.0f), 2u);
    EXPECT_EQ(scene::selectLod(kErrors, 1.0f, ppm, 16.0f), 3u);
}

TEST(LodSelect, FullDetailWhenAskedOrNothingToChoose) {
    EXPECT_EQ(scene::selectLod(kErrors, 100.0f, 1000.0f, 0.0f), 0u);
    EXPECT_EQ(scene::selectLod({}, 100.0f, 1000.0f, 1.0f), 0u);
    // The eye inside the bounds (distance 0) counts as the near plane: fine detail, never a division by zero.
    EXPECT_EQ(scene::selectLod(kErrors, 0.0f, 1000.0f, 1.0f), 0u);
}
