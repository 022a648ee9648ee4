#pragma once
// Small ImGui building blocks shared by the panels.
#include "scene/commands.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <string_view>

namespace myoatlas::ui {

// A bullet whose text wraps at the window's edge, continuation lines hanging under the first (ImGui's BulletText
// runs past the edge, cutting off dosage, precautions and compensations in narrow panels).
void bulletWrapped(std::string_view text);

// A toggle for a feature's panel in the main menu's Panels menu (appended to it; ImGui merges menus by name).
void panelsMenuItem(const char* label, bool* open, bool enabled = true);

// ImGui::Begin for a panel whose open flag lives in the shell: its close button pushes the command that closes it.
// Returns what ImGui::Begin returns; call ImGui::End either way.
bool beginShellPanel(const char* title, const scene::ShellState& shell, scene::ShellFlag flag, scene::Commands& out,
                     int windowFlags = 0);
// A menu item showing a shell flag as a check mark; choosing it pushes the toggle.
void shellMenuItem(const char* label, const char* shortcut, const scene::ShellState& shell, scene::ShellFlag flag,
                   scene::Commands& out, bool enabled = true);
// A slider over a value the shell holds, edited in `buffer` while dragged (font rebuilds would stall every step);
// returns true, with the value in `buffer`, on the frame the edit ends.
bool committedSlider(const char* label, float current, float lo, float hi, const char* format, float& buffer,
                     bool& editing);

// A label beside the pointer for what lies under it (a line's station): dark box with a coloured outline, and a
// ring on the point itself (`at`, in pixels).
void pointerLabel(glm::vec2 at, std::string_view text, glm::vec3 outline);

} // namespace myoatlas::ui
