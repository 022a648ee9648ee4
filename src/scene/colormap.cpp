#include "scene/colormap.h"

#include "scene/heat_field.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace myoatlas::scene {
namespace {

struct Stop {
    float heat;
    glm::vec3 color;
};

// Coverage (alpha): transparent at 0, a translucent spillover plateau, a near-opaque core.
constexpr std::array<glm::vec2, 4> kCoverage{{{0.0f, 0.0f}, {0.12f, 0.40f}, {kSpilloverHeat, 0.72f}, {1.0f, 0.95f}}};

// inferno (matplotlib, CC0) at t = 0.9, 0.8, 0.7, 0.6, 0.5: heat runs down the map from pale yellow to crimson.
// Steps of 0.1 in t keep linear interpolation within the map's own uniformity.
constexpr std::array<Stop, 5> kRamp{{
    {0.00f, {0.964394f, 0.843848f, 0.273391f}},
    {0.25f, {0.987622f, 0.645320f, 0.039886f}},
    {0.50f, {0.954506f, 0.468744f, 0.099874f}}, // spillover (0.45): orange
    {0.75f, {0.865006f, 0.316822f, 0.226055f}},
    {1.00f, {0.735683f, 0.215906f, 0.330245f}}, // essential: crimson
}};

glm::vec3 sample(float h) {
    for (size_t i = 1; i < kRamp.size(); ++i)
        if (h <= kRamp[i].heat) {
            float f = (h - kRamp[i - 1].heat) / (kRamp[i].heat - kRamp[i - 1].heat);
            return kRamp[i - 1].color + (kRamp[i].color - kRamp[i - 1].color) * f;
        }
    return kRamp.back().color;
}

float coverage(float h) {
    for (size_t i = 1; i < kCoverage.size(); ++i)
        if (h <= kCoverage[i].x)
            return kCoverage[i - 1].y + (kCoverage[i].y - kCoverage[i - 1].y) * (h - kCoverage[i - 1].x) /
                                            (kCoverage[i].x - kCoverage[i - 1].x);
    return kCoverage.back().y;
}

} // namespace

glm::vec4 heatColor(float heat) {
    float h = std::isnan(heat) ? 0.0f : std::clamp(heat, 0.0f, 1.0f);
    return {sample(h), coverage(h)};
}

std::vector<glm::vec4> heatRamp(int size) {
    size = std::max(size, 2);
    std::vector<glm::vec4> ramp(static_cast<size_t>(size));
    for (int i = 0; i < size; ++i)
        ramp[static_cast<size_t>(i)] = heatColor(static_cast<float>(i) / static_cast<float>(size - 1));
    return ramp;
}

std::vector<uint8_t> heatLut(int size) {
    std::vector<uint8_t> lut;
    for (const glm::vec4& c : heatRamp(size))
        for (int k = 0; k < 4; ++k)
            lut.push_back(static_cast<uint8_t>(std::lround(std::clamp(c[k], 0.0f, 1.0f) * 255.0f)));
    return lut;
}

void heatColors(const std::vector<float>& heat, std::vector<glm::vec4>& out) {
    out.resize(heat.size());
    for (size_t i = 0; i < heat.size(); ++i)
        out[i] = heatColor(heat[i]);
}

std::vector<LegendEntry> heatLegend() {
    return {
        {kEssentialHeat, heatColor(kEssentialHeat), "Essential zone (felt by most patients)"},
        {kSpilloverHeat, heatColor(kSpilloverHeat), "Spillover zone (felt by some)"},
        {0.15f, heatColor(0.15f), "Fading edge"},
    };
}

} // namespace myoatlas::scene
