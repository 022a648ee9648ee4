#include "app/lesson_feature.h"

#include "app/handout_command.h"
#include "core/error.h"
#include "core/log.h"
#include "scene/options.h"
#include "ui/lesson_panel.h"

#include <algorithm>

namespace myoatlas::app {

void LessonFeature::open(const std::filesystem::path& path, bool play, ui::UiState& ui, const scene::AppState& state,
                         scene::Commands& out) {
    try {
        session_.open(path, play, state, out);
    } catch (const core::Error& e) {
        // A bad file never takes the program down: the panel shows why, the scene stays as it was.
        ui.status = e.what();
        out.push(scene::SetShellFlag{scene::ShellFlag::LessonPanel, true});
        core::logError(e.what());
        return;
    }
    const auto& lesson = *session_.lesson();
    ui.lessonPath = path.string();
    ui.lessonTitleEdit = lesson.title;
    ui.editedStep = -1;
    ui.status = "Opened \"" + lesson.title + "\" (" + std::to_string(lesson.steps.size()) + " steps)";
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
        open(path, play, ui, state, out);
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
    for (const auto& a : ui::drawLessonPanel(model, ui, view, out)) {
        using K = ui::LessonActionKind;
        switch (a.kind) {
        case K::New:
            session_.startNew("Untitled lesson");
            ui.lessonTitleEdit = session_.lesson()->title;
            ui.status = "New lesson: set up a view and press \"Add this view as a step\".";
            break;
        case K::Open:
            if (a.text.empty())
                ui.status = "Type the path of a lesson file first.";
            else
                open(a.text, false, ui, state, out);
            break;
        case K::Save:
            if (!session_.lesson())
                break;
            if (a.text.empty()) {
                ui.status = "Type a path to save to (e.g. ~/lessons/neck.json).";
                break;
            }
            try {
                session_.save(a.text);
                ui.status = "Saved " + a.text;
            } catch (const core::Error& e) {
                ui.status = std::string("Not saved: ") + e.what();
            }
            break;
        case K::SetTitle:
            session_.setTitle(a.text);
            break;
        case K::AddStep:
            session_.addStep(a.step, state);
            break;
        case K::ReplaceStep:
            session_.replaceStep(a.step, state);
            break;
        case K::DeleteStep:
            if (session_.deleteStep(a.step))
                ui.editedStep = -1;
            break;
        case K::MoveStep:
            if (session_.moveStep(a.step, a.delta))
                ui.editedStep = -1;
            break;
        case K::GoTo:
            session_.show(a.step, state, out, true);
            break;
        case K::SetCaption:
            session_.setCaption(a.step, a.text, out);
            break;
        case K::SetTransition:
            session_.setTransition(a.step, a.value);
            break;
        case K::Play:
            session_.play(a.step, state, out);
            break;
        case K::Stop:
            session_.stop(out);
            break;
        case K::Next:
            session_.show(std::min(session_.current() + 1, session_.steps() - 1), state, out, true);
            break;
        case K::Previous:
            session_.show(std::max(session_.current() - 1, 0), state, out, true);
            break;
        }
    }
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
