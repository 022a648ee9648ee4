#pragma once
// Small ImGui building blocks shared by the panels.
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <string_view>

namespace myoatlas::ui {

// A bullet whose text wraps at the window's edge, continuation lines hanging under the first (ImGui's BulletText
// runs past the edge, cutting off dosage, precautions and compensations in narrow panels).
void bulletWrapped(std::string_view text);

// A toggle for a feature's panel in the main menu's Panels menu (appended to it; ImGui merges menus by name).
void panelsMenuItem(const char* label, bool* open, bool enabled = true);

// A label beside the pointer for what lies under it (a line's station): dark box with a coloured outline, and a
// ring on the point itself (`at`, in pixels).
void pointerLabel(glm::vec2 at, std::string_view text, glm::vec3 outline);

} // namespace myoatlas::ui
