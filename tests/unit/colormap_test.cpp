// Heat colormaps: endpoints, monotone lightness, essential vs spillover kept apart, also for colour-blind viewers.
#include "scene/colormap.h"
#include "scene/heat_field.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <gtest/gtest.h>
#include <limits>

using namespace myoatlas::scene;

namespace {

float toLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

glm::vec3 linear(glm::vec4 srgb) {
    return {toLinear(srgb.r), toLinear(srgb.g), toLinear(srgb.b)};
}

// CIE L* (0..100) of an sRGB colour.
float lightness(glm::vec4 srgb) {
    glm::vec3 l = linear(srgb);
    float y = 0.2126f * l.r + 0.7152f * l.g + 0.0722f * l.b;
    return y > 0.008856f ? 116.0f * std::cbrt(y) - 16.0f : 903.3f * y;
}

// Machado, Oliveira & Fernandes 2009, severity 1.0, applied in linear RGB (glm matrices are column-major).
glm::vec3 simulate(const glm::mat3& rowMajor, glm::vec4 srgb) {
    glm::vec3 out = glm::transpose(rowMajor) * linear(srgb);
    return glm::clamp(out, glm::vec3(0.0f), glm::vec3(1.0f));
}
const glm::mat3 kDeuteranopia(0.367322f, 0.860646f, -0.227968f, 0.280085f, 0.672501f, 0.047413f, -0.011820f, 0.042940f,
                              0.968881f);
const glm::mat3 kProtanopia(0.152286f, 1.052583f, -0.204868f, 0.114503f, 0.786281f, 0.099216f, -0.003882f, -0.048116f,
                            1.051998f);

} // namespace

TEST(Colormap, ZeroHeatIsTransparentAndFullHeatCovers) {
    EXPECT_EQ(heatColor(0.0f).a, 0.0f);
    EXPECT_GT(heatColor(kEssentialHeat).a, 0.9f);
    EXPECT_GT(heatColor(kEssentialHeat).a, heatColor(kSpilloverHeat).a); // spillover lets skin through
    EXPECT_EQ(heatColor(-1.0f), heatColor(0.0f));                        // clamped
    EXPECT_EQ(heatColor(2.0f), heatColor(1.0f));
    EXPECT_EQ(heatColor(std::numeric_limits<float>::quiet_NaN()), heatColor(0.0f));
}

// Darker with more heat, in near-equal steps: the order survives greyscale printing and colour-vision deficiency,
// and equal differences in heat look like equal differences.
TEST(Colormap, LightnessFallsEvenly) {
    float previous = lightness(heatColor(0.0f));
    float smallest = 1e9f, largest = 0.0f;
    for (int i = 1; i <= 10; ++i) {
        float l = lightness(heatColor(static_cast<float>(i) / 10.0f));
        float step = previous - l;
        EXPECT_GT(step, 0.0f) << "at " << i;
        smallest = std::min(smallest, step);
        largest = std::max(largest, step);
        previous = l;
    }
    EXPECT_LT(largest / smallest, 1.6f);
    EXPECT_GT(lightness(heatColor(0.0f)) - lightness(heatColor(1.0f)), 35.0f);
}

TEST(Colormap, EssentialAndSpilloverAreFarApartForEveryone) {
    glm::vec4 e = heatColor(kEssentialHeat), s = heatColor(kSpilloverHeat);
    EXPECT_GT(glm::length(glm::vec3(e) - glm::vec3(s)), 0.3f);
    EXPECT_GT(std::abs(lightness(e) - lightness(s)), 15.0f);
    // Under simulated deuteranopia and protanopia they stay clearly apart.
    EXPECT_GT(glm::length(simulate(kDeuteranopia, e) - simulate(kDeuteranopia, s)), 0.3f);
    EXPECT_GT(glm::length(simulate(kProtanopia, e) - simulate(kProtanopia, s)), 0.3f);
    // Essential reads red: red dominates green and blue.
    EXPECT_GT(e.r, 1.5f * e.g);
    EXPECT_GT(e.r, 1.5f * e.b);
}

TEST(Colormap, LutAndRampMatchTheFunction) {
    std::vector<uint8_t> lut = heatLut(256);
    ASSERT_EQ(lut.size(), 256u * 4u);
    glm::vec4 last = heatColor(1.0f);
    EXPECT_EQ(lut[255 * 4 + 0], static_cast<uint8_t>(std::lround(last.r * 255.0f)));
    EXPECT_EQ(lut[3], 0);             // alpha of heat 0
    EXPECT_EQ(heatLut(1).size(), 8u); // at least the two ends
    auto ramp = heatRamp(256);
    ASSERT_EQ(ramp.size(), 256u);
    EXPECT_EQ(ramp[128], heatColor(128.0f / 255.0f));
    auto legend = heatLegend();
    ASSERT_GE(legend.size(), 2u);
    EXPECT_EQ(legend[0].heat, kEssentialHeat);
    EXPECT_EQ(legend[1].heat, kSpilloverHeat);
}
