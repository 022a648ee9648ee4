#include "scene/suspects.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace myoatlas::scene {

namespace {

HeatZone derivedZone(float heat) {
    if (heat >= 0.5f * kEssentialHeat)
        return HeatZone::Essential;
    if (heat >= 0.5f * kSpilloverHeat)
        return HeatZone::Spillover;
    return HeatZone::None;
}

} // namespace

std::vector<Suspect> rankSuspects(std::span<const uint32_t> painVertices, std::span<const SuspectCandidate> candidates,
                                  std::span<const float> weights, const SuspectOptions& options) {
    if (!weights.empty() && weights.size() != painVertices.size())
        throw std::invalid_argument("rankSuspects: one weight per pain vertex expected");
    double weightSum = 0.0;
    for (size_t i = 0; i < painVertices.size(); ++i)
        weightSum += weights.empty() ? 1.0 : std::max(0.0f, weights[i]);

    std::vector<Suspect> out;
    if (painVertices.empty() || !(weightSum > 0.0))
        return out;
    for (const SuspectCandidate& c : candidates) {
        Suspect s{c.trpId, c.side};
        s.reasons = c.reasons;
        double sum = 0.0;
        for (size_t i = 0; i < painVertices.size(); ++i) {
            const uint32_t v = painVertices[i];
            if (v >= c.steady.size() || (!c.zones.empty() && v >= c.zones.size()))
                throw std::invalid_argument("rankSuspects: candidate " + c.trpId + " does not cover pain vertex " +
                                            std::to_string(v));
            const float heat = c.steady[v];
            const double w = weights.empty() ? 1.0 : std::max(0.0f, weights[i]);
            sum += w * heat;
            const HeatZone zone = c.zones.empty() ? derivedZone(heat) : c.zones[v];
            if (zone == HeatZone::Essential)
                ++s.essentialHits;
            else if (zone == HeatZone::Spillover)
                ++s.spilloverHits;
        }
        s.score = static_cast<float>(sum / weightSum);
        if (s.score >= options.minScore)
            out.push_back(std::move(s));
    }
    // Scores compared at 1e-6 so that float noise cannot reorder patterns that cover the pain equally.
    auto quantised = [](float score) { return std::llround(static_cast<double>(score) * 1e6); };
    std::sort(out.begin(), out.end(), [&](const Suspect& a, const Suspect& b) {
        if (quantised(a.score) != quantised(b.score))
            return quantised(a.score) > quantised(b.score);
        if (a.essentialHits != b.essentialHits)
            return a.essentialHits > b.essentialHits;
        if (a.spilloverHits != b.spilloverHits)
            return a.spilloverHits > b.spilloverHits;
        if (a.trpId != b.trpId)
            return a.trpId < b.trpId;
        return a.side < b.side;
    });
    if (options.maxResults > 0 && out.size() > options.maxResults)
        out.resize(options.maxResults);
    return out;
}

std::vector<Suspect> rankSuspects(const geometry::GeodesicSolver& skin, std::span<const glm::vec3> painPoints,
                                  std::span<const HeatField* const> fields, const SuspectOptions& options) {
    std::vector<uint32_t> vertices;
    vertices.reserve(painPoints.size());
    for (const glm::vec3& p : painPoints)
        vertices.push_back(skin.nearestVertex(p));
    std::vector<SuspectCandidate> candidates;
    candidates.reserve(fields.size());
    for (const HeatField* f : fields)
        candidates.push_back({f->trpId(), f->side(), f->steady(), f->zones()});
    return rankSuspects(vertices, candidates, {}, options);
}

std::vector<Suspect> rankSuspects(const geometry::GeodesicSolver& skin, std::span<const glm::vec3> painPoints,
                                  std::span<const anatomy::ResolvedReferral> referrals, const HeatFieldOptions& shape,
                                  const SuspectOptions& options) {
    // One distance field per pain point, batched.
    std::vector<std::vector<uint32_t>> sources;
    sources.reserve(painPoints.size());
    for (const glm::vec3& p : painPoints)
        sources.push_back({skin.nearestVertex(p)});
    const std::vector<std::vector<float>> fromPain = skin.distances(sources);
    const float minRadius = static_cast<float>(skin.meanEdgeLength());
    const float core = std::clamp(shape.core, 0.0f, 0.95f);

    // Per candidate, a steady value and a class at each pain point, laid out as a tiny "mesh" of pain points.
    const size_t n = painPoints.size();
    std::vector<std::vector<float>> heat(referrals.size(), std::vector<float>(n, 0.0f));
    std::vector<std::vector<HeatZone>> zones(referrals.size(), std::vector<HeatZone>(n, HeatZone::None));
    std::vector<std::vector<uint32_t>> seedVertices;
    std::vector<std::vector<SuspectReason>> reasons(referrals.size());
    for (size_t r = 0; r < referrals.size(); ++r) {
        const auto& zoneList = referrals[r].zones;
        std::vector<SuspectReason> zoneReasons(zoneList.size());
        for (size_t z = 0; z < zoneList.size(); ++z)
            zoneReasons[z] = {zoneList[z].label, zoneList[z].kind == anatomy::ZoneKind::Essential, zoneList[z].evidence,
                              std::clamp(zoneList[z].weight, 0.0f, 1.0f)};
        seedVertices.assign(zoneList.size(), {});
        for (size_t z = 0; z < zoneList.size(); ++z)
            for (const glm::vec3& seed : zoneList[z].seeds)
                seedVertices[z].push_back(skin.nearestVertex(seed));
        for (size_t i = 0; i < n; ++i) {
            float bestEssential = 0.0f, bestSpill = 0.0f, bestHeat = 0.0f;
            for (size_t z = 0; z < zoneList.size(); ++z) {
                float d = std::numeric_limits<float>::infinity();
                for (uint32_t v : seedVertices[z])
                    d = std::min(d, fromPain[i][v]);
                const float f = zoneFalloff(d, std::max(zoneList[z].radius, minRadius), core);
                const bool essential = zoneList[z].kind == anatomy::ZoneKind::Essential;
                float& best = essential ? bestEssential : bestSpill;
                best = std::max(best, f);
                SuspectReason& why = zoneReasons[z];
                const float h = (essential ? kEssentialHeat : kSpilloverHeat) * f * why.weight;
                why.heat = std::max(why.heat, h);
                if (f >= kZoneClassThreshold)
                    ++why.hits;
                bestHeat = std::max(bestHeat, h);
            }
            heat[r][i] = bestHeat;
            zones[r][i] = bestEssential >= kZoneClassThreshold ? HeatZone::Essential
                          : bestSpill >= kZoneClassThreshold   ? HeatZone::Spillover
                                                               : HeatZone::None;
        }
        for (auto& why : zoneReasons)
            if (why.heat > 0.0f)
                reasons[r].push_back(std::move(why));
        std::stable_sort(reasons[r].begin(), reasons[r].end(),
                         [](const SuspectReason& a, const SuspectReason& b) { return a.heat > b.heat; });
    }
    std::vector<SuspectCandidate> candidates;
    candidates.reserve(referrals.size());
    for (size_t r = 0; r < referrals.size(); ++r)
        candidates.push_back({referrals[r].trpId, referrals[r].side, heat[r], zones[r], std::move(reasons[r])});
    std::vector<uint32_t> painIndex(n);
    for (size_t i = 0; i < n; ++i)
        painIndex[i] = static_cast<uint32_t>(i);
    return rankSuspects(painIndex, candidates, {}, options);
}

} // namespace myoatlas::scene
