#include "scene/colormap.h"

#include "scene/heat_field.h"

#include <algorithm>
#include <cmath>
#include <glm/vec2.hpp>
#include <span>

namespace myoatlas::scene {

namespace {

struct Stop {
    float heat;
    glm::vec3 color;
};

// Coverage (alpha), shared by both palettes: transparent at 0, a translucent spillover plateau, a near-opaque core.
constexpr std::array<glm::vec2, 4> kCoverage{{{0.0f, 0.0f}, {0.12f, 0.40f}, {kSpilloverHeat, 0.72f}, {1.0f, 0.95f}}};

constexpr std::array<Stop, 6> kClassic{{
    {0.00f, {1.000f, 0.930f, 0.550f}},
    {0.12f, {1.000f, 0.840f, 0.360f}},
    {kSpilloverHeat, {1.000f, 0.580f, 0.100f}}, // spillover: orange
    {0.60f, {0.960f, 0.380f, 0.060f}},
    {0.80f, {0.860f, 0.150f, 0.040f}},
    {kEssentialHeat, {0.700f, 0.000f, 0.020f}}, // essential: deep red
}};

// viridis (matplotlib) at heat = 0, 1/8, ..., 1.
constexpr std::array<Stop, 9> kViridis{{
    {0.000f, {0.267004f, 0.004874f, 0.329415f}},
    {0.125f, {0.282623f, 0.140926f, 0.457517f}},
    {0.250f, {0.229739f, 0.322361f, 0.545706f}},
    {0.375f, {0.172719f, 0.448791f, 0.557885f}},
    {0.500f, {0.127568f, 0.566949f, 0.550556f}},
    {0.625f, {0.157851f, 0.683765f, 0.501686f}},
    {0.750f, {0.369214f, 0.788888f, 0.382914f}},
    {0.875f, {0.678489f, 0.863742f, 0.189503f}},
    {1.000f, {0.993248f, 0.906157f, 0.143936f}},
}};

glm::vec3 sample(std::span<const Stop> stops, float h) {
    for (size_t i = 1; i < stops.size(); ++i) {
        if (h <= stops[i].heat) {
            float f = (h - stops[i - 1].heat) / (stops[i].heat - stops[i - 1].heat);
            return stops[i - 1].color + (stops[i].color - stops[i - 1].color) * f;
        }
    }
    return stops.back().color;
}

float coverage(float h) {
    for (size_t i = 1; i < kCoverage.size(); ++i)
        if (h <= kCoverage[i].x)
            return kCoverage[i - 1].y + (kCoverage[i].y - kCoverage[i - 1].y) * (h - kCoverage[i - 1].x) /
                                            (kCoverage[i].x - kCoverage[i - 1].x);
    return kCoverage.back().y;
}

} // namespace

std::string_view paletteName(HeatPalette palette) {
    return palette == HeatPalette::ColorBlindSafe ? "colorblind" : "classic";
}

std::optional<HeatPalette> parsePalette(std::string_view name) {
    for (HeatPalette p : kHeatPalettes)
        if (paletteName(p) == name)
            return p;
    if (name == "viridis" || name == "colourblind" || name == "cb")
        return HeatPalette::ColorBlindSafe;
    if (name == "red")
        return HeatPalette::Classic;
    return std::nullopt;
}

std::string_view paletteLabel(HeatPalette palette) {
    return palette == HeatPalette::ColorBlindSafe ? "Colour-blind safe (viridis)" : "Classic red";
}

glm::vec4 heatColor(float heat, HeatPalette palette) {
    float h = std::isnan(heat) ? 0.0f : std::clamp(heat, 0.0f, 1.0f);
    glm::vec3 rgb = palette == HeatPalette::ColorBlindSafe ? sample(kViridis, h) : sample(kClassic, h);
    return {rgb, coverage(h)};
}

std::vector<uint8_t> heatLut(HeatPalette palette, int size) {
    size = std::max(size, 2);
    std::vector<uint8_t> lut(static_cast<size_t>(size) * 4);
    for (int i = 0; i < size; ++i) {
        glm::vec4 c = heatColor(static_cast<float>(i) / static_cast<float>(size - 1), palette);
        for (int k = 0; k < 4; ++k)
            lut[static_cast<size_t>(i) * 4 + k] =
                static_cast<uint8_t>(std::lround(std::clamp(c[k], 0.0f, 1.0f) * 255.0f));
    }
    return lut;
}

void heatColors(const std::vector<float>& heat, HeatPalette palette, std::vector<glm::vec4>& out) {
    out.resize(heat.size());
    for (size_t i = 0; i < heat.size(); ++i)
        out[i] = heatColor(heat[i], palette);
}

std::vector<LegendEntry> heatLegend(HeatPalette palette) {
    return {
        {kEssentialHeat, heatColor(kEssentialHeat, palette), "Essential zone (felt by most patients)"},
        {kSpilloverHeat, heatColor(kSpilloverHeat, palette), "Spillover zone (felt by some)"},
        {0.15f, heatColor(0.15f, palette), "Fading edge"},
    };
}

} // namespace myoatlas::scene
