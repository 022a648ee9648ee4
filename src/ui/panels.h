#pragma once
// One entry point per panel; each reads the model and emits commands.
#include "scene/commands.h"
#include "ui/ui_model.h"

namespace myoatlas::ui {

void drawMainMenu(const UiModel& model, UiState& ui, scene::Commands& out);
void drawLayersPanel(const UiModel& model, scene::Commands& out);
void drawBrowserPanel(const UiModel& model, UiState& ui, scene::Commands& out);
void drawInfoPanel(const UiModel& model, UiState& ui, scene::Commands& out);
void drawAboutPanel(const UiModel& model, scene::Commands& out);
void drawHelpPanel(const UiModel& model, scene::Commands& out);
void drawHoverTooltip(const UiModel& model);

// All of the above in the frame's order.
void drawUi(const UiModel& model, UiState& ui, scene::Commands& out);

// The attribution the licence requires (anatomy/body.h), shown in About.
using anatomy::kBodyAttribution;

} // namespace myoatlas::ui
