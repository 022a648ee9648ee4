#pragma once
// Lessons in the program: the editor and player panel, the clicker keys while a lesson plays, smooth camera moves
// between steps, and `myoatlas render --lesson FILE --step N`.
#include "app/feature.h"
#include "app/render_command.h"
#include "scene/lesson.h"
#include "scene/lesson_session.h"

#include <filesystem>
#include <optional>
#include <string>

namespace myoatlas::app {

class LessonFeature : public Feature {
public:
    explicit LessonFeature(FeatureContext& context) : context_(context), session_(context.body) {}
    [[nodiscard]] std::string_view name() const override { return "lessons"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    void markModes(scene::InputModes& modes, const scene::AppState& state) const override;
    bool onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) override;

    // Opens a lesson at the next frame; with `play`, shows its first step and takes the clicker keys.
    void requestOpen(const std::filesystem::path& path, bool play) { pendingOpen_ = {path, play}; }
    [[nodiscard]] bool playing() const { return session_.playing(); }
    [[nodiscard]] const std::optional<scene::Lesson>& lesson() const { return session_.lesson(); }
    [[nodiscard]] int current() const { return session_.current(); }
    [[nodiscard]] const std::filesystem::path& path() const { return session_.path(); }
    // "Step 3 / 7" while playing, else empty.
    [[nodiscard]] std::string progressText() const { return session_.progressText(); }

private:
    // A request of the panel (or --lesson) carried out by the session; the panel's buffers follow the outcome.
    void apply(const scene::LessonEdit& edit, ui::UiState& ui, const scene::AppState& state, scene::Commands& out);

    FeatureContext& context_;
    scene::LessonSession session_;
    std::optional<std::pair<std::filesystem::path, bool>> pendingOpen_;
};

// `render --lesson FILE --step N` (N from 1): the step's view rendered headless into request.output.
void renderLessonStep(FeatureContext& context, const RenderRequest& request, const std::filesystem::path& lesson,
                      int step);

} // namespace myoatlas::app
