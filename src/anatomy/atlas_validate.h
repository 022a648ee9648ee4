#pragma once
// Validation of the atlas against the loaded body (what `myoatlas validate [--json]` runs) and the JSON view of the
// resolved atlas (what `myoatlas inspect --json` prints).
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"

#include <nlohmann/json.hpp>

namespace myoatlas::anatomy {

// Limits the checks use; the defaults are what the issue asks for.
struct ValidationLimits {
    float trpSurfaceMm = 5.0f;       // a resolved trigger point lies within this of its muscle's surface
    float skinSeedMm = 5.0f;         // a referral seed lies within this of the skin
    float midlineCrossingMm = 30.0f; // an ipsilateral zone's seed may lie at most this far across the midline
};

struct ValidationReport {
    std::vector<AtlasIssue> issues;
    size_t landmarksChecked = 0, triggerPointsChecked = 0, zonesChecked = 0, linesChecked = 0;

    [[nodiscard]] size_t errors() const { return errorCount(issues); }
    [[nodiscard]] size_t warnings() const { return issues.size() - errors(); }
    [[nodiscard]] bool ok() const { return errors() == 0; }
    [[nodiscard]] nlohmann::json toJson() const;
    [[nodiscard]] std::string toText() const; // one issue per line, then a summary line
};

// Every check that needs the body: FMA ids that name no file, muscles that do not resolve on both sides (except
// documented absent meshes), landmarks that do not resolve or sit further than their tolerance from the expected
// height, trigger points beyond max_snap_mm from their muscle, not within 5 mm of its surface or on the wrong side,
// referral zones that produce no seeds or seeds off the skin, line stations and tracks that do not resolve.
[[nodiscard]] ValidationReport validateAtlas(const Atlas& atlas, const Body& body, const ValidationLimits& limits = {});
// The same on an already resolved atlas (avoids resolving twice when inspect and validate both run).
[[nodiscard]] ValidationReport validateAtlas(const Atlas& atlas, const ResolvedAtlas& resolved, const Body& body,
                                             const ValidationLimits& limits = {});
// Loads the directory (every JSON problem) and, when it loads, runs the body checks: the full `validate` command.
[[nodiscard]] ValidationReport validateAtlasDirectory(const std::filesystem::path& dir, const Body& body,
                                                      const ValidationLimits& limits = {});

// The resolved atlas as JSON: stature, landmarks with positions and heights, muscles with their structure indices,
// trigger points with raw and snapped positions, lines with their stations and track structures, endangerment
// sites with their seeds.
[[nodiscard]] nlohmann::json atlasToJson(const Atlas& atlas, const ResolvedAtlas& resolved);
[[nodiscard]] nlohmann::json issueToJson(const AtlasIssue& issue);

} // namespace myoatlas::anatomy
