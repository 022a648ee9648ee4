#pragma once
// The study panel: a search box that finds what students type (ranked as they type, Enter takes the best) and the
// card of what is studied: names, origin, insertion, action, nerve, trigger points, lines, techniques, palpation,
// endangerment sites and sources, each link clickable. It reads the index and the card prepared by the study
// feature; what the user asks for (a result, a link, re-framing) goes into StudyPanelState as intents the feature
// turns into scene commands after the panel is drawn.
#include "scene/study_card.h"
#include "scene/study_search.h"

#include <optional>
#include <string>
#include <vector>

namespace myoatlas::ui {

struct StudyPanelModel {
    const scene::StudyIndex* index = nullptr; // null: the search box says why (no atlas)
    const scene::StudyCard* card = nullptr;   // null or empty: nothing studied yet
    std::string unavailable;                  // why search is off
};

struct StudyPanelState {
    bool open = true;
    std::string query;
    bool autoPeel = true; // take off the layers that hide what is studied
    // The results of `query`, kept while it does not change (search runs only when the text changes).
    std::string resultsFor;
    std::vector<scene::SearchResult> results;
    std::vector<std::string> suggestions;
    bool showResults = false; // the list under the box, hidden once a result is taken
    // Intents, cleared by the feature once handled.
    std::optional<scene::SearchResult> chosen;
    std::optional<scene::CardLink> link;
    bool reframe = false;
};

// Runs the search when the query changed. Separate from drawing so tests and the feature can use it.
void updateResults(const scene::StudyIndex& index, StudyPanelState& state);
// What Enter does: the best result of the query, if any.
void chooseBest(StudyPanelState& state);

void drawStudyPanel(const StudyPanelModel& model, StudyPanelState& state);

} // namespace myoatlas::ui
