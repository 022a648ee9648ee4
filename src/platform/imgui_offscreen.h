#pragma once
// Dear ImGui drawn into the currently bound framebuffer of a context with no window (headless renders draw
// captions and legends this way). Creates and destroys its own ImGui context.
#include <functional>

namespace myoatlas::platform {

// `draw` issues ImGui calls for one frame of the given pixel size; `uiScale` sizes the font and style.
void drawImGuiOffscreen(int width, int height, float uiScale, const std::function<void()>& draw);

} // namespace myoatlas::platform
