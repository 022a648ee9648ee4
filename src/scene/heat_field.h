#pragma once
// The referred-pain heat of one trigger point on the skin, at rest and over time. GL-free: the renderer only
// uploads what evaluate() writes.
//
// Steady state (what `myoatlas heat --json` reports and what the animation settles to):
//   each zone z gives  level_z * falloff(d_z / radius_z),  d_z = geodesic distance on the skin from the zone's seeds,
//   level = 1.0 for essential zones and 0.45 for spillover zones, falloff = 1 up to `core` of the radius, then a
//   smoothstep to 0 at the radius; zones combine with max. Distance follows the skin, so heat never crosses a limb
//   or the midline unless the pattern's seeds do.
// Classification: a vertex is Essential where an essential zone's falloff is >= 0.5 (inside the middle of its
//   fade), else Spillover where a spillover zone's falloff is >= 0.5, else None. Area fractions integrate these.
// Animation: vertex v starts at arrival(v) = geodesic distance from the trigger point's nearest skin vertex / speed,
//   with the speed chosen so the front reaches the farthest heated vertex in `spreadSeconds`; when the pattern has
//   both kinds of zone, the essential zone's vertices arrive in the first `essentialShare` of that time (by distance)
//   and the spillover's after it (by distance), so the class sees the essential zone first; the heat then eases
//   up to its steady value over `riseSeconds` and pulses between (1 - pulseDepth) and 1 of it at `pulseHz`, in
//   phase with its own arrival (a ripple travelling outward). The envelope (pulse peak) equals the steady field
//   for t >= settleSeconds().
// Several trigger points: combined with max, so the legend's levels (1.0 essential, 0.45 spillover) keep their
//   meaning where patterns overlap; 1 - prod(1 - h) would turn two overlapping spillovers into an "essential" 0.7.
#include "anatomy/referral_zone.h"
#include "geometry/geodesic.h"

#include <cstdint>
#include <glm/vec3.hpp>
#include <span>
#include <string>
#include <vector>

namespace myoatlas::scene {

inline constexpr float kEssentialHeat = 1.0f;
inline constexpr float kSpilloverHeat = 0.45f;

enum class HeatZone : uint8_t { None, Spillover, Essential };

// A zone's shape: 1 up to `core` of the radius, a smoothstep down to 0 at the radius (C1: no crease at the edge).
// The zone class starts where this is >= kZoneClassThreshold.
[[nodiscard]] float zoneFalloff(float distance, float radius, float core);
inline constexpr float kZoneClassThreshold = 0.5f;

struct HeatFieldOptions {
    float core = 0.3f;           // fraction of each zone's radius held at its full level before the fade begins
    float spreadSeconds = 2.6f;  // time for the front to reach the farthest heated vertex (settled at ~3 s)
    float essentialShare = 0.6f; // of spreadSeconds: the essential zone fills first, then the spillover
    float riseSeconds = 0.4f;    // ease-in after arrival
    float pulseHz = 1.0f;
    float pulseDepth = 0.2f; // pulse between (1 - depth) and 1 of the steady value
    float minSpeed = 0.05f;  // m/s, so a tiny pattern does not crawl
};

class HeatField {
public:
    // Computes every zone's geodesic distance (one batched solve) plus the distance from the trigger point.
    // The solver (built on the skin mesh) must outlive the field. Zones without seeds contribute nothing.
    HeatField(const geometry::GeodesicSolver& skin, const anatomy::ResolvedReferral& referral,
              const HeatFieldOptions& options = {});

    [[nodiscard]] const std::string& trpId() const { return trpId_; }
    [[nodiscard]] const std::string& side() const { return side_; }
    [[nodiscard]] const HeatFieldOptions& options() const { return options_; }
    [[nodiscard]] size_t vertexCount() const { return steady_.size(); }

    // Per skin vertex: steady heat in [0,1], zone class, arrival time of the front (seconds).
    [[nodiscard]] std::span<const float> steady() const { return steady_; }
    [[nodiscard]] std::span<const HeatZone> zones() const { return zones_; }
    [[nodiscard]] std::span<const float> arrivalSeconds() const { return arrival_; }
    [[nodiscard]] uint32_t trpVertex() const { return trpVertex_; }

    // Fractions of the total skin area classified Essential / Spillover.
    [[nodiscard]] float essentialAreaFraction() const { return essentialArea_; }
    [[nodiscard]] float spilloverAreaFraction() const { return spilloverArea_; }

    [[nodiscard]] float spreadSeconds() const { return spread_; }
    // From this time on the envelope equals steady() everywhere.
    [[nodiscard]] float settleSeconds() const { return spread_ + options_.riseSeconds; }

    // Heat of one vertex at time t (seconds since the trigger point was selected), pulse included.
    [[nodiscard]] float valueAt(uint32_t vertex, float t) const;
    // The same without the pulse: the rise towards steady().
    [[nodiscard]] float envelopeAt(uint32_t vertex, float t) const;
    // Every vertex at time t into out (resized to vertexCount()).
    void evaluate(float t, std::vector<float>& out) const;

    // Steady heat at a point on (or near) the skin, interpolated in the closest triangle.
    [[nodiscard]] float steadyAt(const glm::vec3& p) const;
    // Zone class at the skin vertex nearest to p.
    [[nodiscard]] HeatZone zoneAt(const glm::vec3& p) const;

private:
    const geometry::GeodesicSolver* skin_;
    std::string trpId_, side_;
    HeatFieldOptions options_;
    std::vector<float> steady_;
    std::vector<HeatZone> zones_;
    std::vector<float> arrival_;
    std::vector<uint32_t> active_; // vertices with steady > 0: the only ones evaluate() computes
    uint32_t trpVertex_ = 0;
    float spread_ = 0.0f;
    float essentialArea_ = 0.0f;
    float spilloverArea_ = 0.0f;
};

// Several fields at once (same skin), combined with max. out is resized to the skin's vertex count.
void combineSteady(std::span<const HeatField* const> fields, std::vector<float>& out);
void evaluateCombined(std::span<const HeatField* const> fields, float t, std::vector<float>& out);

} // namespace myoatlas::scene
