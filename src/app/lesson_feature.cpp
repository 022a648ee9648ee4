#include "app/lesson_feature.h"

#include "app/handout_command.h"
#include "core/error.h"
#include "core/log.h"
#include "scene/options.h"
#include "ui/lesson_panel.h"

#include <algorithm>

namespace myoatlas::app {

void LessonFeature::apply(const scene::LessonEdit& edit, ui::UiState& ui, const scene::AppState& state,
                          scene::Commands& out) {
    const auto r = session_.apply(edit, state, out);
    if (r.status)
        ui.status = *r.status;
    if (r.failed)
        out.push(scene::SetShellFlag{scene::ShellFlag::LessonPanel, true}); // it says why
    if (r.opened) {
        ui.lessonTitleEdit = session_.lesson()->title;
        if (!session_.path().empty())
            ui.lessonPath = session_.path().string();
    }
    if (r.stepsChanged)
        ui.editedStep = -1;
}

void LessonFeature::markModes(scene::InputModes& modes, const scene::AppState& state) const {
    (void)state;
    modes.lesson = session_.playing() && session_.steps() > 0;
}

bool LessonFeature::onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) {
    return action.mode == scene::InputMode::Lesson && session_.onAction(action.action, state, out);
}

void LessonFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    const scene::AppState& state = *model.state;
    if (pendingOpen_) {
        auto [path, play] = *pendingOpen_;
        pendingOpen_.reset();
        apply({scene::LessonEditKind::Open, -1, 0, play ? 1.0f : 0.0f, path.string()}, ui, state, out);
    }
    if (session_.playing() && (model.shell().patient || model.shell().quiz))
        session_.stop(out); // one mode at a time: the mode switch then clears what the step showed
    if (!model.shell().lessonPanel || !model.shell().expertPanels())
        return;
    ui::LessonView view;
    view.lesson = session_.lesson() ? &*session_.lesson() : nullptr;
    view.current = session_.current();
    view.playing = session_.playing();
    view.dirty = session_.dirty();
    view.path = session_.path().string();
    view.missing = session_.missing();
    for (const auto& a : ui::drawLessonPanel(model, ui, view, out))
        apply(a, ui, state, out);
}

void renderLessonStep(FeatureContext& context, const RenderRequest& request, const std::filesystem::path& path,
                      int step) {
    auto lesson = scene::loadLesson(path);
    if (step < 1 || step > static_cast<int>(lesson.steps.size()))
        throw core::UsageError("--step " + std::to_string(step) + ": " + path.string() + " has " +
                               std::to_string(lesson.steps.size()) + " steps (numbered from 1)");
    auto [w, h] = scene::parseSize(request.size);
    scene::AppState state;
    state.viewportAspect = static_cast<float>(w) / static_cast<float>(h);
    auto resolved = scene::resolveStep(lesson.steps[static_cast<size_t>(step - 1)], context.body, state.viewportAspect);
    for (const auto& m : resolved.missing)
        core::logWarn(path.string() + ": step " + std::to_string(step) + ": '" + m + "' is not on this body");
    if (!context.atlas && (!resolved.view.triggerPoints.empty() || !resolved.view.lines.empty()))
        core::logWarn("the atlas did not load; trigger points and lines are not drawn: " + context.atlasError);
    scene::apply(state, context.body, scene::SetViewState{resolved.view});
    OffscreenOptions options;
    options.width = w;
    options.height = h;
    options.supersample = request.supersample;
    options.time = resolved.view.heatTime; // the step's own camera stays: no feature framing
    auto image = renderOffscreen(context, state, options);
    io::writePng(request.output, image);
    core::logInfo("lesson \"" + lesson.title + "\" step " + std::to_string(step) + " -> " + request.output.string());
}

} // namespace myoatlas::app
