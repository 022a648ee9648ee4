#include "anatomy/zone_evidence.h"

#include <algorithm>
#include <cmath>

namespace myoatlas::anatomy {

const char* zoneEvidenceName(ZoneEvidence e) {
    switch (e) {
    case ZoneEvidence::Measured:
        return "measured";
    case ZoneEvidence::Contested:
        return "contested";
    case ZoneEvidence::Estimated:
        return "estimated";
    case ZoneEvidence::Charted:
        break;
    }
    return "charted";
}

ZoneWeight zoneWeight(const ZoneSpec& zone, bool recalled) {
    switch (zone.evidence) {
    case ZoneEvidence::Measured: {
        int pct = static_cast<int>(std::lround(zone.reportedFraction * 100.0f));
        std::string label = "seen in ~" + std::to_string(pct) + "%";
        if (!zone.reportedSource.empty())
            label += " (" + zone.reportedSource + ")";
        return {std::clamp(zone.reportedFraction, kMeasuredFloor, 1.0f), label};
    }
    case ZoneEvidence::Contested:
        return {kContestedWeight, "contested: sources disagree"};
    case ZoneEvidence::Estimated:
        return {kEstimatedWeight, "estimate, no published chart"};
    case ZoneEvidence::Charted:
        break;
    }
    if (recalled)
        return {kRecalledChartWeight, "published chart, written from memory (to review)"};
    return {1.0f, "published chart"};
}

} // namespace myoatlas::anatomy
