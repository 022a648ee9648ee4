#include "scene/lesson_session.h"

#include "core/error.h"
#include "core/log.h"

#include <algorithm>
#include <utility>

namespace myoatlas::scene {

std::string LessonSession::progressText() const {
    if (!lesson_ || current_ < 0)
        return {};
    return "Step " + std::to_string(current_ + 1) + " / " + std::to_string(lesson_->steps.size());
}

void LessonSession::open(const std::filesystem::path& path, bool play, const AppState& state, Commands& out) {
    Lesson loaded = loadLesson(path); // throws before anything changes
    lesson_ = std::move(loaded);
    path_ = path;
    dirty_ = false;
    current_ = -1;
    if (play && !lesson_->steps.empty())
        this->play(0, state, out, false);
}

void LessonSession::save(const std::filesystem::path& path) {
    if (!lesson_)
        return;
    saveLesson(path, *lesson_);
    path_ = path;
    dirty_ = false;
}

void LessonSession::startNew(const std::string& title) {
    lesson_ = Lesson{title, {}, {}};
    current_ = -1;
    dirty_ = true;
}

void LessonSession::show(int step, const AppState& state, Commands& out, bool animate) {
    if (!valid(step))
        return;
    current_ = step;
    const auto& s = lesson_->steps[static_cast<size_t>(step)];
    auto resolved = resolveStep(s, body_, state.viewportAspect);
    missing_ = resolved.missing;
    for (const auto& m : missing_)
        core::logWarn("lesson step " + std::to_string(step + 1) + ": '" + m + "' is not on this body");
    CameraPose target = resolved.view.camera;
    // The new view at the old camera, then a smooth move to the step's camera (or a cut).
    const bool smooth = animate && s.transitionSeconds > 0.0f;
    if (smooth)
        resolved.view.camera = state.view.camera;
    out.push(SetViewState{std::move(resolved.view)});
    out.push(AnimateCamera{target, smooth ? s.transitionSeconds : 0.0f});
}

void LessonSession::play(int step, const AppState& state, Commands& out, bool animate) {
    playing_ = true;
    out.push(SetLessonActive{true});
    show(step, state, out, animate);
}

void LessonSession::stop(Commands& out) {
    playing_ = false;
    out.push(SetLessonActive{false});
}

bool LessonSession::onAction(Action action, const AppState& state, Commands& out) {
    if (!playing_ || steps() == 0)
        return false;
    const int last = steps() - 1;
    switch (action) {
    case Action::Next:
        show(std::min(current_ + 1, last), state, out, true);
        return true;
    case Action::Previous:
        show(std::max(current_ - 1, 0), state, out, true);
        return true;
    case Action::First:
        show(0, state, out, true);
        return true;
    case Action::Last:
        show(last, state, out, true);
        return true;
    case Action::Leave:
        stop(out);
        return true;
    default:
        return false;
    }
}

void LessonSession::setTitle(const std::string& title) {
    if (lesson_ && lesson_->title != title) {
        lesson_->title = title;
        dirty_ = true;
    }
}

void LessonSession::addStep(int after, const AppState& state) {
    if (!lesson_)
        return;
    const int at = after < 0 ? steps() : std::min(after + 1, steps());
    lesson_->steps.insert(lesson_->steps.begin() + at, stepFromView(state.view, body_));
    current_ = at;
    dirty_ = true;
}

void LessonSession::replaceStep(int step, const AppState& state) {
    if (!valid(step))
        return;
    auto fresh = stepFromView(state.view, body_);
    auto& old = lesson_->steps[static_cast<size_t>(step)];
    fresh.caption = old.caption;
    fresh.transitionSeconds = old.transitionSeconds;
    old = std::move(fresh);
    dirty_ = true;
}

bool LessonSession::deleteStep(int step) {
    if (!valid(step))
        return false;
    lesson_->steps.erase(lesson_->steps.begin() + step);
    current_ = std::min(step, steps() - 1);
    dirty_ = true;
    return true;
}

bool LessonSession::moveStep(int step, int delta) {
    const int to = step + delta;
    if (!valid(step) || !valid(to))
        return false;
    std::swap(lesson_->steps[static_cast<size_t>(step)], lesson_->steps[static_cast<size_t>(to)]);
    current_ = to;
    dirty_ = true;
    return true;
}

void LessonSession::setCaption(int step, const std::string& caption, Commands& out) {
    if (!valid(step))
        return;
    auto& s = lesson_->steps[static_cast<size_t>(step)];
    s.caption = caption;
    s.view.caption = caption;
    dirty_ = true;
    if (step == current_)
        out.push(SetCaption{caption});
}

void LessonSession::setTransition(int step, float seconds) {
    if (!valid(step))
        return;
    lesson_->steps[static_cast<size_t>(step)].transitionSeconds = seconds;
    dirty_ = true;
}

LessonEditOutcome LessonSession::apply(const LessonEdit& a, const AppState& state, Commands& out) {
    using K = LessonEditKind;
    LessonEditOutcome r;
    switch (a.kind) {
    case K::New:
        startNew("Untitled lesson");
        r.opened = true;
        r.status = "New lesson: set up a view and press \"Add this view as a step\".";
        break;
    case K::Open:
        if (a.text.empty()) {
            r.status = "Type the path of a lesson file first.";
            break;
        }
        try {
            open(a.text, a.value != 0.0f, state, out);
        } catch (const core::Error& e) {
            // A bad file never takes the program down: the panel shows why, the scene stays as it was.
            core::logError(e.what());
            r.status = e.what();
            r.failed = true;
            break;
        }
        r.opened = true;
        r.stepsChanged = true;
        r.status = "Opened \"" + lesson_->title + "\" (" + std::to_string(lesson_->steps.size()) + " steps)";
        break;
    case K::Save:
        if (!lesson_)
            break;
        if (a.text.empty()) {
            r.status = "Type a path to save to (e.g. ~/lessons/neck.json).";
            break;
        }
        try {
            save(a.text);
            r.status = "Saved " + a.text;
        } catch (const core::Error& e) {
            r.status = std::string("Not saved: ") + e.what();
            r.failed = true;
        }
        break;
    case K::SetTitle:
        setTitle(a.text);
        break;
    case K::AddStep:
        addStep(a.step, state);
        break;
    case K::ReplaceStep:
        replaceStep(a.step, state);
        break;
    case K::DeleteStep:
        r.stepsChanged = deleteStep(a.step);
        break;
    case K::MoveStep:
        r.stepsChanged = moveStep(a.step, a.delta);
        break;
    case K::GoTo:
        show(a.step, state, out, true);
        break;
    case K::SetCaption:
        setCaption(a.step, a.text, out);
        break;
    case K::SetTransition:
        setTransition(a.step, a.value);
        break;
    case K::Play:
        play(a.step, state, out);
        break;
    case K::Stop:
        stop(out);
        break;
    case K::Next:
        show(std::min(current_ + 1, steps() - 1), state, out, true);
        break;
    case K::Previous:
        show(std::max(current_ - 1, 0), state, out, true);
        break;
    }
    return r;
}

LessonStill lessonStill(const std::filesystem::path& path, int step, const AtlasContext& context, float aspect) {
    const anatomy::Body& body = context.body;
    const Lesson lesson = loadLesson(path);
    if (step < 1 || step > static_cast<int>(lesson.steps.size()))
        throw core::UsageError("--step " + std::to_string(step) + ": " + path.string() + " has " +
                               std::to_string(lesson.steps.size()) + " steps (numbered from 1)");
    LessonStill still;
    still.title = lesson.title;
    still.state.viewportAspect = aspect;
    auto resolved = resolveStep(lesson.steps[static_cast<size_t>(step - 1)], body, aspect);
    for (const auto& m : resolved.missing)
        still.warnings.push_back(path.string() + ": step " + std::to_string(step) + ": '" + m +
                                 "' is not on this body");
    if (!context.atlas && (!resolved.view.triggerPoints.empty() || !resolved.view.lines.empty()))
        still.warnings.push_back("the atlas did not load; trigger points and lines are not drawn: " +
                                 context.atlasError);
    apply(still.state, body, SetViewState{resolved.view});
    return still;
}

} // namespace myoatlas::scene
