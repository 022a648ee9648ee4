#include "scene/heat_field.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace myoatlas::scene {

float zoneFalloff(float distance, float radius, float core) {
    if (!(distance < radius)) // also +inf (unreachable)
        return 0.0f;
    float s = distance / radius;
    if (s <= core)
        return 1.0f;
    float x = (s - core) / (1.0f - core);
    return 1.0f - x * x * (3.0f - 2.0f * x);
}

namespace {

float smoothstep01(float x) {
    return x * x * (3.0f - 2.0f * x);
}

} // namespace

HeatField::HeatField(const geometry::GeodesicSolver& skin, const anatomy::ResolvedReferral& referral,
                     const HeatFieldOptions& options)
    : skin_(&skin), trpId_(referral.trpId), side_(referral.side), options_(options) {
    options_.core = std::clamp(options_.core, 0.0f, 0.95f);
    const size_t n = skin.vertexCount();

    // One batched solve: every zone's seed set, then the trigger point.
    std::vector<std::vector<uint32_t>> sources;
    std::vector<const anatomy::ResolvedZone*> zoneOfSet;
    for (const anatomy::ResolvedZone& zone : referral.zones) {
        if (zone.seeds.empty())
            continue;
        std::vector<uint32_t> set;
        set.reserve(zone.seeds.size());
        for (const glm::vec3& s : zone.seeds)
            set.push_back(skin.nearestVertex(s));
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        sources.push_back(std::move(set));
        zoneOfSet.push_back(&zone);
    }
    trpVertex_ = skin.nearestVertex(referral.trpPosition);
    sources.push_back({trpVertex_});
    std::vector<std::vector<float>> dist = skin.distances(sources);
    const std::vector<float>& fromTrp = dist.back();

    steady_.assign(n, 0.0f);
    zones_.assign(n, HeatZone::None);
    std::vector<float> bestEssential(n, 0.0f), bestSpill(n, 0.0f);
    std::vector<float> heatEssential(n, 0.0f), heatSpill(n, 0.0f); // weighted by the zone's evidence
    const float minRadius = static_cast<float>(skin.meanEdgeLength());
    for (size_t z = 0; z < zoneOfSet.size(); ++z) {
        const anatomy::ResolvedZone& zone = *zoneOfSet[z];
        const bool essential = zone.kind == anatomy::ZoneKind::Essential;
        const float radius = std::max(zone.radius, minRadius);
        std::vector<float>& best = essential ? bestEssential : bestSpill;
        std::vector<float>& heat = essential ? heatEssential : heatSpill;
        const float weight = std::clamp(zone.weight, 0.0f, 1.0f);
        const std::vector<float>& d = dist[z];
        for (size_t v = 0; v < n; ++v) {
            const float f = zoneFalloff(d[v], radius, options_.core);
            best[v] = std::max(best[v], f);
            heat[v] = std::max(heat[v], f * weight);
        }
    }

    const std::span<const float> area = skin.vertexAreas();
    double essentialArea = 0.0, spillArea = 0.0;
    for (size_t v = 0; v < n; ++v) {
        steady_[v] = std::max(kEssentialHeat * heatEssential[v], kSpilloverHeat * heatSpill[v]);
        if (bestEssential[v] >= kZoneClassThreshold) {
            zones_[v] = HeatZone::Essential;
            essentialArea += area[v];
        } else if (bestSpill[v] >= kZoneClassThreshold) {
            zones_[v] = HeatZone::Spillover;
            spillArea += area[v];
        }
        if (steady_[v] > 0.0f)
            active_.push_back(static_cast<uint32_t>(v));
    }
    const double total = skin.totalArea();
    essentialArea_ = total > 0.0 ? static_cast<float>(essentialArea / total) : 0.0f;
    spilloverArea_ = total > 0.0 ? static_cast<float>(spillArea / total) : 0.0f;

    // The front reaches the farthest heated vertex in spreadSeconds (slower patterns are floored at minSpeed): first
    // the essential zone (a vertex whose heat comes from it), by distance from the trigger point, then the spillover,
    // so a class sees where the pain is felt before where it may spread.
    float reach = 0.0f;
    std::vector<uint8_t> essentialFirst(n, 0);
    float reachEssential = 0.0f, spillNear = std::numeric_limits<float>::infinity(), spillFar = 0.0f;
    for (uint32_t v : active_) {
        essentialFirst[v] = kEssentialHeat * heatEssential[v] >= kSpilloverHeat * heatSpill[v] ? 1 : 0;
        if (!std::isfinite(fromTrp[v]))
            continue;
        reach = std::max(reach, fromTrp[v]);
        if (essentialFirst[v]) {
            reachEssential = std::max(reachEssential, fromTrp[v]);
        } else {
            spillNear = std::min(spillNear, fromTrp[v]);
            spillFar = std::max(spillFar, fromTrp[v]);
        }
    }
    const float speed = std::max(reach / std::max(options_.spreadSeconds, 1e-3f), std::max(options_.minSpeed, 1e-6f));
    spread_ = reach / speed;
    const bool twoPhases = reachEssential > 0.0f && spillFar > 0.0f;
    const float essentialEnd = twoPhases ? spread_ * std::clamp(options_.essentialShare, 0.1f, 0.9f) : spread_;
    arrival_.resize(n);
    for (size_t v = 0; v < n; ++v)
        arrival_[v] = std::isfinite(fromTrp[v]) ? fromTrp[v] / speed : std::numeric_limits<float>::infinity();
    if (twoPhases)
        for (uint32_t v : active_) {
            if (!std::isfinite(fromTrp[v]))
                continue;
            if (essentialFirst[v]) {
                arrival_[v] = essentialEnd * fromTrp[v] / reachEssential;
            } else {
                const float span = spillFar - spillNear;
                const float x = span > 1e-6f ? (fromTrp[v] - spillNear) / span : 1.0f;
                arrival_[v] = essentialEnd + (spread_ - essentialEnd) * x;
            }
        }
    for (uint32_t v : active_) // heat on a piece of skin the trigger point cannot reach appears at the end
        if (!std::isfinite(arrival_[v]))
            arrival_[v] = spread_;
}

float HeatField::envelopeAt(uint32_t vertex, float t) const {
    const float s = steady_[vertex];
    if (s <= 0.0f)
        return 0.0f;
    const float since = t - arrival_[vertex];
    if (!(since > 0.0f))
        return 0.0f;
    if (since >= options_.riseSeconds)
        return s;
    return s * smoothstep01(since / options_.riseSeconds);
}

float HeatField::valueAt(uint32_t vertex, float t) const {
    const float env = envelopeAt(vertex, t);
    const float pulseTime = t - arrival_[vertex] - options_.riseSeconds;
    if (env <= 0.0f || !(pulseTime > 0.0f))
        return env;
    const float phase = 2.0f * std::numbers::pi_v<float> * options_.pulseHz * pulseTime;
    return env * (1.0f - options_.pulseDepth * 0.5f * (1.0f - std::cos(phase)));
}

void HeatField::evaluate(float t, std::vector<float>& out) const {
    out.assign(steady_.size(), 0.0f);
    for (uint32_t v : active_)
        out[v] = valueAt(v, t);
}

float HeatField::steadyAt(const glm::vec3& p) const {
    return skin_->interpolate(steady_, skin_->closestPoint(p));
}

HeatZone HeatField::zoneAt(const glm::vec3& p) const {
    return zones_[skin_->nearestVertex(p)];
}

void combineSteady(std::span<const HeatField* const> fields, std::vector<float>& out) {
    out.clear();
    for (const HeatField* f : fields) {
        if (out.empty())
            out.assign(f->vertexCount(), 0.0f);
        std::span<const float> s = f->steady();
        for (size_t v = 0; v < out.size() && v < s.size(); ++v)
            out[v] = std::max(out[v], s[v]);
    }
}

void evaluateCombined(std::span<const HeatField* const> fields, float t, std::vector<float>& out) {
    out.clear();
    std::vector<float> one;
    for (const HeatField* f : fields) {
        f->evaluate(t, one);
        if (out.empty()) {
            out.swap(one);
            continue;
        }
        for (size_t v = 0; v < out.size() && v < one.size(); ++v)
            out[v] = std::max(out[v], one[v]);
    }
}

} // namespace myoatlas::scene
