#pragma once
// Quiz mode: the sitting (scene::QuizSession: questions on the body, answers checked, the score) in its panel, and
// the progress saved across sittings (io::QuizProgress, persisted with the settings by the app).
#include "app/feature.h"
#include "io/settings.h"
#include "scene/quiz_session.h"

namespace myoatlas::app {

class QuizFeature : public Feature {
public:
    explicit QuizFeature(FeatureContext& context);
    [[nodiscard]] std::string_view name() const override { return "quiz"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;

    void setProgress(const io::QuizProgress& p) { progress_ = p; }
    [[nodiscard]] const io::QuizProgress& progress() const { return progress_; }
    // A question is on screen and its answer not given yet (names stay hidden then).
    [[nodiscard]] bool awaitingAnswer() const { return session_.awaitingAnswer(); }
    // Changes whenever the progress does (the app saves it then).
    [[nodiscard]] uint64_t progressVersion() const { return progressVersion_; }

private:
    FeatureContext& context_;
    scene::QuizSession session_;
    io::QuizProgress progress_;
    uint64_t progressVersion_ = 0;
    bool wasShown_ = false;
};

} // namespace myoatlas::app
