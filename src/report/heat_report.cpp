#include "report/heat_report.h"

#include "core/error.h"
#include "core/timer.h"
#include "report/json_values.h"
#include "scene/heat_field.h"
#include "scene/suspects.h"
#include "scene/trigger_point_markers.h"

#include <charconv>

namespace myoatlas::report {
namespace {

using anatomy::Side;

// How far around a landmark's nearest skin point the skin counts as "over the landmark" (a fingertip).
constexpr float kOverLandmark = 0.015f;

Side parseSideOption(const std::string& side) {
    if (side != "left" && side != "right")
        throw core::UsageError("--side must be left or right (got '" + side + "')");
    return side == "left" ? Side::Left : Side::Right;
}

glm::vec3 parsePoint(const std::string& text) {
    glm::vec3 p(0.0f);
    const char* c = text.data();
    const char* end = text.data() + text.size();
    for (int i = 0; i < 3; ++i) {
        while (c < end && (*c == ' ' || (i > 0 && *c == ',')))
            ++c;
        auto [next, ec] = std::from_chars(c, end, p[i]);
        if (ec != std::errc())
            throw core::UsageError("--point wants x,y,z in metres (got '" + text + "')");
        c = next;
    }
    if (c != end)
        throw core::UsageError("--point wants x,y,z in metres (got '" + text + "')");
    return p;
}

} // namespace

nlohmann::json heatJson(scene::AtlasContext& context, scene::SkinHeat& skin, const HeatRequest& request) {
    if (!context.atlas || !context.resolver)
        throw core::DataError("atlas", "the atlas did not load: " + context.atlasError);
    const Side side = parseSideOption(request.side);
    core::Stopwatch total;
    const geometry::GeodesicSolver& solver = skin.solver();
    const double solverMs = skin.solverSeconds() * 1e3;
    core::Stopwatch sw;
    anatomy::ResolvedReferral referral = skin.referral(request.trp, side);
    const double referralMs = sw.millis();
    sw.reset();
    scene::HeatField field(solver, referral);
    const double fieldMs = sw.millis();

    const anatomy::Atlas& atlas = *context.atlas;
    const anatomy::TriggerPoint* trp = atlas.triggerPoint(request.trp);
    nlohmann::json j;
    j["trp"] = trp->id;
    j["name"] = scene::trpLabel(atlas, *trp);
    j["muscle"] = trp->muscle;
    j["side"] = request.side;
    j["trp_position"] = vec(referral.trpPosition);
    j["essential_area_fraction"] = rounded(field.essentialAreaFraction());
    j["spillover_area_fraction"] = rounded(field.spilloverAreaFraction());
    j["settle_seconds"] = rounded(field.settleSeconds());
    j["zones"] = nlohmann::json::array();
    for (const anatomy::ResolvedZone& z : referral.zones)
        j["zones"].push_back({{"kind", z.kind == anatomy::ZoneKind::Essential ? "essential" : "spillover"},
                              {"label", z.label},
                              {"radius_m", rounded(z.radius)},
                              {"seeds", z.seeds.size()}});

    // Every landmark, sided ones on both sides: the heat of the skin over it. A bone landmark lies under the skin,
    // and the nearest skin point can sit on either side of a bony prominence, so the skin over a landmark is every
    // skin vertex within kOverLandmark of its nearest skin point's depth; the value is the highest heat there.
    nlohmann::json steady = nlohmann::json::object(), atTime = nlohmann::json::object();
    const bool timed = request.time >= 0.0f;
    const auto positions = solver.positions();
    const auto areas = solver.vertexAreas();
    const auto values = field.steady();
    for (const anatomy::Landmark& l : atlas.landmarks) {
        std::vector<Side> sides =
            l.sided ? std::vector<Side>{Side::Left, Side::Right} : std::vector<Side>{Side::Midline};
        for (Side s : sides) {
            const std::string flat = anatomy::flatLandmarkName(l, s);
            std::optional<glm::vec3> p = context.resolver->landmark(flat, s);
            if (!p) {
                steady[flat] = nullptr;
                if (timed)
                    atTime[flat] = nullptr;
                continue;
            }
            const float depth = solver.closestPoint(*p).distance;
            const float reach2 = (depth + kOverLandmark) * (depth + kOverLandmark);
            float best = 0.0f, bestAtTime = 0.0f;
            for (size_t v = 0; v < positions.size(); ++v) {
                if (areas[v] <= 0.0f || (values[v] <= best && !timed))
                    continue;
                const glm::vec3 d = positions[v] - *p;
                if (glm::dot(d, d) > reach2)
                    continue;
                best = std::max(best, values[v]);
                if (timed)
                    bestAtTime = std::max(bestAtTime, field.valueAt(static_cast<uint32_t>(v), request.time));
            }
            steady[flat] = rounded(best);
            if (timed)
                atTime[flat] = rounded(bestAtTime);
        }
    }
    j["landmarks"] = std::move(steady);
    if (timed) {
        j["time"] = request.time;
        j["landmarks_at_time"] = std::move(atTime);
    }
    j["skin"] = {{"vertices", solver.vertexCount()},
                 {"triangles", solver.indices().size() / 3},
                 {"surface_triangles", solver.surfaceTriangleCount()},
                 {"area_m2", rounded(solver.totalArea())}};
    j["timings_ms"] = {{"solver_build", rounded(solverMs)},
                       {"referral", rounded(referralMs)},
                       {"field", rounded(fieldMs)},
                       {"total", rounded(total.millis())}};
    return j;
}

nlohmann::json suspectsJson(scene::AtlasContext& context, scene::SkinHeat& skin, const SuspectsRequest& request) {
    if (!context.atlas || !context.resolver)
        throw core::DataError("atlas", "the atlas did not load: " + context.atlasError);
    if (request.at.empty() && request.points.empty())
        throw core::UsageError("suspects needs --at LANDMARK[,LANDMARK...] or --point x,y,z");
    const Side side = parseSideOption(request.side);
    const anatomy::Atlas& atlas = *context.atlas;
    const geometry::GeodesicSolver& solver = skin.solver();
    nlohmann::json pain = nlohmann::json::array();
    std::vector<glm::vec3> points;
    for (const std::string& ref : request.at) {
        anatomy::LandmarkRef lr = anatomy::findLandmarkRef(atlas, ref);
        if (!lr.landmark)
            throw core::UsageError("--at: unknown landmark '" + ref + "'");
        Side s = lr.landmark->sided ? lr.explicitSide.value_or(side) : Side::Midline;
        std::optional<glm::vec3> p = context.resolver->landmark(ref, s);
        if (!p)
            throw core::DataError("landmarks.json", "record " + lr.landmark->id + ": does not resolve on this body");
        glm::vec3 onSkin = solver.closestPoint(*p).point;
        points.push_back(onSkin);
        pain.push_back({{"at", anatomy::flatLandmarkName(*lr.landmark, s)}, {"position", vec(onSkin)}});
    }
    for (const std::string& text : request.points) {
        glm::vec3 onSkin = solver.closestPoint(parsePoint(text)).point;
        points.push_back(onSkin);
        pain.push_back({{"point", text}, {"position", vec(onSkin)}});
    }
    scene::SuspectOptions options;
    options.maxResults = request.top > 0 ? static_cast<size_t>(request.top) : 0;
    core::Stopwatch sw;
    const std::vector<anatomy::ResolvedReferral>& referrals = skin.allReferrals();
    const double resolveMs = sw.millis();
    sw.reset();
    std::vector<scene::Suspect> ranked = scene::rankSuspects(solver, points, referrals, {}, options);
    const double rankMs = sw.millis();

    nlohmann::json list = nlohmann::json::array();
    int rank = 1;
    for (const scene::Suspect& s : ranked) {
        const anatomy::TriggerPoint* trp = atlas.triggerPoint(s.trpId);
        nlohmann::json why = nlohmann::json::array();
        for (const scene::SuspectReason& r : s.reasons)
            why.push_back({{"zone", r.zone},
                           {"kind", r.essential ? "essential" : "spillover"},
                           {"evidence", r.evidence},
                           {"weight", rounded(r.weight)},
                           {"heat", rounded(r.heat)},
                           {"hits", r.hits}});
        list.push_back({{"rank", rank++},
                        {"trp", s.trpId},
                        {"muscle", trp ? trp->muscle : ""},
                        {"name", trp ? scene::trpLabel(atlas, *trp) : s.trpId},
                        {"side", s.side},
                        {"score", rounded(s.score)},
                        {"essential_hits", s.essentialHits},
                        {"spillover_hits", s.spilloverHits},
                        {"why", std::move(why)}});
    }
    return {{"pain", std::move(pain)},
            {"candidates", referrals.size()},
            {"suspects", std::move(list)},
            {"timings_ms",
             {{"solver_build", rounded(skin.solverSeconds() * 1e3)},
              {"resolve_referrals", rounded(resolveMs)},
              {"rank", rounded(rankMs)}}}};
}

} // namespace myoatlas::report
