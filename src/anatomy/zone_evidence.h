#pragma once
// How strongly a referral zone is drawn, from what attests it. GL-free.
#include "anatomy/atlas.h"

#include <string>

namespace myoatlas::anatomy {

struct ZoneWeight {
    float weight = 1.0f; // (0, 1]: multiplies the zone's heat
    std::string label;   // e.g. "seen in ~50% (shin2005)", "published chart", "contested"
};

// Display weights, not facts: a measured zone is as strong as the share of subjects who felt it (floored so a
// rare zone stays visible); a published chart is full strength, one written from memory ([RECALL]) a little less,
// a zone the sources dispute and our own estimate less again.
inline constexpr float kRecalledChartWeight = 0.8f;
inline constexpr float kContestedWeight = 0.6f;
inline constexpr float kEstimatedWeight = 0.5f;
inline constexpr float kMeasuredFloor = 0.3f;

[[nodiscard]] ZoneWeight zoneWeight(const ZoneSpec& zone, bool recalled);
[[nodiscard]] const char* zoneEvidenceName(ZoneEvidence e);

} // namespace myoatlas::anatomy
