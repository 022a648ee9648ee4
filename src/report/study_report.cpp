#include "report/study_report.h"

#include "scene/technique_player.h"

#include <cmath>
#include <memory>

namespace myoatlas::report {
namespace {

nlohmann::json linksJson(const std::vector<scene::CardLink>& links) {
    auto out = nlohmann::json::array();
    for (const auto& l : links)
        out.push_back({{"id", l.id}, {"kind", scene::studyKindName(l.kind)}, {"label", l.label}, {"detail", l.detail}});
    return out;
}

// Endangerment sites are safety.json records, not something to study: id, name and what is at risk.
nlohmann::json sitesJson(const std::vector<scene::CardLink>& sites) {
    auto out = nlohmann::json::array();
    for (const auto& l : sites)
        out.push_back({{"id", l.id}, {"name", l.label}, {"structures_at_risk", l.detail}});
    return out;
}

} // namespace

scene::StudyCard cardOf(const scene::AtlasContext& context, const scene::SearchResult& best) {
    if (best.kind == scene::StudyKind::Structure)
        return scene::buildStructureCard(context.atlas, context.body, best.id);
    std::unique_ptr<scene::TechniqueResolver> techniques;
    if (context.resolver)
        techniques = std::make_unique<scene::TechniqueResolver>(*context.atlas, context.body, *context.resolver);
    return scene::buildStudyCard(*context.atlas, best.kind, best.id, techniques.get());
}

nlohmann::json findJson(const scene::StudyIndex& index, const std::string& query, size_t limit) {
    auto results = nlohmann::json::array();
    for (const auto& r : index.find(query, limit))
        results.push_back({{"id", r.id},
                           {"kind", scene::studyKindName(r.kind)},
                           {"name", r.name},
                           {"score", std::round(static_cast<double>(r.score) * 1000.0) / 1000.0},
                           {"matched", r.matched}});
    nlohmann::json j{{"query", query}, {"results", results}};
    if (results.empty()) {
        j["message"] = noMatchMessage(index, query);
        j["suggestions"] = index.suggestions(query);
    }
    return j;
}

std::string noMatchMessage(const scene::StudyIndex& index, const std::string& query) {
    std::string msg = "no match for \"" + query + "\"";
    auto near = index.suggestions(query);
    if (near.empty())
        return msg;
    msg += "; did you mean ";
    for (size_t i = 0; i < near.size(); ++i)
        msg += (i == 0 ? "" : i + 1 == near.size() ? " or " : ", ") + near[i];
    return msg + "?";
}

nlohmann::json cardJson(const scene::StudyCard& card) {
    auto fields = nlohmann::json::array();
    for (const auto& f : card.fields)
        fields.push_back({{"label", f.label}, {"text", f.text}});
    auto sources = nlohmann::json::array();
    for (const auto& s : card.sources)
        sources.push_back({{"id", s.id}, {"title", s.title}, {"url", s.url}});
    return {{"id", card.id},
            {"kind", scene::studyKindName(card.kind)},
            {"name", card.name},
            {"common_names", card.commonNames},
            {"origin", card.origin},
            {"insertion", card.insertion},
            {"action", card.action},
            {"innervation", card.innervation},
            {"trigger_points", linksJson(card.triggerPoints)},
            {"lines", linksJson(card.lines)},
            {"techniques", linksJson(card.techniques)},
            {"muscles", linksJson(card.muscles)},
            {"palpation", card.palpation},
            {"endangerment_sites", sitesJson(card.endangerment)},
            {"fields", fields},
            {"safety", card.safety},
            {"caveats", card.caveats},
            {"recall", card.recall},
            {"sources", sources}};
}

} // namespace myoatlas::report
