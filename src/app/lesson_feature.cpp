#include "app/lesson_feature.h"

#include "app/handout_command.h"
#include "core/error.h"
#include "core/log.h"
#include "scene/options.h"
#include "ui/lesson_panel.h"

#include <imgui.h>

namespace myoatlas::app {

std::string LessonFeature::progressText() const {
    if (!lesson_ || current_ < 0)
        return {};
    return "Step " + std::to_string(current_ + 1) + " / " + std::to_string(lesson_->steps.size());
}

void LessonFeature::show(int step, const scene::AppState& state, scene::Commands& out, bool animate) {
    if (!lesson_ || step < 0 || step >= static_cast<int>(lesson_->steps.size()))
        return;
    current_ = step;
    const auto& s = lesson_->steps[static_cast<size_t>(step)];
    auto resolved = scene::resolveStep(s, context_.body, state.viewportAspect);
    missing_ = resolved.missing;
    for (const auto& m : missing_)
        core::logWarn("lesson step " + std::to_string(step + 1) + ": '" + m + "' is not on this body");
    scene::CameraPose target = resolved.view.camera;
    if (animate && s.transitionSeconds > 0.0f) {
        // The new view at the old camera, then a smooth move to the step's camera.
        resolved.view.camera = state.view.camera;
        out.push(scene::SetViewState{std::move(resolved.view)});
        out.push(scene::AnimateCamera{target, s.transitionSeconds});
    } else {
        out.push(scene::SetViewState{std::move(resolved.view)});
        out.push(scene::AnimateCamera{target, 0.0f});
    }
}

void LessonFeature::open(const std::filesystem::path& path, bool play, ui::UiState& ui, const scene::AppState& state,
                         scene::Commands& out) {
    try {
        lesson_ = scene::loadLesson(path);
    } catch (const core::Error& e) {
        // A bad file never takes the program down: the panel shows why, the scene stays as it was.
        ui.status = e.what();
        ui.showLesson = true;
        core::logError(e.what());
        return;
    }
    path_ = path;
    ui.lessonPath = path.string();
    ui.lessonTitleEdit = lesson_->title;
    ui.editedStep = -1;
    ui.status = "Opened \"" + lesson_->title + "\" (" + std::to_string(lesson_->steps.size()) + " steps)";
    dirty_ = false;
    current_ = -1;
    if (play && !lesson_->steps.empty()) {
        playing_ = true;
        out.push(scene::SetLessonActive{true});
        show(0, state, out, false);
    }
}

void LessonFeature::stop(scene::Commands& out) {
    playing_ = false;
    out.push(scene::SetLessonActive{false});
}

void LessonFeature::markModes(scene::InputModes& modes, const scene::AppState& state) const {
    (void)state;
    modes.lesson = playing_ && lesson_ && !lesson_->steps.empty();
}

bool LessonFeature::onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) {
    if (action.mode != scene::InputMode::Lesson || !playing_ || !lesson_ || lesson_->steps.empty())
        return false;
    const int last = static_cast<int>(lesson_->steps.size()) - 1;
    switch (action.action) {
    case scene::Action::Next:
        show(std::min(current_ + 1, last), state, out, true);
        return true;
    case scene::Action::Previous:
        show(std::max(current_ - 1, 0), state, out, true);
        return true;
    case scene::Action::First:
        show(0, state, out, true);
        return true;
    case scene::Action::Last:
        show(last, state, out, true);
        return true;
    case scene::Action::Leave:
        stop(out);
        return true;
    default:
        return false;
    }
}

void LessonFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    const scene::AppState& state = *model.state;
    if (pendingOpen_) {
        auto [path, play] = *pendingOpen_;
        pendingOpen_.reset();
        open(path, play, ui, state, out);
    }
    if (playing_ && (ui.patientMode || ui.showQuiz))
        stop(out); // one mode at a time: the mode switch then clears what the step showed
    if (!ui.showLesson || !ui.expertPanels())
        return;
    ui::LessonView view;
    view.lesson = lesson_ ? &*lesson_ : nullptr;
    view.current = current_;
    view.playing = playing_;
    view.dirty = dirty_;
    view.path = path_.string();
    view.missing = missing_;
    for (const auto& a : ui::drawLessonPanel(model, ui, view)) {
        using K = ui::LessonActionKind;
        switch (a.kind) {
        case K::New:
            lesson_ = scene::Lesson{"Untitled lesson", {}, {}};
            ui.lessonTitleEdit = lesson_->title;
            current_ = -1;
            dirty_ = true;
            ui.status = "New lesson: set up a view and press \"Add this view as a step\".";
            break;
        case K::Open:
            if (a.text.empty())
                ui.status = "Type the path of a lesson file first.";
            else
                open(a.text, false, ui, state, out);
            break;
        case K::Save:
            if (!lesson_)
                break;
            if (a.text.empty()) {
                ui.status = "Type a path to save to (e.g. ~/lessons/neck.json).";
                break;
            }
            try {
                scene::saveLesson(a.text, *lesson_);
                path_ = a.text;
                dirty_ = false;
                ui.status = "Saved " + a.text;
            } catch (const core::Error& e) {
                ui.status = std::string("Not saved: ") + e.what();
            }
            break;
        case K::SetTitle:
            if (lesson_ && lesson_->title != a.text) {
                lesson_->title = a.text;
                dirty_ = true;
            }
            break;
        case K::AddStep: {
            if (!lesson_)
                break;
            auto step = scene::stepFromView(state.view, context_.body);
            int at = a.step < 0 ? static_cast<int>(lesson_->steps.size()) : a.step + 1;
            lesson_->steps.insert(lesson_->steps.begin() + at, std::move(step));
            current_ = at;
            dirty_ = true;
            break;
        }
        case K::ReplaceStep:
            if (lesson_ && a.step >= 0 && a.step < static_cast<int>(lesson_->steps.size())) {
                auto step = scene::stepFromView(state.view, context_.body);
                auto& old = lesson_->steps[static_cast<size_t>(a.step)];
                step.caption = old.caption;
                step.transitionSeconds = old.transitionSeconds;
                old = std::move(step);
                dirty_ = true;
            }
            break;
        case K::DeleteStep:
            if (lesson_ && a.step >= 0 && a.step < static_cast<int>(lesson_->steps.size())) {
                lesson_->steps.erase(lesson_->steps.begin() + a.step);
                current_ = std::min(a.step, static_cast<int>(lesson_->steps.size()) - 1);
                ui.editedStep = -1;
                dirty_ = true;
            }
            break;
        case K::MoveStep: {
            int to = a.step + a.delta;
            if (lesson_ && a.step >= 0 && to >= 0 && to < static_cast<int>(lesson_->steps.size())) {
                std::swap(lesson_->steps[static_cast<size_t>(a.step)], lesson_->steps[static_cast<size_t>(to)]);
                current_ = to;
                ui.editedStep = -1;
                dirty_ = true;
            }
            break;
        }
        case K::GoTo:
            show(a.step, state, out, true);
            break;
        case K::SetCaption:
            if (lesson_ && a.step >= 0 && a.step < static_cast<int>(lesson_->steps.size())) {
                auto& s = lesson_->steps[static_cast<size_t>(a.step)];
                s.caption = a.text;
                s.view.caption = a.text;
                dirty_ = true;
                if (a.step == current_)
                    out.push(scene::SetCaption{a.text});
            }
            break;
        case K::SetTransition:
            if (lesson_ && a.step >= 0 && a.step < static_cast<int>(lesson_->steps.size())) {
                lesson_->steps[static_cast<size_t>(a.step)].transitionSeconds = a.value;
                dirty_ = true;
            }
            break;
        case K::Play:
            playing_ = true;
            out.push(scene::SetLessonActive{true});
            show(a.step, state, out, true);
            break;
        case K::Stop:
            stop(out);
            break;
        case K::Next:
            if (lesson_ && !lesson_->steps.empty())
                show(std::min(current_ + 1, static_cast<int>(lesson_->steps.size()) - 1), state, out, true);
            break;
        case K::Previous:
            if (lesson_ && !lesson_->steps.empty())
                show(std::max(current_ - 1, 0), state, out, true);
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
