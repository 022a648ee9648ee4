#include "scene/quiz_session.h"

#include "scene/quiz_stage.h"

#include <iterator>

namespace myoatlas::scene {

QuizSession::QuizSession(const AtlasContext& context, uint32_t seed) : context_(context) {
    if (context.atlas)
        generator_ = std::make_unique<QuizGenerator>(*context.atlas, seed);
}

QuizSession::~QuizSession() = default;

void QuizSession::ask(const AppState& state, Commands& out) {
    if (!generator_)
        return;
    constexpr int kinds = static_cast<int>(std::size(kAllQuizKinds));
    const QuizKind kind = kind_ >= 0 && kind_ < kinds ? kAllQuizKinds[kind_] : kAllQuizKinds[askedCount_ % kinds];
    ++askedCount_;
    question_ = generator_->next(kind);
    answered_ = false;
    lastCorrect_.reset();
    stageQuizQuestion(*question_, context_, state, out);
}

std::optional<QuizAnswer> QuizSession::answer(std::string_view given) {
    if (!question_ || answered_)
        return std::nullopt;
    const bool right = score_.answer(*question_, given);
    lastCorrect_ = right;
    lastExpected_ = right ? question_->answer : score_.mistakes.back().expected;
    answered_ = true;
    return QuizAnswer{question_->kind, question_->prompt, std::string(given), lastExpected_, right, score_.bestStreak};
}

} // namespace myoatlas::scene
