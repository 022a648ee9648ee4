#include "report/technique_report.h"

#include "report/json_values.h"

#include <algorithm>

namespace myoatlas::report {
namespace {

std::string_view safetyKindName(scene::SafetyKind k) {
    switch (k) {
    case scene::SafetyKind::RedFlag:
        return "red_flag";
    case scene::SafetyKind::Contraindication:
        return "contraindication";
    case scene::SafetyKind::Caution:
        return "caution";
    }
    return "";
}

} // namespace

nlohmann::json techniqueListJson(const anatomy::Atlas& atlas) {
    auto out = nlohmann::json::array();
    for (const auto& t : atlas.techniques) {
        auto targets = nlohmann::json::array();
        for (const auto& x : scene::suitableTargets(atlas, t))
            targets.push_back({{"id", x.id},
                               {"kind", x.kind == scene::TargetKind::Muscle ? "muscle" : "trigger_point"},
                               {"label", x.label}});
        auto variants = nlohmann::json::array();
        for (const auto& v : t.variants)
            variants.push_back({{"id", v.id}, {"name", v.name}, {"steps", t.stepsOf(v.id).size()}});
        auto kinds = nlohmann::json::array();
        for (auto k : t.contactKinds)
            kinds.push_back(anatomy::contactKindName(k));
        out.push_back({{"id", t.id},
                       {"name", t.name},
                       {"tool", scene::toolKindName(scene::toolFor(t))},
                       {"contact_kinds", kinds},
                       {"information_only", t.informationOnly},
                       {"recall", t.recall},
                       {"evidence", t.evidence},
                       {"sources", t.sources},
                       {"steps", t.steps.size()},
                       {"variants", variants},
                       {"targets", targets}});
    }
    return {{"techniques", out}};
}

nlohmann::json verdictJson(const anatomy::ContactVerdict& v) {
    nlohmann::json j{{"allowed", v.allowed()}, {"ruling", anatomy::contactRulingName(v.ruling)}};
    if (v.siteId.empty()) {
        j["endangerment_site"] = nullptr;
        return j;
    }
    auto kinds = nlohmann::json::array();
    for (auto k : v.unsafeKinds)
        kinds.push_back(anatomy::contactKindName(k));
    j["endangerment_site"] = v.siteId;
    j["site_name"] = v.siteName;
    j["structures_at_risk"] = v.atRisk;
    j["unsafe_contact"] = kinds;
    if (v.alternative.empty() && v.alternativeTechnique.empty())
        j["alternative"] = nullptr;
    else
        j["alternative"] = {{"technique", v.alternativeTechnique.empty() ? nlohmann::json(nullptr)
                                                                         : nlohmann::json(v.alternativeTechnique)},
                            {"text", v.alternative}};
    j["message"] = v.message;
    return j;
}

nlohmann::json techniqueJson(const scene::ResolvedTechnique& r) {
    nlohmann::json j;
    j["technique"] = r.techniqueId;
    j["name"] = r.techniqueName;
    if (!r.variantId.empty())
        j["variant"] = {{"id", r.variantId}, {"name", r.variantName}, {"note", r.variantNote}};
    j["target"] = r.targetId;
    j["target_label"] = r.targetLabel;
    j["target_kind"] = r.kind == scene::TargetKind::Muscle ? "muscle" : "trigger_point";
    j["muscle"] = r.muscleId;
    j["side"] = anatomy::sideName(r.side);
    j["tool"] = scene::toolKindName(r.tool);
    j["contact"] = vec(r.contact);
    j["normal"] = vec(r.normal);
    j["target_point"] = vec(r.targetPoint);
    j["depth_mm"] = rounded(r.depthMm);
    j["fibre_dir"] = vec(r.fibreDir);
    j["cross_fibre_dir"] = vec(r.crossDir);
    j["overlying"] = r.overlying;
    j["warning"] = r.warning;
    j["allowed"] = r.verdict.allowed();
    j["safety_rule"] = verdictJson(r.verdict);
    j["information_only"] = r.informationOnly;
    auto kinds = nlohmann::json::array();
    for (auto k : r.contactKinds)
        kinds.push_back(anatomy::contactKindName(k));
    j["contact_kinds"] = kinds;
    if (std::find(r.contactKinds.begin(), r.contactKinds.end(), anatomy::ContactKind::Needle) != r.contactKinds.end()) {
        // The on-body cue for needling (information only): how deep the target lies under the contact, what the
        // needle line passes through first, and how near the closest endangerment site is.
        nlohmann::json needle{{"depth_to_target_mm", rounded(r.depthMm)},
                              {"passes_through", r.overlying},
                              {"bone_depth_mm", r.boneDepthMm >= 0.0f ? nlohmann::json(rounded(r.boneDepthMm))
                                                                      : nlohmann::json(nullptr)}};
        if (!r.endangerment.empty())
            needle["nearest_endangerment_site"] = {{"id", r.endangerment.front().id},
                                                   {"structures_at_risk", r.endangerment.front().structuresAtRisk},
                                                   {"distance_mm", rounded(r.endangerment.front().distanceMm)}};
        j["needle"] = needle;
    }
    auto sites = nlohmann::json::array();
    for (const auto& e : r.endangerment)
        sites.push_back({{"id", e.id},
                         {"name", e.name},
                         {"structures_at_risk", e.structuresAtRisk},
                         {"side", anatomy::sideName(e.side)},
                         {"distance_mm", rounded(e.distanceMm)},
                         {"contains_contact", e.containsTarget}});
    j["endangerment_sites"] = sites;
    auto safety = nlohmann::json::array();
    for (const auto& s : r.safety)
        safety.push_back({{"kind", safetyKindName(s.kind)}, {"id", s.id}, {"text", s.text}});
    j["safety"] = safety;
    j["precautions"] = r.precautions;
    auto steps = nlohmann::json::array();
    double total = 0.0;
    for (const auto& s : r.steps) {
        nlohmann::json st{{"index", s.index},
                          {"text", s.text},
                          {"patient_text", s.patientText},
                          {"duration_s", s.durationS},
                          {"timer", scene::formatClock(s.durationS)},
                          {"pressure_level", s.pressureLevel},
                          {"feel_for", s.feelFor},
                          {"stroke", scene::strokeKindName(s.stroke)},
                          {"hands", s.hands}};
        total += s.durationS;
        if (s.hands) {
            st["contact"] = vec(s.contact);
            st["contact_radius_mm"] = rounded(s.contactRadius * 1000.0f);
            st["tool_axis"] = vec(s.toolAxis);
        }
        if (s.pressureLevel > 0)
            st["pressure_dir"] = vec(s.pressureDir);
        if (!s.strokePath.empty()) {
            auto path = nlohmann::json::array();
            float len = 0.0f;
            for (size_t i = 0; i < s.strokePath.size(); ++i) {
                path.push_back(vec(s.strokePath[i]));
                if (i)
                    len += glm::length(s.strokePath[i] - s.strokePath[i - 1]);
            }
            st["stroke_path"] = path;
            st["stroke_length_mm"] = rounded(len * 1000.0f);
            st["reciprocating"] = s.reciprocating;
        }
        if (s.hasStretch)
            st["stretch"] = {{"text", s.stretchText},
                             {"lengthen", s.lengthen},
                             {"direction", vec(s.stretchDir)},
                             {"from", vec(s.stretchFrom)},
                             {"to", vec(s.stretchTo)}};
        steps.push_back(st);
    }
    j["steps"] = steps;
    j["total_duration_s"] = total;
    auto variants = nlohmann::json::array();
    for (const auto& v : r.variants)
        variants.push_back({{"id", v.id}, {"name", v.name}});
    j["variants"] = variants;
    j["dosage"] = r.dosage;
    j["frame"] = {{"min", vec(r.frame.min)}, {"max", vec(r.frame.max)}};
    auto pose = scene::framingPose(r, 4.0f / 3.0f);
    j["camera"] = {{"target", vec(pose.target)},
                   {"yaw", rounded(pose.yaw)},
                   {"pitch", rounded(pose.pitch)},
                   {"distance", rounded(pose.distance)}};
    return j;
}

nlohmann::json refusalJson(const scene::ResolvedTechnique& r) {
    nlohmann::json j = verdictJson(r.verdict);
    j["technique"] = r.techniqueId;
    j["target"] = r.targetId;
    j["side"] = anatomy::sideName(r.side);
    return j;
}

} // namespace myoatlas::report
