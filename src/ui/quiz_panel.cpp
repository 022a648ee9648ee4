#include "ui/quiz_panel.h"

#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace myoatlas::ui {

std::vector<QuizAction> drawQuizPanel(const UiModel& model, UiState& ui, const QuizView& view,
                                      scene::Commands& commands) {
    std::vector<QuizAction> out;
    float em = ImGui::GetFontSize();
    // On the right, clear of the body in the middle of the view.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(em * 24, em * 22), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 25, vp->Pos.y + em * 3), ImGuiCond_Appearing);
    if (!beginShellPanel("Quiz", model.shell(), scene::ShellFlag::Quiz, commands)) {
        ImGui::End();
        return out;
    }
    // Kind and answer mode.
    const char* kinds[] = {"Mixed", "Name the muscle", "Which muscle refers pain here?", "Which line?"};
    int kind = view.kind + 1;
    ImGui::SetNextItemWidth(em * 14);
    if (ImGui::Combo("Questions", &kind, kinds, 4))
        out.push_back({QuizActionKind::SetKind, {}, kind - 1});
    bool mc = view.multipleChoice;
    if (ImGui::RadioButton("Multiple choice", mc))
        out.push_back({QuizActionKind::SetMode, {}, 1});
    ImGui::SameLine();
    if (ImGui::RadioButton("Type the answer", !mc))
        out.push_back({QuizActionKind::SetMode, {}, 0});
    ImGui::Separator();

    if (!view.question) {
        if (ImGui::Button("Start"))
            out.push_back({QuizActionKind::Next});
    } else {
        const auto& q = *view.question;
        ImGui::TextWrapped("%s", q.prompt.c_str());
        ImGui::Spacing();
        if (!view.answered) {
            if (view.multipleChoice) {
                for (size_t i = 0; i < q.choices.size(); ++i) {
                    ImGui::PushID(static_cast<int>(i));
                    if (ImGui::Button(q.choices[i].c_str(), ImVec2(-1, 0)))
                        out.push_back({QuizActionKind::Answer, q.choices[i]});
                    ImGui::PopID();
                }
            } else {
                ImGui::SetNextItemWidth(-em * 5);
                bool enter = ImGui::InputTextWithHint("##answer", "your answer", &ui.quizAnswer,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
                ImGui::SameLine();
                if ((ImGui::Button("Check") || enter) && !ui.quizAnswer.empty()) {
                    out.push_back({QuizActionKind::Answer, ui.quizAnswer});
                    ui.quizAnswer.clear();
                }
            }
        } else {
            if (view.lastCorrect.value_or(false))
                ImGui::TextColored(ImVec4(0.3f, 0.9f, 0.4f, 1), "Correct: %s", view.lastExpected.c_str());
            else
                ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1), "Not quite. Answer: %s", view.lastExpected.c_str());
            if (ImGui::Button("Next question"))
                out.push_back({QuizActionKind::Next});
        }
    }
    ImGui::Separator();
    if (view.score)
        ImGui::Text("This session: %d / %d   (best streak %d)", view.score->correct, view.score->asked,
                    view.score->bestStreak);
    ImGui::Text("All sessions: %d / %d", view.totalCorrect, view.totalAsked);
    ImGui::SameLine();
    if (ImGui::SmallButton("Reset progress"))
        out.push_back({QuizActionKind::ResetProgress});
    if (view.score && !view.score->mistakes.empty() &&
        ImGui::CollapsingHeader("Review mistakes", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (size_t i = 0; i < view.score->mistakes.size(); ++i) {
            const auto& m = view.score->mistakes[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TextWrapped("%s", m.prompt.c_str());
            ImGui::TextDisabled("  you: %s   answer: %s", m.given.c_str(), m.expected.c_str());
            ImGui::PopID();
        }
    }
    ImGui::End();
    return out;
}

} // namespace myoatlas::ui
