#pragma once
// The one colour ramp for referred-pain heat, used alike by the window, the headless renderer and the handout.
// Heat 1.0 is the essential zone, ~0.45 the spillover plateau (see heat_field.h), 0 no pain. Colours are sRGB in
// [0,1]; alpha is how much the heat covers the skin beneath, so heat 0 is fully transparent and the renderer
// blends the rest over the lit skin.
//
// The ramp is the red half of inferno (van der Walt & Smith's perceptually uniform map, matplotlib): pale yellow
// (faint pain) through orange (spillover) to crimson (essential). Lightness falls evenly with heat (CIE L* from
// ~86 to ~44 in near-equal steps), so the order of the zones survives greyscale printing and colour-vision
// deficiency, and it stays the red of the classic pain charts students know. The spillover plateau is also more
// translucent than the essential zone (the 3D counterpart of the charts' stippling: skin shows through).
#include <cstdint>
#include <glm/vec4.hpp>
#include <string_view>
#include <vector>

namespace myoatlas::scene {

// For legends and notes: what the ramp is.
inline constexpr std::string_view kHeatRampLabel = "inferno (red half), colour-blind safe";

// Colour of a heat value (clamped to [0,1]; NaN counts as 0); rgb sRGB, a = coverage.
[[nodiscard]] glm::vec4 heatColor(float heat);
// The ramp sampled at `size` evenly spaced heats (0 and 1 included): RGBA8 for a lookup texture or float colours.
[[nodiscard]] std::vector<uint8_t> heatLut(int size = 256);
[[nodiscard]] std::vector<glm::vec4> heatRamp(int size = 256);
// Colours for a per-vertex heat array (RGBA, one per value).
void heatColors(const std::vector<float>& heat, std::vector<glm::vec4>& out);

struct LegendEntry {
    float heat = 0.0f;
    glm::vec4 color{0.0f};
    std::string_view label;
};
// What the legend shows: essential zone, spillover zone, fading edge.
[[nodiscard]] std::vector<LegendEntry> heatLegend();

} // namespace myoatlas::scene
