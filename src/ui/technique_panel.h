#pragma once
// The technique panel: choose a technique and a suitable target, confirm the safety checklist, step
// through the steps with their timer, pressure, what to feel for and the plain-language text for patients.
// It reads the player and emits scene commands; what it asks of the player (ticks, confirm, play, speed) goes
// into TechniquePanelState as intents that applyIntents() hands to the player after the frame.
#include "anatomy/atlas.h"
#include "scene/commands.h"
#include "scene/technique_player.h"

#include <optional>
#include <string>
#include <vector>

namespace myoatlas::ui {

struct TechniquePanelModel {
    const anatomy::Atlas* atlas = nullptr;
    scene::TechniqueRef current;                        // state.view.technique
    const scene::ResolvedTechnique* resolved = nullptr; // null: none shown, or it failed (see error)
    const scene::TechniquePlayer* player = nullptr;
    std::string error;
};

struct TechniquePanelState {
    bool show = false;        // opened from the Panels menu
    bool patientText = false; // plain-language version of the steps
    std::string targetFilter;
    // Intents, cleared by applyIntents().
    std::vector<std::pair<size_t, bool>> checks;
    bool confirm = false;
    bool togglePlay = false;
    std::optional<float> speed;
};

void drawTechniquePanel(const TechniquePanelModel& model, TechniquePanelState& state, scene::Commands& out);

// Hands the intents to the player and clears them.
void applyIntents(TechniquePanelState& state, scene::TechniquePlayer& player);

} // namespace myoatlas::ui
