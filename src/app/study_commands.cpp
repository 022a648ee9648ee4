#include "app/study_commands.h"

#include "core/error.h"
#include "scene/technique_player.h"

#include <cmath>
#include <iostream>
#include <memory>

namespace myoatlas::app {
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

struct StudyRequest {
    std::string query;
    size_t limit = 10;
    bool json = false;
};

// The card of the best match: an atlas record's card, or a body structure's.
scene::StudyCard cardOf(FeatureContext& context, const scene::SearchResult& best) {
    if (best.kind == scene::StudyKind::Structure)
        return scene::buildStructureCard(context.atlas, context.body, best.id);
    std::unique_ptr<scene::TechniqueResolver> techniques;
    if (context.resolver)
        techniques = std::make_unique<scene::TechniqueResolver>(*context.atlas, context.body, *context.resolver);
    return scene::buildStudyCard(*context.atlas, best.kind, best.id, techniques.get());
}

} // namespace

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

void registerStudyCommands(CLI::App& cli, std::vector<Subcommand>& out) {
    auto find = std::make_shared<StudyRequest>();
    auto* fc = cli.add_subcommand("find", "Search the atlas and the body as students type (aliases, typos), ranked");
    fc->add_option("query", find->query, "what to look for, e.g. \"glute med\", SCM, \"upper trap\"")->required();
    fc->add_option("--limit", find->limit, "at most this many results")->check(CLI::Range(1, 200));
    fc->add_flag("--json", find->json, "JSON output");
    out.push_back({fc, false, [find](FeatureContext& context) {
                       scene::StudyIndex index(context.atlas, &context.body);
                       auto j = findJson(index, find->query, find->limit);
                       if (find->json) {
                           std::cout << j.dump(2) << "\n";
                       } else {
                           for (const auto& r : j["results"])
                               std::cout << r["score"].get<double>() << "\t" << r["kind"].get<std::string>() << "\t"
                                         << r["id"].get<std::string>() << "\t" << r["name"].get<std::string>() << "\n";
                       }
                       // Nothing found is an answer, not an error: the message goes to stderr, the exit code is 0.
                       if (j.contains("message"))
                           std::cerr << j["message"].get<std::string>() << "\n";
                       return 0;
                   }});

    auto info = std::make_shared<StudyRequest>();
    auto* ic = cli.add_subcommand("info", "The study card of the best match: origin, insertion, action, nerve, "
                                          "trigger points, lines, techniques, sources");
    ic->add_option("name", info->query, "muscle, group, trigger point, line, landmark or technique")->required();
    ic->add_flag("--json", info->json, "JSON output (the only format)");
    out.push_back({ic, true, [info](FeatureContext& context) {
                       scene::StudyIndex index(context.atlas, &context.body);
                       auto results = index.find(info->query, 1);
                       if (results.empty())
                           throw core::Error(noMatchMessage(index, info->query), core::ExitCode::Failure);
                       std::cout << cardJson(cardOf(context, results.front())).dump(2) << "\n";
                       return 0;
                   }});
}

} // namespace myoatlas::app
