#pragma once
// One sitting of the quiz, GL-free: questions asked in turn (one kind, or the kinds mixed in rotation), staged on the
// body, each answer checked once, its verdict kept until the next question. The progress saved across sittings is
// the app's: every answer is handed back to be recorded there.
#include "scene/app_state.h"
#include "scene/atlas_context.h"
#include "scene/commands.h"
#include "scene/quiz.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace myoatlas::scene {

struct QuizAnswer {
    QuizKind kind = QuizKind::NameMuscle;
    std::string prompt, given, expected;
    bool right = false;
    int bestStreak = 0; // of this sitting, after the answer
};

class QuizSession {
public:
    // Without an atlas there is nothing to ask: `available()` is false and `ask` does nothing.
    QuizSession(const AtlasContext& context, uint32_t seed);
    QuizSession(const QuizSession&) = delete;
    QuizSession& operator=(const QuizSession&) = delete;
    ~QuizSession();

    [[nodiscard]] bool available() const { return generator_ != nullptr; }
    // The next question, staged on the body (what it shows, the layers it needs, the camera).
    void ask(const AppState& state, Commands& out);
    // Checks an answer to the question on screen; nothing when there is none or it was answered already.
    std::optional<QuizAnswer> answer(std::string_view given);
    // Leaving the quiz: the question goes (what it showed on the body is cleared by the mode switch).
    void clearQuestion() { question_.reset(); }
    void resetScore() { score_ = {}; }
    void setMultipleChoice(bool on) { multipleChoice_ = on; }
    void setKind(int kind) { kind_ = kind; } // index into kAllQuizKinds; -1 mixed

    [[nodiscard]] const QuizQuestion* question() const { return question_ ? &*question_ : nullptr; }
    [[nodiscard]] const QuizScore& score() const { return score_; }
    [[nodiscard]] bool answered() const { return answered_; }
    // A question is on screen and its answer not given yet (names stay hidden then).
    [[nodiscard]] bool awaitingAnswer() const { return question_.has_value() && !answered_; }
    [[nodiscard]] std::optional<bool> lastCorrect() const { return lastCorrect_; }
    [[nodiscard]] const std::string& lastExpected() const { return lastExpected_; }
    [[nodiscard]] bool multipleChoice() const { return multipleChoice_; }
    [[nodiscard]] int kind() const { return kind_; }

private:
    const AtlasContext& context_;
    std::unique_ptr<QuizGenerator> generator_;
    std::optional<QuizQuestion> question_;
    QuizScore score_;
    std::optional<bool> lastCorrect_;
    std::string lastExpected_;
    bool answered_ = false, multipleChoice_ = true;
    int kind_ = -1;
    int askedCount_ = 0;
};

} // namespace myoatlas::scene
