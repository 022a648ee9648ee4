#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace myoatlas::ui {

void drawMainMenu(const UiModel& model, UiState& ui, scene::Commands& out) {
    if (!ImGui::BeginMainMenuBar())
        return;
    using F = scene::ShellFlag;
    const scene::ShellState& shell = model.shell();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Quit", "Ctrl+Q"))
            out.push(scene::Quit{});
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
        const bool expert = shell.expertPanels();
        shellMenuItem("Layers", nullptr, shell, F::LayersPanel, out, expert);
        shellMenuItem("Structures", nullptr, shell, F::BrowserPanel, out, expert);
        shellMenuItem("Selection info", nullptr, shell, F::InfoPanel, out, expert);
        shellMenuItem("Lesson editor and player", nullptr, shell, F::LessonPanel, out, expert);
        ImGui::Separator();
        if (ImGui::BeginMenu("Theme")) {
            for (auto t : {Theme::Dark, Theme::Light, Theme::HighContrast}) {
                auto name = std::string(themeName(t));
                if (ImGui::MenuItem(name.c_str(), nullptr, shell.theme == name) && shell.theme != name)
                    out.push(scene::SetTheme{name});
            }
            ImGui::EndMenu();
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (committedSlider("UI scale", shell.uiScale, 0.75f, 3.0f, "%.2f", ui.uiScaleEdit, ui.editingUiScale))
            out.push(scene::SetUiScale{ui.uiScaleEdit});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Modes")) {
        shellMenuItem("Presentation mode", "F5", shell, F::Presentation, out);
        if (model.monitorCount > 1 && ImGui::BeginMenu("Present on monitor")) {
            for (int m = 0; m < model.monitorCount; ++m)
                if (ImGui::MenuItem(("Monitor " + std::to_string(m + 1)).c_str(), nullptr,
                                    shell.presentationMonitor == m))
                    out.push(scene::SetPresentationMonitor{m});
            ImGui::EndMenu();
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (committedSlider("Room text scale", shell.presentationScale, 1.0f, 4.0f, "%.1fx", ui.roomScaleEdit,
                            ui.editingRoomScale))
            out.push(scene::SetPresentationScale{ui.roomScaleEdit});
        ImGui::Separator();
        // One mode at a time: the quiz would give its answers away to a patient, and the other way round.
        shellMenuItem("Patient mode", "F2", shell, F::Patient, out);
        shellMenuItem("Quiz", "F3", shell, F::Quiz, out);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        shellMenuItem("Keys and mouse", "F1", shell, F::Help, out);
        shellMenuItem("About MyoAtlas", nullptr, shell, F::AboutPanel, out);
        ImGui::EndMenu();
    }
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::GetFontSize() * 7);
    ImGui::TextDisabled("%.1f fps", model.fps);
    ImGui::EndMainMenuBar();
}

void drawUi(const UiModel& model, UiState& ui, scene::Commands& out) {
    const scene::ShellState& shell = model.shell();
    // Presentation mode reduces the interface to the caption bar (drawn by the app) and the features' overlays.
    if (shell.presentation)
        return;
    drawMainMenu(model, ui, out);
    // Patient mode: the plain-language panel replaces the expert panels.
    if (shell.patient) {
        if (shell.aboutPanel)
            drawAboutPanel(model, out);
        return;
    }
    if (shell.layersPanel)
        drawLayersPanel(model, out);
    if (shell.browserPanel && !model.namesHidden) // it marks the selected structures by name
        drawBrowserPanel(model, ui, out);
    if (shell.infoPanel && !model.namesHidden) // the selection's name would give the quiz answer away
        drawInfoPanel(model, ui, out);
    if (shell.aboutPanel)
        drawAboutPanel(model, out);
    if (shell.help)
        drawHelpPanel(model, out);
    if (!model.namesHidden)
        drawHoverTooltip(model);
}

} // namespace myoatlas::ui
