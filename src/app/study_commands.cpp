#include "app/commands.h"

#include "core/error.h"
#include "report/study_report.h"

#include <iostream>
#include <memory>

namespace myoatlas::app {
namespace {

struct StudyRequest {
    std::string query;
    size_t limit = 10;
    bool json = false;
};

} // namespace

void registerStudyCommands(CLI::App& cli, std::vector<Subcommand>& out) {
    auto find = std::make_shared<StudyRequest>();
    auto* fc = cli.add_subcommand("find", "Search the atlas and the body as students type (aliases, typos), ranked");
    fc->add_option("query", find->query, "what to look for, e.g. \"glute med\", SCM, \"upper trap\"")->required();
    fc->add_option("--limit", find->limit, "at most this many results")->check(CLI::Range(1, 200));
    fc->add_flag("--json", find->json, "JSON output");
    out.push_back({fc, false, [find](FeatureContext& context) {
                       scene::StudyIndex index(context.atlas, &context.body);
                       auto j = report::findJson(index, find->query, find->limit);
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
                           throw core::Error(report::noMatchMessage(index, info->query), core::ExitCode::Failure);
                       std::cout << report::cardJson(report::cardOf(context, results.front())).dump(2) << "\n";
                       return 0;
                   }});
}

} // namespace myoatlas::app
