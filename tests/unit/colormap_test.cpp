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
    for (HeatPalette p : kHeatPalettes) {
        EXPECT_EQ(heatColor(0.0f, p).a, 0.0f) << paletteName(p);
        EXPECT_GT(heatColor(kEssentialHeat, p).a, 0.9f);
        EXPECT_GT(heatColor(kEssentialHeat, p).a, heatColor(kSpilloverHeat, p).a); // spillover lets skin through
        EXPECT_EQ(heatColor(-1.0f, p), heatColor(0.0f, p));                        // clamped
        EXPECT_EQ(heatColor(2.0f, p), heatColor(1.0f, p));
        EXPECT_EQ(heatColor(std::numeric_limits<float>::quiet_NaN(), p), heatColor(0.0f, p));
    }
}

TEST(Colormap, LightnessIsMonotone) {
    // Classic darkens towards the essential red; viridis brightens towards its yellow. Either way the heat order
    // survives greyscale printing and colour-vision deficiency.
    for (HeatPalette p : kHeatPalettes) {
        const float sign = p == HeatPalette::Classic ? -1.0f : 1.0f;
        float previous = lightness(heatColor(0.0f, p));
        for (int i = 1; i <= 100; ++i) {
            float l = lightness(heatColor(static_cast<float>(i) / 100.0f, p));
            EXPECT_GT(sign * (l - previous), -0.01f) << paletteName(p) << " at " << i;
            previous = l;
        }
    }
}

TEST(Colormap, EssentialAndSpilloverAreFarApart) {
    for (HeatPalette p : kHeatPalettes) {
        glm::vec4 e = heatColor(kEssentialHeat, p), s = heatColor(kSpilloverHeat, p);
        EXPECT_GT(glm::length(glm::vec3(e) - glm::vec3(s)), 0.3f) << paletteName(p);
        EXPECT_GT(std::abs(lightness(e) - lightness(s)), 15.0f) << paletteName(p);
    }
    // Under simulated deuteranopia and protanopia the colour-blind palette keeps them clearly apart.
    glm::vec4 e = heatColor(kEssentialHeat, HeatPalette::ColorBlindSafe);
    glm::vec4 s = heatColor(kSpilloverHeat, HeatPalette::ColorBlindSafe);
    EXPECT_GT(glm::length(simulate(kDeuteranopia, e) - simulate(kDeuteranopia, s)), 0.4f);
    EXPECT_GT(glm::length(simulate(kProtanopia, e) - simulate(kProtanopia, s)), 0.4f);
}

TEST(Colormap, LutMatchesTheFunction) {
    for (HeatPalette p : kHeatPalettes) {
        std::vector<uint8_t> lut = heatLut(p, 256);
        ASSERT_EQ(lut.size(), 256u * 4u);
        glm::vec4 last = heatColor(1.0f, p);
        EXPECT_EQ(lut[255 * 4 + 0], static_cast<uint8_t>(std::lround(last.r * 255.0f)));
        EXPECT_EQ(lut[3], 0);                // alpha of heat 0
        EXPECT_EQ(heatLut(p, 1).size(), 8u); // at least the two ends
    }
}

TEST(Colormap, NamesRoundTrip) {
    for (HeatPalette p : kHeatPalettes) {
        EXPECT_EQ(parsePalette(paletteName(p)), p);
        EXPECT_FALSE(paletteLabel(p).empty());
    }
    EXPECT_EQ(parsePalette("viridis"), HeatPalette::ColorBlindSafe);
    EXPECT_FALSE(parsePalette("rainbow").has_value());
    auto legend = heatLegend(HeatPalette::Classic);
    ASSERT_GE(legend.size(), 2u);
    EXPECT_EQ(legend[0].heat, kEssentialHeat);
    EXPECT_EQ(legend[1].heat, kSpilloverHeat);
}
