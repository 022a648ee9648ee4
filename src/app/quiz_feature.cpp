#include "app/quiz_feature.h"

#include "scene/quiz_stage.h"
#include "ui/quiz_panel.h"

#include <chrono>

namespace myoatlas::app {

QuizFeature::QuizFeature(FeatureContext& context) : context_(context) {
    if (context.atlas)
        generator_ = std::make_unique<scene::QuizGenerator>(
            *context.atlas, static_cast<uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
}

void QuizFeature::ask(const scene::AppState& state, scene::Commands& out) {
    if (!generator_)
        return;
    auto kind = kind_ >= 0 ? scene::kAllQuizKinds[kind_] : scene::kAllQuizKinds[askedCount_ % 3];
    ++askedCount_;
    question_ = generator_->next(kind);
    answered_ = false;
    lastCorrect_.reset();
    scene::stageQuizQuestion(*question_, context_, state, out);
}

void QuizFeature::record(bool right, std::string_view given) {
    auto& p = progress_;
    ++p.asked;
    auto& k = p.byKind[std::string(scene::quizKindName(question_->kind))];
    ++k.first;
    if (right) {
        ++p.correct;
        ++k.second;
    } else {
        p.recentMistakes.push_back({std::string(scene::quizKindName(question_->kind)), question_->prompt,
                                    std::string(given), score_.mistakes.back().expected});
        if (p.recentMistakes.size() > io::QuizProgress::kMaxMistakes)
            p.recentMistakes.erase(p.recentMistakes.begin());
    }
    p.bestStreak = std::max(p.bestStreak, score_.bestStreak);
    ++progressVersion_;
}

void QuizFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!model.shell().quiz || model.shell().presentation) {
        if (wasShown_ && !model.shell().quiz)
            question_.reset(); // what it showed on the body is cleared by the app's mode switch
        wasShown_ = model.shell().quiz;
        return;
    }
    wasShown_ = true;
    if (!generator_) {
        ui.status = "The quiz needs the atlas: " + context_.atlasError;
        return;
    }
    if (!question_)
        ask(*model.state, out); // entering the quiz puts the first question up at once
    ui::QuizView view;
    view.question = question_ ? &*question_ : nullptr;
    view.score = &score_;
    view.totalAsked = progress_.asked;
    view.totalCorrect = progress_.correct;
    view.lastCorrect = lastCorrect_;
    view.lastExpected = lastExpected_;
    view.answered = answered_;
    view.multipleChoice = multipleChoice_;
    view.kind = kind_;
    for (const auto& a : ui::drawQuizPanel(model, ui, view, out)) {
        switch (a.kind) {
        case ui::QuizActionKind::Next:
            ask(*model.state, out);
            break;
        case ui::QuizActionKind::Answer:
            if (question_ && !answered_) {
                bool right = score_.answer(*question_, a.text);
                lastCorrect_ = right;
                lastExpected_ = right ? question_->answer : score_.mistakes.back().expected;
                answered_ = true;
                record(right, a.text);
            }
            break;
        case ui::QuizActionKind::SetMode:
            multipleChoice_ = a.value != 0;
            break;
        case ui::QuizActionKind::SetKind:
            kind_ = a.value;
            break;
        case ui::QuizActionKind::ResetProgress:
            progress_ = {};
            score_ = {};
            ++progressVersion_;
            break;
        }
    }
}

} // namespace myoatlas::app
