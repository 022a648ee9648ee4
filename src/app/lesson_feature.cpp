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
    auto [w, h] = scene::parseSize(request.size);
    auto still = scene::lessonStill(path, step, context, static_cast<float>(w) / static_cast<float>(h));
    for (const auto& warning : still.warnings)
        core::logWarn(warning);
    OffscreenOptions options;
    options.width = w;
    options.height = h;
    options.supersample = request.supersample;
    options.time = still.state.view.heatTime; // the step's own camera stays: no feature framing
    io::writePng(request.output, renderOffscreen(context, still.state, options));
    core::logInfo("lesson \"" + still.title + "\" step " + std::to_string(step) + " -> " + request.output.string());
}

} // namespace myoatlas::app
