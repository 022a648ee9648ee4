#include "report/body_report.h"

#include "anatomy/atlas.h"
#include "anatomy/atlas_validate.h"
#include "anatomy/landmark_resolver.h"
#include "report/line_report.h"

namespace myoatlas::report {
namespace {
// Unrounded: inspect reports the data as loaded.
nlohmann::json vec(const glm::vec3& v) {
    return {v.x, v.y, v.z};
}
} // namespace

nlohmann::json bodyJson(const anatomy::Body& body, const io::LoadReport& report) {
    nlohmann::json j;
    j["load"] = {{"seconds", report.seconds},
                 {"from_cache", report.fromCache},
                 {"cache_rejected", report.cacheRejected},
                 {"cache_reject_reason", report.cacheRejectReason},
                 {"files_listed", report.filesListed},
                 {"files_loaded", report.filesLoaded},
                 {"failures", report.failures}};
    nlohmann::json layers = nlohmann::json::object(), categories = nlohmann::json::object();
    for (auto l : anatomy::kAllLayers)
        layers[std::string(anatomy::layerName(l))] = body.countInLayer(l);
    for (size_t c = 0; c < anatomy::kCategoryCount; ++c) {
        auto cat = static_cast<anatomy::Category>(c);
        categories[std::string(anatomy::categoryName(cat))] = body.countInCategory(cat);
    }
    j["counts"] = {{"structures", body.size()},
                   {"triangles", body.triangleCount()},
                   {"layers", layers},
                   {"categories", categories}};
    auto b = body.bounds();
    j["bounds"] = {{"min", vec(b.min)}, {"max", vec(b.max)}};
    nlohmann::json structures = nlohmann::json::array();
    for (size_t i = 0; i < body.size(); ++i) {
        const auto& s = body.structures[i];
        nlohmann::json e = {{"name", s.name},
                            {"fj", s.fj},
                            {"fma", s.fma},
                            {"file", s.file},
                            {"category", anatomy::categoryName(s.category)},
                            {"side", anatomy::sideName(s.side)},
                            {"layer", anatomy::layerName(s.layer)},
                            {"region", anatomy::regionName(s.region)},
                            {"exposed_fraction", s.exposedFraction},
                            {"triangles", body.meshes[i].triangleCount()},
                            {"bbox", {{"min", vec(s.bounds.min)}, {"max", vec(s.bounds.max)}}}};
        if (s.group >= 0)
            e["group"] = body.groups[static_cast<size_t>(s.group)].name;
        structures.push_back(std::move(e));
    }
    j["structures"] = std::move(structures);
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : body.groups) {
        nlohmann::json members = nlohmann::json::array();
        for (uint32_t m : g.members)
            members.push_back(body.structures[m].name);
        groups.push_back({{"name", g.name}, {"parts", members}});
    }
    j["groups"] = std::move(groups);
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : body.failures)
        failures.push_back({{"file", f.file}, {"problem", f.problem}});
    j["failures"] = std::move(failures);
    return j;
}

nlohmann::json inspectJson(const scene::AtlasContext& context, const io::LoadReport& report) {
    auto j = bodyJson(context.body, report);
    if (context.atlas)
        j["atlas"] = anatomy::atlasToJson(*context.atlas, anatomy::resolveAtlas(*context.atlas, context.body));
    else
        j["atlas_error"] = context.atlasError;
    j["lines"] = linesJson(context);
    return j;
}

} // namespace myoatlas::report
