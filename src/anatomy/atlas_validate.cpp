#include "anatomy/atlas_validate.h"

#include <cmath>
#include <set>
#include <sstream>

namespace myoatlas::anatomy {

namespace {

std::string mm(float v) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << v << " mm";
    return s.str();
}

std::string frac(float v) {
    std::ostringstream s;
    s.precision(3);
    s << std::fixed << v;
    return s.str();
}

// True when x lies on the given side, allowing `slack` metres across the midline.
bool onSide(float x, Side side, float slack) {
    if (side == Side::Right)
        return x <= slack;
    if (side == Side::Left)
        return x >= -slack;
    return true;
}

struct Checker {
    const Atlas& atlas;
    const Body& body;
    const ValidationLimits& limits;
    ValidationReport& report;

    void error(std::string file, std::string record, std::string field, std::string msg) {
        report.issues.push_back(
            {IssueSeverity::Error, std::move(file), std::move(record), std::move(field), std::move(msg)});
    }
    void fmaIds(const std::string& file, const std::string& record, const std::string& field, const StructureSet& s) {
        for (const auto& id : s.all())
            if (body.findByFma(id).empty())
                error(file, record, field, "FMA id " + id + " names no file of the body");
    }
};

} // namespace

ValidationReport validateAtlas(const Atlas& atlas, const ResolvedAtlas& resolved, const Body& body,
                               const ValidationLimits& limits) {
    ValidationReport report;
    report.issues = resolved.issues;
    Checker c{atlas, body, limits, report};

    for (const auto& l : atlas.landmarks)
        if (l.rule.op == LandmarkOp::Extreme || l.rule.op == LandmarkOp::Centroid)
            c.fmaIds("landmarks.json", l.id, "rule.structures", l.rule.structures);
    for (const auto& rl : resolved.landmarks) {
        ++report.landmarksChecked;
        const Landmark* l = atlas.landmark(rl.id);
        if (!l || !rl.ok)
            continue; // the resolver reported why
        if (l->expectedH) {
            float d = rl.heightH - *l->expectedH;
            if (std::abs(d) > l->toleranceH)
                c.error("landmarks.json", l->id, "expected_h",
                        rl.flatId + " resolves at " + frac(rl.heightH) + " H, expected " + frac(*l->expectedH) +
                            " +/- " + frac(l->toleranceH) + " H");
        }
        if (l->sided && !onSide(rl.position.x, rl.side, 0.005f))
            c.error("landmarks.json", l->id, "rule", rl.flatId + " resolves on the wrong side of the body");
    }

    for (const auto& m : atlas.muscles) {
        c.fmaIds("muscles.json", m.id, m.meshPresent ? "fma" : "surrogate", m.meshPresent ? m.fma : m.surrogate);
        const ResolvedMuscle* rm = resolved.muscle(m.id);
        if (!rm)
            continue;
        if (rm->right.empty())
            c.error("muscles.json", m.id, m.meshPresent ? "fma.right" : "surrogate.right",
                    "resolves to no mesh on the right side");
        if (rm->left.empty())
            c.error("muscles.json", m.id, m.meshPresent ? "fma.left" : "surrogate.left",
                    "resolves to no mesh on the left side");
    }

    for (const auto& rt : resolved.triggerPoints) {
        ++report.triggerPointsChecked;
        const TriggerPoint* t = atlas.triggerPoint(rt.id);
        if (!t || !rt.ok)
            continue;
        std::string which = rt.id + " (" + std::string(sideName(rt.side)) + ")";
        if (rt.snapMm > t->maxSnapMm)
            c.error("trigger_points.json", t->id, "location",
                    which + " lies " + mm(rt.snapMm) + " from its muscle, more than max_snap_mm " + mm(t->maxSnapMm));
        if (rt.surfaceMm > limits.trpSurfaceMm)
            c.error("trigger_points.json", t->id, "location",
                    which + " is " + mm(rt.surfaceMm) + " from its muscle surface (limit " + mm(limits.trpSurfaceMm) +
                        ")");
        if (!onSide(rt.position.x, rt.side, 0.01f))
            c.error("trigger_points.json", t->id, "location", which + " resolves on the wrong side of the body");
    }

    // Referral zones: resolve every zone of every trigger point on each of its sides and check the seeds.
    AtlasResolver resolver(atlas, body);
    for (const auto& t : atlas.triggerPoints) {
        for (Side side : t.sides) {
            for (int k = 0; k < 2; ++k) {
                const auto& specs = k == 0 ? t.essential : t.spillover;
                const char* field = k == 0 ? "referral.essential" : "referral.spillover";
                for (size_t i = 0; i < specs.size(); ++i) {
                    const ZoneSpec& spec = specs[i];
                    std::string zf = std::string(field) + "[" + std::to_string(i) + "]";
                    resolver.setContext("trigger_points.json", t.id, zf);
                    auto zones = resolver.zones({spec}, k == 0 ? ZoneKind::Essential : ZoneKind::Spillover, side);
                    bool crosses = false; // a zone with a point on the opposite side may cross the midline
                    for (const auto& p : spec.points)
                        crosses = crosses || p.opposite;
                    for (size_t z = 0; z < zones.size(); ++z) {
                        ++report.zonesChecked;
                        const auto& zone = zones[z];
                        Side zoneSide = z == 0 ? side : oppositeSide(side);
                        if (zone.seeds.empty()) {
                            c.error("trigger_points.json", t.id, zf, "zone \"" + zone.label + "\" has no seed");
                            continue;
                        }
                        float worst = 0.0f;
                        for (const auto& s : zone.seeds)
                            worst = std::max(worst, resolver.distanceToSkin(s));
                        if (worst * 1000.0f > limits.skinSeedMm)
                            c.error("trigger_points.json", t.id, zf,
                                    "zone \"" + zone.label + "\" has a seed " + mm(worst * 1000.0f) + " off the skin");
                        if (crosses)
                            continue;
                        for (const auto& s : zone.seeds)
                            if (!onSide(s.x, zoneSide, limits.midlineCrossingMm * 0.001f)) {
                                c.error("trigger_points.json", t.id, zf,
                                        "ipsilateral zone \"" + zone.label + "\" (" + std::string(sideName(side)) +
                                            ") crosses the midline");
                                break;
                            }
                    }
                }
            }
        }
    }
    for (const auto& i : resolver.issues())
        report.issues.push_back(i);

    for (const auto& l : atlas.lines)
        for (size_t i = 0; i < l.elements.size(); ++i)
            c.fmaIds("lines.json", l.id, "elements[" + std::to_string(i) + "].structures", l.elements[i].structures);
    report.linesChecked = resolved.lines.size();
    for (const auto& s : resolved.endangermentSites)
        for (const auto& z : s.zones)
            if (z.seeds.empty())
                c.error("safety.json", s.id, "zones", "zone \"" + z.label + "\" has no seed");

    // The resolver may report the same problem once per side: keep one.
    std::set<std::string> seen;
    std::vector<AtlasIssue> unique;
    for (auto& i : report.issues)
        if (seen.insert(i.toString()).second)
            unique.push_back(std::move(i));
    report.issues = std::move(unique);
    return report;
}

ValidationReport validateAtlas(const Atlas& atlas, const Body& body, const ValidationLimits& limits) {
    return validateAtlas(atlas, resolveAtlas(atlas, body), body, limits);
}

ValidationReport validateAtlasDirectory(const std::filesystem::path& dir, const Body& body,
                                        const ValidationLimits& limits) {
    std::vector<AtlasIssue> issues;
    Atlas atlas = loadAtlas(dir, issues);
    if (errorCount(issues) > 0) {
        ValidationReport r;
        r.issues = std::move(issues);
        return r;
    }
    ValidationReport r = validateAtlas(atlas, body, limits);
    r.issues.insert(r.issues.begin(), issues.begin(), issues.end()); // load warnings first
    return r;
}

nlohmann::json issueToJson(const AtlasIssue& i) {
    return {{"severity", i.severity == IssueSeverity::Error ? "error" : "warning"},
            {"file", i.file},
            {"record", i.record},
            {"field", i.field},
            {"message", i.message}};
}

nlohmann::json ValidationReport::toJson() const {
    nlohmann::json out;
    out["ok"] = ok();
    out["errors"] = errors();
    out["warnings"] = warnings();
    out["checked"] = {{"landmarks", landmarksChecked},
                      {"trigger_points", triggerPointsChecked},
                      {"referral_zones", zonesChecked},
                      {"lines", linesChecked}};
    out["issues"] = nlohmann::json::array();
    for (const auto& i : issues)
        out["issues"].push_back(issueToJson(i));
    return out;
}

std::string ValidationReport::toText() const {
    std::ostringstream s;
    for (const auto& i : issues)
        s << i.toString() << "\n";
    s << "atlas: " << errors() << " error(s), " << warnings() << " warning(s); checked " << landmarksChecked
      << " landmarks, " << triggerPointsChecked << " trigger points, " << zonesChecked << " referral zones, "
      << linesChecked << " line sides\n";
    return s.str();
}

} // namespace myoatlas::anatomy
