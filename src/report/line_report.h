#pragma once
// Every Anatomy Trains line on both sides as built on this body (what `myoatlas inspect --json` adds as "lines"):
// id, path length, stations with positions and arc length, tracks with their structures, route and largest gap.
#include "scene/atlas_context.h"

#include <nlohmann/json.hpp>

namespace myoatlas::report {

// An empty array when the atlas did not load.
[[nodiscard]] nlohmann::json linesJson(const scene::AtlasContext& context);

} // namespace myoatlas::report
