#pragma once
// The study subcommands: the window's search and card, headless and machine-readable.
//   myoatlas find QUERY [--limit N] [--json]   ranked matches; no match: an empty list and "did you mean"
//   myoatlas info NAME [--json]                the card of the best match; no match: exit 1
#include "app/commands.h"
#include "scene/study_card.h"
#include "scene/study_search.h"

#include <nlohmann/json.hpp>
#include <string>

namespace myoatlas::app {

// {"query", "results": [{"id", "kind", "name", "score", "matched"}], "message"?, "suggestions"?}
[[nodiscard]] nlohmann::json findJson(const scene::StudyIndex& index, const std::string& query, size_t limit);
// {"id", "kind", "name", "common_names", "origin", "insertion", "action", "innervation", "trigger_points",
//  "lines", "techniques", "muscles", "palpation", "endangerment_sites", "fields", "safety", "caveats", "recall",
//  "sources": [{"id", "title", "url"}]}; links are {"id", "kind", "label", "detail"}, endangerment sites
//  {"id", "name", "structures_at_risk"}.
[[nodiscard]] nlohmann::json cardJson(const scene::StudyCard& card);
// "no match for "X"; did you mean A, B or C?"
[[nodiscard]] std::string noMatchMessage(const scene::StudyIndex& index, const std::string& query);

// Adds `find` and `info` to the command line.
void registerStudyCommands(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
