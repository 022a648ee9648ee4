#include "ui/widgets.h"

#include <imgui.h>

namespace myoatlas::ui {

void bulletWrapped(std::string_view text) {
    ImGui::Bullet(); // keeps the cursor on the line, after the bullet
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

} // namespace myoatlas::ui

namespace myoatlas::ui {

void panelsMenuItem(const char* label, bool* open, bool enabled) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu("Panels")) {
        ImGui::MenuItem(label, nullptr, open, enabled);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void pointerLabel(glm::vec2 at, std::string_view text, glm::vec3 outline) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    const float em = ImGui::GetFontSize();
    const ImVec2 p(at.x + 0.8f * em, at.y - size.y - 0.4f * em);
    const ImVec2 lo(p.x - 0.35f * em, p.y - 0.2f * em), hi(p.x + size.x + 0.35f * em, p.y + size.y + 0.2f * em);
    dl->AddRectFilled(lo, hi, IM_COL32(20, 22, 28, 225), 0.25f * em);
    dl->AddRect(lo, hi, ImGui::ColorConvertFloat4ToU32(ImVec4(outline.r, outline.g, outline.b, 1.0f)), 0.25f * em);
    dl->AddText(p, IM_COL32(240, 240, 240, 255), begin, end);
    dl->AddCircle(ImVec2(at.x, at.y), 0.6f * em, IM_COL32(255, 255, 255, 230), 16, 2.0f);
}

} // namespace myoatlas::ui

namespace myoatlas::ui {

bool beginShellPanel(const char* title, const scene::ShellState& shell, scene::ShellFlag flag, scene::Commands& out,
                     int windowFlags) {
    const bool wasOpen = shell.flag(flag);
    bool open = wasOpen;
    const bool shown = ImGui::Begin(title, &open, windowFlags);
    if (wasOpen && !open)
        out.push(scene::SetShellFlag{flag, false});
    return shown;
}

void shellMenuItem(const char* label, const char* shortcut, const scene::ShellState& shell, scene::ShellFlag flag,
                   scene::Commands& out, bool enabled) {
    if (ImGui::MenuItem(label, shortcut, shell.flag(flag), enabled))
        out.push(scene::ToggleShellFlag{flag});
}

bool committedSlider(const char* label, float current, float lo, float hi, const char* format, float& buffer,
                     bool& editing) {
    if (!editing)
        buffer = current;
    ImGui::SliderFloat(label, &buffer, lo, hi, format);
    editing = ImGui::IsItemActive();
    return ImGui::IsItemDeactivatedAfterEdit() && buffer != current;
}

} // namespace myoatlas::ui
