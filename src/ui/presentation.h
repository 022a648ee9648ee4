#pragma once
// Presentation mode overlays, drawn on ImGui's foreground draw list over the scene: the caption bar, the step
// counter, the laser pointer and the blackout. No window, no GL: testable under a headless ImGui context.
#include "ui/ui_model.h"

#include <string>

namespace myoatlas::ui {

// Bottom-centre caption on a dark band, large enough to read from the back of a classroom. In presentation mode
// the band spans the screen width and the text is bigger still.
void drawCaptionBar(const std::string& text, bool presentation);

struct PresentationOverlay {
    std::string caption;
    std::string progress; // e.g. "Step 3 / 7", top right; empty = none
    std::string title;    // lesson title, top left; empty = none
};

// Draws the presentation overlays for one frame (caption bar, progress, laser pointer at the mouse, blackout).
void drawPresentationOverlay(const PresentationOverlay& overlay, const UiState& ui);

} // namespace myoatlas::ui
