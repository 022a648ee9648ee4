#pragma once
// Presentation mode overlays, drawn on ImGui's foreground draw list over the scene: the caption bar, the step
// counter, the laser pointer and the blackout. No window, no GL: testable under a headless ImGui context.
#include "ui/ui_model.h"

#include <string>

namespace myoatlas::ui {

// Bottom-centre caption on a dark band, large enough to read from the back of a classroom. In presentation mode
// the band spans the screen width and the text is bigger still.
void drawCaptionBar(const std::string& text, bool presentation);

// Where a caption goes and how big: the text scales with the window (a 20th of its height on the projector, a
// 30th otherwise: 54 and 36 px at 1080p), and the band never takes more than a quarter of the height: a long
// caption is set smaller (down to a 38th of the height, 28 px at 1080p), then cut at a word with an ellipsis.
struct CaptionLayout {
    std::string text;                // what is drawn (cut when it did not fit)
    float size = 0.0f;               // text height in pixels
    float wrap = 0.0f;               // wrap width in pixels
    float top = 0.0f, bottom = 0.0f; // the band, in window pixels from the top
    bool cut = false;
};
[[nodiscard]] CaptionLayout layoutCaption(const std::string& text, float width, float height, bool presentation,
                                          float uiFontPixels);
// The text height for titles and step counters on the projector: a 32nd of the window height.
[[nodiscard]] float presentationTextPixels(float height, float uiFontPixels);

struct PresentationOverlay {
    std::string caption;
    std::string progress; // e.g. "Step 3 / 7", top right; empty = none
    std::string title;    // lesson title, top left; empty = none
};

// Draws the presentation overlays for one frame (caption bar, progress, laser pointer at the mouse, blackout).
void drawPresentationOverlay(const PresentationOverlay& overlay, const scene::ShellState& shell);

} // namespace myoatlas::ui
