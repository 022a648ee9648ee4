#include "ui/patient_panel.h"

#include "ui/widgets.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace myoatlas::ui {

float patientTextPixels(float uiFontPixels, float windowHeight) {
    return std::max(uiFontPixels * 1.25f, windowHeight / 34.0f);
}

std::vector<PatientAction> drawPatientPanel(const UiModel& model, UiState& ui, const PatientView& view,
                                            std::string& handoutPath) {
    (void)model;
    std::vector<PatientAction> out;
    const float base = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float px = patientTextPixels(base, vp->Size.y);
    // A wide column on the right; the body keeps the rest of the screen.
    float width = std::min(vp->Size.x * 0.5f, std::max(px * 17.0f, vp->Size.x * 0.36f));
    float top = base * 2.0f; // below the menu bar
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width - base * 0.5f, vp->Pos.y + top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y - top - base * 0.5f), ImGuiCond_Always);
    ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar;
    if (!ImGui::Begin("Patient mode", nullptr, flags)) {
        ImGui::End();
        return out;
    }
    ImGui::SetWindowFontScale(px * 1.3f / base);
    ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1), "%s", view.title.c_str());
    ImGui::SetWindowFontScale(px / base);
    ImGui::Separator();
    ImGui::Spacing();
    for (const auto& line : view.lines) {
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::Spacing();
    }
    if (!view.heading.empty())
        ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1), "%s", view.heading.c_str());
    int n = 1;
    for (const auto& s : view.steps)
        ImGui::TextWrapped("%d. %s", n++, s.c_str());
    if (!view.counter.empty())
        ImGui::TextDisabled("%s", view.counter.c_str());
    if (view.handoutField) {
        ImGui::SetNextItemWidth(-px * 5.0f);
        ImGui::InputText("##handout", &handoutPath);
        ImGui::SameLine();
        if (ImGui::Button("Print"))
            out.push_back({PatientActionKind::ExportHandout, scene::PatientEvent::Next, handoutPath});
    }
    if (!ui.status.empty())
        ImGui::TextWrapped("%s", ui.status.c_str());
    ImGui::Spacing();
    // Big buttons, one per line: easy to hit, the way on first.
    const ImVec2 buttonSize(-1.0f, px * 1.9f);
    for (const auto& b : view.buttons) {
        ImGui::PushID(static_cast<int>(b.event));
        if (ImGui::Button(b.label.c_str(), buttonSize))
            out.push_back({PatientActionKind::Event, b.event});
        ImGui::PopID();
    }
    if (!view.notes.empty()) {
        ImGui::Spacing();
        ImGui::SetWindowFontScale(std::max(1.0f, px * 0.8f / base));
        for (const auto& s : view.notes)
            ImGui::TextWrapped("! %s", s.c_str());
    }
    ImGui::SetWindowFontScale(std::max(1.0f, px * 0.8f / base));
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Leave patient mode"))
        out.push_back({PatientActionKind::Leave});
    ImGui::SameLine();
    // Esc goes back a screen, and from the first one leaves (as the button beside it).
    ImGui::TextDisabled(view.screen == scene::PatientScreen::Mark ? "Esc: leave" : "Esc: back");
    ImGui::TextDisabled("This explains common patterns; it is not a diagnosis.");
    ImGui::SetWindowFontScale(1.0f);
    ImGui::End();
    return out;
}

} // namespace myoatlas::ui
