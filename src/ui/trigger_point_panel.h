#pragma once
// The trigger point panel: trigger points by region and muscle with search, the heat animation controls,
// the legend, patient wording and evidence, and the reverse lookup ("it hurts here"). The panel reads a
// TrpPanelModel filled by the heat feature and keeps its UI-only state in a TrpPanelState the feature owns; it
// emits scene::Commands and never touches the renderer or the heat fields.
#include "anatomy/atlas.h"
#include "scene/colormap.h"
#include "scene/commands.h"
#include "scene/suspects.h"
#include "scene/trigger_point_markers.h"
#include "ui/ui_model.h"

#include <string>
#include <vector>

namespace myoatlas::ui {

// The referred-pain legend's window: placed in a bottom corner no panel covers.
inline constexpr const char* kHeatLegendWindow = "Referred pain legend";

// UI-only state, kept inside the heat feature (not in UiState).
struct TrpPanelState {
    bool show = true;
    bool showLegend = true;
    bool greyBody = true; // grey the muscles and bones while a pain map shows: red heat over red muscle is hard to read
    std::string search;
    int side = 1;                // 0 left, 1 right: the side a trigger point chosen in the list is shown on
    bool combine = false;        // add to the patterns shown instead of replacing them (Ctrl-click does the same)
    bool painMode = false;       // "it hurts here": clicks on the body add pain points on the skin
    float speed = 1.0f;          // animation speed factor
    std::string focusMuscle;     // muscle whose details the panel shows (last one clicked, else the selection's)
    bool replay = false;         // set by the panel: restart the animation from t = 0 (the feature clears it)
    bool showSatellites = false; // mark the shown trigger points' satellites even when their muscle is not selected
};

// A muscle of the selection, as the panel needs it.
using SelectedMuscle = scene::MarkedMuscle;

// What the feature tells the panel each frame.
struct TrpPanelModel {
    const anatomy::Atlas* atlas = nullptr;
    std::string atlasError;
    std::vector<SelectedMuscle> selectedMuscles; // atlas muscles of ViewState.selection
    float time = 0.0f;                           // the animation time shown (seconds)
    float timeRange = 4.0f;                      // scrubber range: the longest pattern's settle time plus pulses
    bool live = true;                            // ViewState.heatTime < 0
    bool preparing = false;                      // the skin's geodesic solver or a field is still building
    bool skinHidden = false;                     // the heat is painted on the skin: warn when it is not shown
    std::vector<scene::Suspect> suspects;        // ranked for ViewState.painPoints
    bool suspectsPending = false;
};

void drawTriggerPointPanel(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, scene::Commands& out);
// The colour key (essential, spillover, fading edge, markers) in a small window over the scene's lower right.
// `left`: in the bottom-left corner (patient mode, whose panel fills the right), else the bottom-right.
void drawHeatLegend(const TrpPanelState& st, bool left = false);

// Helpers shared with the feature and tested on their own.
[[nodiscard]] std::string trpLabel(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp);
[[nodiscard]] std::string regionLabel(std::string_view region); // "head_neck" -> "Head and neck"
// Trigger points whose muscle name, muscle id, point id or point name contains the needle (case-insensitive).
[[nodiscard]] bool trpMatches(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp, std::string_view needle);

} // namespace myoatlas::ui
