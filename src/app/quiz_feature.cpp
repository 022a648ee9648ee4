#include "app/quiz_feature.h"

#include "ui/quiz_panel.h"

#include <chrono>

namespace myoatlas::app {

QuizFeature::QuizFeature(FeatureContext& context)
    : context_(context),
      session_(context, static_cast<uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count())) {}

void QuizFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!model.shell().quiz || model.shell().presentation) {
        if (wasShown_ && !model.shell().quiz)
            session_.clearQuestion(); // what it showed on the body is cleared by the app's mode switch
        wasShown_ = model.shell().quiz;
        return;
    }
    wasShown_ = true;
    if (!session_.available()) {
        ui.status = "The quiz needs the atlas: " + context_.atlasError;
        return;
    }
    if (!session_.question())
        session_.ask(*model.state, out); // entering the quiz puts the first question up at once
    ui::QuizView view;
    view.question = session_.question();
    view.score = &session_.score();
    view.totalAsked = progress_.asked;
    view.totalCorrect = progress_.correct;
    view.lastCorrect = session_.lastCorrect();
    view.lastExpected = session_.lastExpected();
    view.answered = session_.answered();
    view.multipleChoice = session_.multipleChoice();
    view.kind = session_.kind();
    for (const auto& a : ui::drawQuizPanel(model, ui, view, out)) {
        switch (a.kind) {
        case ui::QuizActionKind::Next:
            session_.ask(*model.state, out);
            break;
        case ui::QuizActionKind::Answer:
            if (auto answer = session_.answer(a.text)) {
                const std::string kind(scene::quizKindName(answer->kind));
                progress_.record(kind, answer->right, {kind, answer->prompt, answer->given, answer->expected},
                                 answer->bestStreak);
                ++progressVersion_;
            }
            break;
        case ui::QuizActionKind::SetMode:
            session_.setMultipleChoice(a.value != 0);
            break;
        case ui::QuizActionKind::SetKind:
            session_.setKind(a.value);
            break;
        case ui::QuizActionKind::ResetProgress:
            progress_ = {};
            session_.resetScore();
            ++progressVersion_;
            break;
        }
    }
}

} // namespace myoatlas::app
