#pragma once
// Parsing of the deterministic render switches (pure functions, unit-tested).
#include "anatomy/body.h"
#include "scene/view_state.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myoatlas::scene {

// "1600x1200" -> {1600, 1200}. Throws core::UsageError on anything else or sizes outside 16..8192.
[[nodiscard]] std::pair<int, int> parseSize(std::string_view text);

// "skin:0.3,superficial_muscle,bone" -> only those layers visible, with the given opacities (default 1).
// "all" keeps the defaults. Throws core::UsageError naming the bad item.
[[nodiscard]] std::array<LayerSetting, anatomy::kLayerCount> parseLayers(std::string_view text);

// Structures matching a name: an exact structure name, a whole-muscle group name ("right trapezius"), an FMA or
// FJ id; case-insensitive. Empty when nothing matches.
[[nodiscard]] std::vector<uint32_t> findStructures(const anatomy::Body& body, std::string_view name);

[[nodiscard]] std::string toLower(std::string_view s);

} // namespace myoatlas::scene
