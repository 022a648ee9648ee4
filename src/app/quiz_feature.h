#pragma once
// Quiz mode: asks questions on the body (highlighted muscle, referred-pain heat map), checks answers, keeps the
// score and the saved progress (io::QuizProgress, persisted with the settings by the app).
#include "app/feature.h"
#include "io/settings.h"
#include "scene/quiz.h"

#include <memory>
#include <optional>

namespace myoatlas::app {

class QuizFeature : public Feature {
public:
    explicit QuizFeature(FeatureContext& context);
    [[nodiscard]] std::string_view name() const override { return "quiz"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;

    void setProgress(const io::QuizProgress& p) { progress_ = p; }
    [[nodiscard]] const io::QuizProgress& progress() const { return progress_; }
    // A question is on screen and its answer not given yet (names stay hidden then).
    [[nodiscard]] bool awaitingAnswer() const { return question_.has_value() && !answered_; }
    // Changes whenever the progress does (the app saves it then).
    [[nodiscard]] uint64_t progressVersion() const { return progressVersion_; }

private:
    void ask(const scene::AppState& state, scene::Commands& out);
    void record(bool right, std::string_view given);

    FeatureContext& context_;
    std::unique_ptr<scene::QuizGenerator> generator_;
    std::optional<scene::QuizQuestion> question_;
    scene::QuizScore score_;
    io::QuizProgress progress_;
    uint64_t progressVersion_ = 0;
    std::optional<bool> lastCorrect_;
    std::string lastExpected_;
    bool answered_ = false, multipleChoice_ = true, wasShown_ = false;
    int kind_ = -1; // -1 mixed
    int askedCount_ = 0;
};

} // namespace myoatlas::app
