#pragma once
// The study search and card as data: what `myoatlas find` and `myoatlas info` print, the window's Study panel
// in machine-readable form.
#include "scene/atlas_context.h"
#include "scene/study_card.h"
#include "scene/study_search.h"

#include <nlohmann/json.hpp>
#include <string>

namespace myoatlas::report {

// {"query", "results": [{"id", "kind", "name", "score", "matched"}], "message"?, "suggestions"?}
[[nodiscard]] nlohmann::json findJson(const scene::StudyIndex& index, const std::string& query, size_t limit);
// {"id", "kind", "name", "common_names", "origin", "insertion", "action", "innervation", "trigger_points",
//  "lines", "techniques", "muscles", "palpation", "endangerment_sites", "fields", "safety", "caveats", "recall",
//  "sources": [{"id", "title", "url"}]}; links are {"id", "kind", "label", "detail"}, endangerment sites
//  {"id", "name", "structures_at_risk"}.
[[nodiscard]] nlohmann::json cardJson(const scene::StudyCard& card);
// "no match for "X"; did you mean A, B or C?"
[[nodiscard]] std::string noMatchMessage(const scene::StudyIndex& index, const std::string& query);
// The card of a search result: an atlas record's card, or a body structure's.
[[nodiscard]] scene::StudyCard cardOf(const scene::AtlasContext& context, const scene::SearchResult& best);

} // namespace myoatlas::report
