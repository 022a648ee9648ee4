#pragma once
// The window's first frames while the body loads: what is happening, a bar, and the error if the load failed.
#include <string>

namespace myoatlas::ui {

struct LoadingView {
    std::string text;   // "Loading the body: 312 of 712 structures"
    float fraction = 0; // 0..1 over the whole start-up
    std::string error;  // non-empty: the load failed; shown instead of the bar
    double seconds = 0; // since the start, shown once it is long enough to wonder about
};

// Fills the whole viewport (call between ImGui frame boundaries).
void drawLoadingScreen(const LoadingView& view);

} // namespace myoatlas::ui
