#pragma once
// Quiz mode for students: questions drawn from the atlas, tolerant answer matching, score and mistakes. GL-free and
// body-free: the quiz feature shows the question on the body (highlight, heat map).
#include "anatomy/atlas.h"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::scene {

enum class QuizKind : uint8_t {
    NameMuscle,         // "Name the highlighted muscle"
    TriggerPointSource, // "Which muscle's trigger point refers pain here?" (a heat map is shown)
    MuscleLine,         // "Which Anatomy Trains line does this muscle belong to?"
};
inline constexpr QuizKind kAllQuizKinds[] = {QuizKind::NameMuscle, QuizKind::TriggerPointSource, QuizKind::MuscleLine};
[[nodiscard]] std::string_view quizKindName(QuizKind k);  // "name_muscle", ...
[[nodiscard]] std::string_view quizKindLabel(QuizKind k); // "Name the muscle"

struct QuizQuestion {
    QuizKind kind = QuizKind::NameMuscle;
    std::string prompt;
    std::string muscleId;                // the muscle shown (NameMuscle, MuscleLine) or asked for (TriggerPoint)
    std::string trpId;                   // TriggerPointSource: the pattern shown
    std::string side = "right";          // side shown
    std::string answer;                  // the correct answer as displayed
    std::vector<std::string> accepted;   // every accepted spelling (typed answers)
    std::vector<std::string> choices;    // multiple choice, shuffled; one of them is `answer`
    std::vector<std::string> allAnswers; // MuscleLine: every correct line name (a muscle may lie on several)
};

// Lower case, punctuation and parentheses' content dropped, side words ("left", "right", "l", "r") and filler words
// ("muscle", "the", "m") removed, spaces collapsed.
[[nodiscard]] std::string normalizeAnswer(std::string_view text);
[[nodiscard]] size_t editDistance(std::string_view a, std::string_view b);
// True when `given` matches one of `accepted` after normalisation, allowing small typos word by word: none in words
// of up to 4 letters, 1 up to 8, 2 beyond.
[[nodiscard]] bool answerMatches(std::string_view given, const std::vector<std::string>& accepted);

// Every name a student may type for a muscle: its atlas name, the name without parentheses, its id in words, each
// part of "A and B" names, and common synonyms ("lats", "QL", "SCM", "glute med", ...).
[[nodiscard]] std::vector<std::string> acceptedMuscleNames(const anatomy::Muscle& muscle);
// Same for a line: "SBL", "Superficial Back Line", "back line"...
[[nodiscard]] std::vector<std::string> acceptedLineNames(const anatomy::FascialLine& line);
// A muscle's display name without the parenthetical detail: "Upper trapezius".
[[nodiscard]] std::string shortMuscleName(const anatomy::Muscle& muscle);

struct QuizMistake {
    QuizKind kind = QuizKind::NameMuscle;
    std::string prompt, given, expected;
};

// Questions from an atlas, reproducible for a seed.
class QuizGenerator {
public:
    QuizGenerator(const anatomy::Atlas& atlas, uint32_t seed);
    [[nodiscard]] QuizQuestion next(QuizKind kind, size_t choiceCount = 4);

private:
    const anatomy::Atlas& atlas_;
    std::mt19937 rng_;
    std::vector<const anatomy::Muscle*> withMesh_, withLines_;
    std::vector<const anatomy::TriggerPoint*> trps_;
};

// Score and mistakes of one sitting.
struct QuizScore {
    int asked = 0, correct = 0, streak = 0, bestStreak = 0;
    std::vector<QuizMistake> mistakes;
    // Checks a typed or chosen answer, records it and returns whether it was right.
    bool answer(const QuizQuestion& q, std::string_view given);
};

} // namespace myoatlas::scene
