#include "ui/patient_panel.h"

#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace myoatlas::ui {

std::vector<PatientAction> drawPatientPanel(const UiModel& model, UiState& ui, const PatientView& view,
                                            std::string& handoutPath) {
    (void)model;
    std::vector<PatientAction> out;
    float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // A wide column on the right, large friendly text; the body keeps the rest of the screen.
    float width = std::max(em * 22, vp->Size.x * 0.32f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width - em, vp->Pos.y + em * 2.5f), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y - em * 4), ImGuiCond_Always);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
    if (!ImGui::Begin("Where does it hurt?", nullptr, flags)) {
        ImGui::End();
        return out;
    }
    ImGui::SetWindowFontScale(1.25f);
    if (view.painMarks == 0) {
        ImGui::TextWrapped("Click on the body where it hurts. You can mark more than one spot.");
    } else {
        ImGui::TextWrapped("Marked %d spot%s.", view.painMarks, view.painMarks == 1 ? "" : "s");
        if (ImGui::Button("Start again"))
            out.push_back({PatientActionKind::ClearPain});
    }
    ImGui::Spacing();
    if (view.searching) {
        ImGui::TextWrapped("Looking for where this pain may come from...");
    } else if (!view.sourceName.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1), "Where it may come from");
        ImGui::TextWrapped("Pain felt here often comes from a tight spot (a \"knot\") in %s%s.",
                           view.sourceName.c_str(), view.sideWords.c_str());
        if (!view.summary.empty())
            ImGui::TextWrapped("%s", view.summary.c_str());
        if (view.candidates > 1) {
            if (ImGui::Button("Show another possible source"))
                out.push_back({PatientActionKind::NextCandidate});
            ImGui::SameLine();
            ImGui::TextDisabled("%d of %d", view.candidate + 1, view.candidates);
        }
        if (!view.selfCareTitle.empty()) {
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1), "%s", view.selfCareTitle.c_str());
            int n = 1;
            for (const auto& s : view.selfCareSteps)
                ImGui::TextWrapped("%d. %s", n++, s.c_str());
            for (const auto& d : view.dosage)
                bulletWrapped(d);
            for (const auto& s : view.safety)
                ImGui::TextWrapped("! %s", s.c_str());
        }
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::SetWindowFontScale(1.0f);
        ImGui::TextDisabled("Handout (.pdf or .png)");
        ImGui::SetNextItemWidth(-em * 6);
        ImGui::InputText("##handout", &handoutPath);
        ImGui::SameLine();
        if (ImGui::Button("Export"))
            out.push_back({PatientActionKind::ExportHandout, handoutPath});
    } else if (view.painMarks > 0) {
        ImGui::TextWrapped("No common source found for this spot. Try marking the centre of the pain.");
    }
    ImGui::SetWindowFontScale(1.0f);
    if (!ui.status.empty())
        ImGui::TextWrapped("%s", ui.status.c_str());
    ImGui::Spacing();
    if (ImGui::Button("Leave patient mode"))
        out.push_back({PatientActionKind::Leave});
    ImGui::TextDisabled("This explains common patterns; it is not a diagnosis.");
    ImGui::End();
    return out;
}

} // namespace myoatlas::ui
