#pragma once
// Reverse lookup, "it hurts here": rank trigger points whose referral patterns cover the painful skin.
//
// Score of a candidate = weighted mean, over the pain samples, of its steady heat there. Steady heat is 1.0 in an
// essential zone and 0.45 on a spillover plateau (heat_field.h), so essential overlap counts more than spillover,
// partial overlap (a zone's fading edge) counts partially, and a pattern that covers every painful spot beats one
// that covers a single spot strongly. Order: score (to 1e-6), then essential hits, then spillover hits, all
// descending, then trpId and side ascending, so equal inputs always give the same list.
#include "geometry/geodesic.h"
#include "scene/heat_field.h"

#include <cstdint>
#include <glm/vec3.hpp>
#include <span>
#include <string>
#include <vector>

namespace myoatlas::scene {

// Why a candidate ranks: one of its zones that covers the pain, with what attests that zone.
struct SuspectReason {
    std::string zone;      // the zone's label, e.g. "inner side of the knee"
    bool essential = true; // essential zone (else spillover)
    std::string evidence;  // e.g. "published chart", "seen in ~50% (shin2005)", "contested: sources disagree"
    float weight = 1.0f;   // the evidence weight applied to the zone's heat
    float heat = 0.0f;     // the zone's best heat over the pain samples (after the weight)
    uint32_t hits = 0;     // pain samples inside the zone
};

// One candidate pattern as per-skin-vertex arrays (e.g. a HeatField's steady() and zones()).
struct SuspectCandidate {
    std::string trpId;
    std::string side;
    std::span<const float> steady; // heat per skin vertex
    // Class per skin vertex; empty: derived from steady (Essential >= 0.5, Spillover >= half the 0.45 plateau,
    // which matches HeatField's classes except on an essential zone's outer fade).
    std::span<const HeatZone> zones;
    std::vector<SuspectReason> reasons; // optional, copied to the Suspect
};

struct Suspect {
    std::string trpId;
    std::string side;
    float score = 0.0f;                 // 0..1
    uint32_t essentialHits = 0;         // pain samples inside the essential zone
    uint32_t spilloverHits = 0;         // pain samples inside the spillover zone (and not the essential one)
    std::vector<SuspectReason> reasons; // strongest first (only from the referral-pattern path)
};

struct SuspectOptions {
    float minScore = 1e-4f; // candidates scoring below are left out
    size_t maxResults = 0;  // 0: all
};

// painVertices: skin vertices that hurt; weights: one per vertex (e.g. painted intensity or vertex area), or empty
// for equal weights. Throws std::invalid_argument when a candidate's arrays do not cover a pain vertex.
[[nodiscard]] std::vector<Suspect> rankSuspects(std::span<const uint32_t> painVertices,
                                                std::span<const SuspectCandidate> candidates,
                                                std::span<const float> weights = {},
                                                const SuspectOptions& options = {});

// Convenience: pain given as points on (or near) the skin, candidates as heat fields.
[[nodiscard]] std::vector<Suspect> rankSuspects(const geometry::GeodesicSolver& skin,
                                                std::span<const glm::vec3> painPoints,
                                                std::span<const HeatField* const> fields,
                                                const SuspectOptions& options = {});

// The same ranking straight from the referral patterns, without building a HeatField per candidate: geodesic
// distance is symmetric, so one solve per pain point gives every zone's distance to it (the nearest of its seeds).
// Cost: one geodesic solve per pain point, whatever the number of candidates. Scores match the HeatField path up
// to the heat method's small asymmetry (a few % of distance near a zone's edge). Each zone's heat is scaled by its
// evidence weight (ResolvedZone::weight), as on the skin, and each suspect lists the zones that matched as reasons.
[[nodiscard]] std::vector<Suspect> rankSuspects(const geometry::GeodesicSolver& skin,
                                                std::span<const glm::vec3> painPoints,
                                                std::span<const anatomy::ResolvedReferral> referrals,
                                                const HeatFieldOptions& shape = {}, const SuspectOptions& options = {});

} // namespace myoatlas::scene
