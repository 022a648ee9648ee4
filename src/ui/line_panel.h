#pragma once
// The Anatomy Trains panel: the 12 lines with show toggles (left/right for the paired lines), a colour swatch, and
// for the focused line its route, function, common compensations and the evidence note. Reads entries made from the
// atlas and the built lines, and emits ShowLine commands; its UI state lives in the feature.
#include "anatomy/atlas.h"
#include "scene/commands.h"
#include "scene/line_set.h"

#include <glm/vec3.hpp>
#include <span>
#include <string>
#include <vector>

namespace myoatlas::ui {

struct LinePanelEntry {
    std::string id;    // atlas line id, "SBL"
    std::string name;  // "Superficial Back Line"
    std::string order; // "toes to brow"
    std::string function, evidenceNote, wilke2016;
    std::vector<std::string> compensations;
    std::vector<std::string> route; // station and track names in order
    bool paired = false;
    glm::vec3 color{1.0f};
    bool shownRight = false, shownLeft = false;
    float lengthRight = -1.0f, lengthLeft = -1.0f; // metres; < 0 until built
};

struct LinePanelState {
    bool open = false;     // opened from the Panels menu
    int focused = -1;      // index into the entries; -1 none
    bool dimOthers = true; // dim everything but the shown lines' track muscles
};

// The ShowLine commands that make a line shown on exactly the given sides (canonical ids: "SBL" for both sides,
// "SBL_left" / "SBL_right" for one).
void emitLineSides(const std::string& id, bool left, bool right, scene::Commands& out);

// One entry per atlas line: its record, which sides `shownIds` (ViewState::lines) shows, and the built lengths.
[[nodiscard]] std::vector<LinePanelEntry>
lineEntries(const anatomy::Atlas& atlas, const std::vector<std::string>& shownIds, const scene::LineSet& lines);

void drawLinePanel(std::span<const LinePanelEntry> entries, LinePanelState& state, scene::Commands& out);

} // namespace myoatlas::ui
