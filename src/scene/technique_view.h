#pragma once
// What a technique step looks like, GL-free: the overlays (endangerment sites painted on the skin, the contact ring,
// the hand or tool, the pressure arrow, the animated stroke, the fibres it crosses, the stretch arrow) and the
// caption (technique, target, step text, pressure, timer, warning). The window and headless renders use both.
#include "anatomy/body.h"
#include "scene/overlay.h"
#include "scene/technique_player.h"

#include <string>
#include <vector>

namespace myoatlas::scene {

// The overlays of one step (a refused plan: the sites and the contact only, no tool or stroke on it).
[[nodiscard]] std::vector<OverlayMesh> techniqueOverlays(const ResolvedTechnique& r, int step,
                                                         const anatomy::Body& body);
// The caption of a step; `player` (optional) gives the elapsed time and whether the safety checklist is confirmed;
// `panelOnScreen`: the Technique panel with the checklist is shown (not on the projector).
[[nodiscard]] std::string techniqueCaption(const ResolvedTechnique& r, int step, bool patientText,
                                           const TechniquePlayer* player, bool panelOnScreen = true);

} // namespace myoatlas::scene
