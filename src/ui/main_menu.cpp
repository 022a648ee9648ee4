#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

namespace myoatlas::ui {

void drawMainMenu(const UiModel& model, UiState& ui, scene::Commands& out) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Quit", "Ctrl+Q"))
            ui.requestQuit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        int key = 1;
        for (auto v : scene::kAllViews) {
            std::string shortcut = std::to_string(key++);
            if (ImGui::MenuItem(std::string(scene::viewLabel(v)).c_str(), shortcut.c_str()))
                out.push(scene::SetNamedView{v});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Frame selection", "F", false, !model.state->view.selection.empty()))
            out.push(scene::FrameSelection{scene::kFlySeconds});
        if (ImGui::MenuItem("Frame whole body", "Home"))
            out.push(scene::FrameBody{});
        ImGui::Separator();
        if (ImGui::MenuItem("Hide selection", "H", false, !model.state->view.selection.empty()))
            out.push(scene::HideSelection{});
        if (ImGui::MenuItem("Isolate selection", "I", false, !model.state->view.selection.empty()))
            out.push(scene::IsolateSelection{});
        if (ImGui::MenuItem("Show all", "A"))
            out.push(scene::ShowAll{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Panels")) {
        // Patient mode keeps its own panel: the expert ones stay listed, greyed, until it is left.
        const bool expert = ui.expertPanels();
        ImGui::MenuItem("Layers", nullptr, &ui.showLayers, expert);
        ImGui::MenuItem("Structures", nullptr, &ui.showBrowser, expert);
        ImGui::MenuItem("Selection info", nullptr, &ui.showInfo, expert);
        ImGui::MenuItem("Lesson editor and player", nullptr, &ui.showLesson, expert);
        ImGui::Separator();
        if (ImGui::BeginMenu("Theme")) {
            for (auto t : {Theme::Dark, Theme::Light, Theme::HighContrast}) {
                auto name = std::string(themeName(t));
                if (ImGui::MenuItem(name.c_str(), nullptr, ui.theme == name) && ui.theme != name) {
                    ui.theme = name;
                    ui.themeChanged = true;
                }
            }
            ImGui::EndMenu();
        }
        float before = ui.uiScale;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::SliderFloat("UI scale", &ui.uiScale, 0.75f, 3.0f, "%.2f");
        if (ImGui::IsItemDeactivatedAfterEdit() && before != ui.uiScale)
            ui.scaleChanged = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Modes")) {
        if (ImGui::MenuItem("Presentation mode", "F5", ui.presentation)) {
            ui.presentation = !ui.presentation;
            ui.presentationChanged = true;
        }
        if (ui.monitorCount > 1 && ImGui::BeginMenu("Present on monitor")) {
            for (int m = 0; m < ui.monitorCount; ++m)
                if (ImGui::MenuItem(("Monitor " + std::to_string(m + 1)).c_str(), nullptr, ui.presentationMonitor == m))
                    ui.presentationMonitor = m;
            ImGui::EndMenu();
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::SliderFloat("Room text scale", &ui.presentationScale, 1.0f, 4.0f, "%.1fx");
        if (ImGui::IsItemDeactivatedAfterEdit() && ui.presentation)
            ui.themeChanged = true;
        ImGui::Separator();
        // One mode at a time: the quiz would give its answers away to a patient, and the other way round.
        if (ImGui::MenuItem("Patient mode", "F2", ui.patientMode))
            ui.setPatientMode(!ui.patientMode);
        if (ImGui::MenuItem("Quiz", "F3", ui.showQuiz))
            ui.setQuiz(!ui.showQuiz);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keys and mouse", "F1", &ui.showHelp);
        ImGui::MenuItem("About MyoAtlas", nullptr, &ui.showAbout);
        ImGui::EndMenu();
    }
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetFontSize() * 7);
    ImGui::TextDisabled("%.1f fps", model.fps);
    ImGui::EndMainMenuBar();
}

void drawUi(const UiModel& model, UiState& ui, scene::Commands& out) {
    // Presentation mode reduces the interface to the caption bar (drawn by the app) and the features' overlays.
    if (ui.presentation)
        return;
    drawMainMenu(model, ui, out);
    // Patient mode: the plain-language panel replaces the expert panels.
    if (ui.patientMode) {
        if (ui.showAbout)
            drawAboutPanel(model, ui);
        return;
    }
    if (ui.showLayers)
        drawLayersPanel(model, ui, out);
    if (ui.showBrowser && !ui.namesHidden) // it marks the selected structures by name
        drawBrowserPanel(model, ui, out);
    if (ui.showInfo && !ui.namesHidden) // the selection's name would give the quiz answer away
        drawInfoPanel(model, ui, out);
    if (ui.showAbout)
        drawAboutPanel(model, ui);
    if (ui.showHelp)
        drawHelpPanel(ui);
    if (!ui.namesHidden)
        drawHoverTooltip(model);
}

} // namespace myoatlas::ui
