// The resolved atlas as JSON for `myoatlas inspect --json`.
#include "anatomy/atlas_validate.h"

namespace myoatlas::anatomy {

namespace {

using nlohmann::json;

json vec(const glm::vec3& v) {
    return json::array({v.x, v.y, v.z});
}

json indices(const std::vector<uint32_t>& idx) {
    json out = json::array();
    for (uint32_t i : idx)
        out.push_back(i);
    return out;
}

json zonesJson(const std::vector<ResolvedZone>& zones) {
    json out = json::array();
    for (const auto& z : zones) {
        json seeds = json::array();
        for (const auto& s : z.seeds)
            seeds.push_back(vec(s));
        out.push_back({{"label", z.label},
                       {"kind", z.kind == ZoneKind::Essential ? "essential" : "spillover"},
                       {"radius_m", z.radius},
                       {"weight", z.weight},
                       {"evidence", z.evidence},
                       {"seeds", seeds}});
    }
    return out;
}

size_t musclesWithTriggerPoints(const Atlas& atlas) {
    size_t n = 0;
    for (const auto& m : atlas.muscles)
        n += atlas.triggerPointsOf(m.id).empty() ? 0 : 1;
    return n;
}

} // namespace

json atlasToJson(const Atlas& atlas, const ResolvedAtlas& r) {
    json out;
    out["stature_m"] = r.stature;
    out["floor_y"] = r.floorY;
    out["counts"] = {{"muscles", atlas.muscles.size()},
                     {"landmarks", atlas.landmarks.size()},
                     {"trigger_points", atlas.triggerPoints.size()},
                     {"lines", atlas.lines.size()},
                     {"techniques", atlas.techniques.size()},
                     {"endangerment_sites", atlas.endangermentSites.size()},
                     {"sources", atlas.sources.size()},
                     {"muscles_with_trigger_points", musclesWithTriggerPoints(atlas)}};

    json landmarks = json::array();
    for (const auto& rl : r.landmarks) {
        const Landmark* l = atlas.landmark(rl.id);
        json j = {{"id", rl.flatId}, {"landmark", rl.id}, {"side", sideName(rl.side)}, {"ok", rl.ok}};
        if (rl.ok) {
            j["position"] = vec(rl.position);
            j["skin"] = vec(rl.skin);
            j["height_h"] = rl.heightH;
        }
        if (l && l->expectedH) {
            j["expected_h"] = *l->expectedH;
            j["tolerance_h"] = l->toleranceH;
        }
        landmarks.push_back(std::move(j));
    }
    out["landmarks"] = std::move(landmarks);

    json muscles = json::array();
    for (const auto& rm : r.muscles) {
        const Muscle* m = atlas.muscle(rm.id);
        json j = {{"id", rm.id},
                  {"name", m ? m->name : ""},
                  {"mesh", rm.meshPresent ? "present" : "absent"},
                  {"right", indices(rm.right)},
                  {"left", indices(rm.left)}};
        if (rm.surrogate)
            j["surrogate"] = true;
        json trps = json::array();
        if (m)
            for (const auto* t : atlas.triggerPointsOf(m->id))
                trps.push_back(t->id);
        j["trigger_points"] = std::move(trps);
        muscles.push_back(std::move(j));
    }
    out["muscles"] = std::move(muscles);

    json trps = json::array();
    for (const auto& rt : r.triggerPoints) {
        json j = {{"id", rt.id}, {"muscle", rt.muscle}, {"side", sideName(rt.side)}, {"ok", rt.ok}};
        if (rt.ok) {
            j["position"] = vec(rt.position);
            j["raw"] = vec(rt.raw);
            j["snap_mm"] = rt.snapMm;
        }
        trps.push_back(std::move(j));
    }
    out["trigger_points"] = std::move(trps);

    json lines = json::array();
    for (const auto& rl : r.lines) {
        json stations = json::array(), tracks = json::array();
        for (const auto& e : rl.elements) {
            if (e.station) {
                json s = {{"name", e.name}, {"side", sideName(e.side)}, {"ok", e.ok}};
                if (e.ok)
                    s["position"] = vec(e.position);
                stations.push_back(std::move(s));
            } else {
                tracks.push_back({{"name", e.name},
                                  {"side", sideName(e.side)},
                                  {"muscles", e.muscles},
                                  {"structures", indices(e.structures)}});
            }
        }
        lines.push_back({{"id", rl.id}, {"side", sideName(rl.side)}, {"stations", stations}, {"tracks", tracks}});
    }
    out["lines"] = std::move(lines);

    json sites = json::array();
    for (const auto& s : r.endangermentSites)
        sites.push_back({{"id", s.id}, {"side", sideName(s.side)}, {"zones", zonesJson(s.zones)}});
    out["endangerment_sites"] = std::move(sites);

    json issues = json::array();
    for (const auto& i : r.issues)
        issues.push_back(issueToJson(i));
    out["issues"] = std::move(issues);
    return out;
}

} // namespace myoatlas::anatomy
