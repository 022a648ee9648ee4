#pragma once
// Referred pain as data, so the patterns can be checked against the literature (what `myoatlas heat` and
// `myoatlas suspects` print). Both use the field the program paints (SkinHeat + scene::HeatField with default
// options).
#include "scene/atlas_context.h"
#include "scene/skin_heat.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace myoatlas::report {

struct HeatRequest {
    std::string trp;
    std::string side = "right";
    float time = -1.0f; // >= 0: also report every landmark's heat at this animation time
};

// { trp, muscle, side, trp_position, essential_area_fraction, spillover_area_fraction, settle_seconds, zones,
//   landmarks: {flat landmark id: steady heat 0..1 of the skin over it (the highest within 15 mm of its nearest
//   skin point's depth), or null when it did not resolve}, [time, landmarks_at_time],
//   timings_ms }. Throws core::UsageError for an unknown trigger point or side.
[[nodiscard]] nlohmann::json heatJson(scene::AtlasContext& context, scene::SkinHeat& skin, const HeatRequest& request);

struct SuspectsRequest {
    std::vector<std::string> at;     // landmark refs: "heel_back_r", or "heel_back" on `side`
    std::vector<std::string> points; // "x,y,z" in metres (body frame), moved onto the skin
    std::string side = "right";
    int top = 10; // 0: all
};

// { pain: [{at|point, position}], suspects: [{rank, trp, muscle, name, side, score, essential_hits,
//   spillover_hits}] }, best first. Throws core::UsageError for an unknown landmark or a malformed point.
[[nodiscard]] nlohmann::json suspectsJson(scene::AtlasContext& context, scene::SkinHeat& skin,
                                          const SuspectsRequest& request);

} // namespace myoatlas::report
