#pragma once
// Colormaps for referred-pain heat on the skin. Heat 1.0 is the essential zone, ~0.45 the spillover plateau (see
// heat_field.h), 0 no pain. Colours are sRGB in [0,1]; alpha is how much the heat covers the skin beneath, so
// heat 0 is fully transparent and the renderer blends the rest over the lit skin.
//
// - Classic: the charts' red: pale yellow -> orange (spillover) -> deep red (essential). Lightness falls
//   monotonically with heat, so the two zones also differ in lightness, not only in hue.
// - ColorBlindSafe: viridis (van der Walt & Smith), perceptually uniform, lightness rising monotonically with heat;
//   spillover is teal, essential yellow, and the two stay far apart under simulated deuteranopia and protanopia.
// The spillover plateau is also more translucent than the essential zone in both palettes (the 3D counterpart of
// the charts' stippling: skin shows through).
#include <array>
#include <cstdint>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace myoatlas::scene {

enum class HeatPalette : uint8_t { Classic, ColorBlindSafe };

inline constexpr std::array<HeatPalette, 2> kHeatPalettes{HeatPalette::Classic, HeatPalette::ColorBlindSafe};

// Stable names for options and config files: "classic", "colorblind".
[[nodiscard]] std::string_view paletteName(HeatPalette palette);
[[nodiscard]] std::optional<HeatPalette> parsePalette(std::string_view name);
// For the UI: "Classic red", "Colour-blind safe (viridis)".
[[nodiscard]] std::string_view paletteLabel(HeatPalette palette);

// Colour of a heat value (clamped to [0,1]); rgb sRGB, a = coverage.
[[nodiscard]] glm::vec4 heatColor(float heat, HeatPalette palette);
// The same map sampled at `size` evenly spaced heats (0 and 1 included) as RGBA8, for a 1D lookup texture.
[[nodiscard]] std::vector<uint8_t> heatLut(HeatPalette palette, int size = 256);
// Colours for a per-vertex heat array (RGBA, one per value).
void heatColors(const std::vector<float>& heat, HeatPalette palette, std::vector<glm::vec4>& out);

struct LegendEntry {
    float heat = 0.0f;
    glm::vec4 color{0.0f};
    std::string_view label;
};
// What the legend shows: essential zone, spillover zone, fading edge.
[[nodiscard]] std::vector<LegendEntry> heatLegend(HeatPalette palette);

} // namespace myoatlas::scene
