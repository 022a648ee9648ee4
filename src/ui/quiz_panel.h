#pragma once
// Quiz panel: the question, multiple-choice buttons or a typed answer, the verdict, score and the review of mistakes.
#include "scene/quiz.h"
#include "ui/ui_model.h"

#include <optional>
#include <string>
#include <vector>

namespace myoatlas::ui {

struct QuizView {
    const scene::QuizQuestion* question = nullptr; // nullptr: none asked yet
    const scene::QuizScore* score = nullptr;       // this sitting
    int totalAsked = 0, totalCorrect = 0;          // all sittings (saved progress)
    std::optional<bool> lastCorrect;               // verdict on the question just answered
    std::string lastExpected;
    bool answered = false; // the current question has been answered (show verdict, wait for Next)
    bool multipleChoice = true;
    int kind = 0; // index into scene::kAllQuizKinds; -1 mixed
};

enum class QuizActionKind { Next, Answer, SetMode, SetKind, ResetProgress };
struct QuizAction {
    QuizActionKind kind;
    std::string text; // Answer
    int value = 0;    // SetMode: 1 multiple choice, 0 typed; SetKind
};

std::vector<QuizAction> drawQuizPanel(const UiModel& model, UiState& ui, const QuizView& view,
                                      scene::Commands& commands);

} // namespace myoatlas::ui
