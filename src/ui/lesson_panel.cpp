#include "ui/lesson_panel.h"

#include "core/text_checks.h"
#include "ui/widgets.h"

#include <algorithm>
#include <array>

#include <imgui.h>
#include <imgui_stdlib.h>

namespace myoatlas::ui {

std::vector<LessonAction> drawLessonPanel(const UiModel& model, UiState& ui, const LessonView& view,
                                          scene::Commands& commands) {
    std::vector<LessonAction> out;
    float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 26, em * 30), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(em * 1, em * 24), ImGuiCond_FirstUseEver);
    if (!beginShellPanel("Lesson", model.shell(), scene::ShellFlag::LessonPanel, commands)) {
        ImGui::End();
        return out;
    }
    // File: a path field, open, save, new.
    ImGui::SetNextItemWidth(-em * 9.5f);
    ImGui::InputTextWithHint("##path", "lesson file (.json)", &ui.lessonPath);
    ImGui::SameLine();
    if (ImGui::Button("Open"))
        out.push_back({LessonActionKind::Open, -1, 0, 0.0f, ui.lessonPath});
    ImGui::SameLine();
    if (ImGui::Button(view.dirty ? "Save*" : "Save"))
        out.push_back({LessonActionKind::Save, -1, 0, 0.0f, ui.lessonPath});
    ImGui::SameLine();
    if (ImGui::Button("New"))
        out.push_back({LessonActionKind::New});
    if (!view.lesson) {
        ImGui::TextWrapped("No lesson. Open one, or press New and add views as steps.");
        if (!ui.status.empty())
            ImGui::TextWrapped("%s", ui.status.c_str());
        ImGui::End();
        return out;
    }
    const auto& lesson = *view.lesson;
    if (ImGui::InputText("Title", &ui.lessonTitleEdit, ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit())
        out.push_back({LessonActionKind::SetTitle, -1, 0, 0.0f, ui.lessonTitleEdit});

    // Player.
    ImGui::Separator();
    if (!view.playing) {
        if (ImGui::Button("Play") && !lesson.steps.empty())
            out.push_back({LessonActionKind::Play, std::max(0, view.current)});
    } else if (ImGui::Button("Stop")) {
        out.push_back({LessonActionKind::Stop});
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left))
        out.push_back({LessonActionKind::Previous});
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right))
        out.push_back({LessonActionKind::Next});
    ImGui::SameLine();
    if (lesson.steps.empty())
        ImGui::TextDisabled("no steps");
    else
        ImGui::Text("Step %d / %d", view.current + 1, static_cast<int>(lesson.steps.size()));
    if (view.playing)
        ImGui::TextDisabled("PageDown / Space / Right: next. PageUp / Left: back. Esc: stop.");

    // Steps.
    ImGui::Separator();
    if (ImGui::Button("Add this view as a step"))
        out.push_back({LessonActionKind::AddStep, view.current});
    ImGui::SameLine();
    ImGui::BeginDisabled(view.current < 0);
    if (ImGui::Button("Update step"))
        out.push_back({LessonActionKind::ReplaceStep, view.current});
    ImGui::EndDisabled();
    if (ImGui::BeginChild("steps", ImVec2(0, em * 9), true)) {
        for (int i = 0; i < static_cast<int>(lesson.steps.size()); ++i) {
            ImGui::PushID(i);
            const auto& s = lesson.steps[static_cast<size_t>(i)];
            std::string label = std::to_string(i + 1) + ". " +
                                (s.caption.empty() ? "(no caption)" : core::sanitizeDisplayText(s.caption, 200));
            if (ImGui::Selectable(label.c_str(), i == view.current))
                out.push_back({LessonActionKind::GoTo, i});
            ImGui::PopID();
        }
    }
    ImGui::EndChild();

    if (view.current >= 0 && view.current < static_cast<int>(lesson.steps.size())) {
        const auto& step = lesson.steps[static_cast<size_t>(view.current)];
        if (ui.editedStep != view.current) {
            ui.stepCaptionEdit = step.caption;
            ui.editedStep = view.current;
        }
        ImGui::Text("Caption of step %d", view.current + 1);
        // A fixed buffer caps what a paste can bring in: ImGui's 16-bit vertex indices cannot draw ~17,000
        // characters in one item. Captions beyond it are cut (the player cuts them the same way).
        std::array<char, 4 * core::kMaxCaptionChars + 1> buffer{};
        ui.stepCaptionEdit.copy(buffer.data(), std::min(ui.stepCaptionEdit.size(), buffer.size() - 1));
        bool edited = ImGui::InputTextMultiline("##caption", buffer.data(), buffer.size(), ImVec2(-1, em * 3.5f));
        if (edited)
            ui.stepCaptionEdit = buffer.data();
        if (edited || ImGui::IsItemDeactivatedAfterEdit()) {
            if (ui.stepCaptionEdit != step.caption)
                out.push_back({LessonActionKind::SetCaption, view.current, 0, 0.0f, ui.stepCaptionEdit});
        }
        float seconds = step.transitionSeconds;
        ImGui::SetNextItemWidth(em * 8);
        if (ImGui::SliderFloat("Transition (s)", &seconds, 0.0f, 5.0f, "%.1f"))
            out.push_back({LessonActionKind::SetTransition, view.current, 0, seconds});
        ImGui::BeginDisabled(view.current == 0);
        if (ImGui::Button("Move up"))
            out.push_back({LessonActionKind::MoveStep, view.current, -1});
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(view.current + 1 >= static_cast<int>(lesson.steps.size()));
        if (ImGui::Button("Move down"))
            out.push_back({LessonActionKind::MoveStep, view.current, +1});
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Delete step"))
            out.push_back({LessonActionKind::DeleteStep, view.current});
        if (!view.missing.empty()) {
            std::string names;
            for (const auto& n : view.missing)
                names += (names.empty() ? "" : ", ") + n;
            ImGui::TextWrapped("Not on this body: %s", names.c_str());
        }
    }
    if (!ui.status.empty())
        ImGui::TextWrapped("%s", ui.status.c_str());
    ImGui::End();
    return out;
}

} // namespace myoatlas::ui
