#include "app/quiz_feature.h"

#include "ui/quiz_panel.h"

#include <chrono>

namespace myoatlas::app {

QuizFeature::QuizFeature(FeatureContext& context) : context_(context) {
    if (context.atlas)
        generator_ = std::make_unique<scene::QuizGenerator>(
            *context.atlas, static_cast<uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
}

namespace {

// The view as a camera move: it replaces one still running (a lesson's), which would carry the view away.
scene::AnimateCamera faceFrom(scene::ViewName view, const anatomy::Body& body, const scene::AppState& state) {
    scene::Camera camera;
    camera.pose = state.view.camera;
    camera.setView(view, body.skin() ? body.structures[*body.skin()].bounds : body.bounds(), state.viewportAspect);
    return {camera.pose, 0.5f};
}

} // namespace

void QuizFeature::ask(const scene::AppState& state, scene::Commands& out) {
    if (!generator_)
        return;
    auto kind = kind_ >= 0 ? scene::kAllQuizKinds[kind_] : scene::kAllQuizKinds[askedCount_ % 3];
    ++askedCount_;
    question_ = generator_->next(kind);
    answered_ = false;
    lastCorrect_.reset();
    const auto& q = *question_;
    anatomy::Side side = q.side == "left" ? anatomy::Side::Left : anatomy::Side::Right;
    out.push(scene::ClearSelection{});
    out.push(scene::ClearTriggerPoints{});
    out.push(scene::SetCaption{""});
    out.push(scene::ShowAll{});
    const auto& body = context_.body;
    auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
    float midZ = 0.5f * (box.min.z + box.max.z);
    if (q.kind == scene::QuizKind::TriggerPointSource) {
        out.push(scene::ShowTriggerPoint{{q.trpId, q.side}, false});
        scene::ViewName view = scene::ViewName::Posterior;
        if (context_.resolver)
            if (const auto* t = context_.atlas->triggerPoint(q.trpId)) {
                auto r = context_.resolver->triggerPoint(*t, side);
                if (r.ok && r.position.z > midZ)
                    view = scene::ViewName::Anterior;
            }
        out.push(faceFrom(view, body, state));
        return;
    }
    // Highlight the muscle (selection outline) and face it.
    const auto* m = context_.atlas->muscle(q.muscleId);
    if (!m || !context_.resolver)
        return;
    auto resolved = context_.resolver->muscle(*m);
    auto& parts = side == anatomy::Side::Left && !resolved.left.empty() ? resolved.left : resolved.right;
    for (uint32_t s : parts)
        out.push(scene::SelectStructure{s, true, false});
    if (!parts.empty()) {
        auto b = scene::boundsOf(body, parts);
        out.push(faceFrom(0.5f * (b.min.z + b.max.z) > midZ ? scene::ViewName::Anterior : scene::ViewName::Posterior,
                          body, state));
    }
}

void QuizFeature::record(bool right, std::string_view given) {
    auto& p = progress_;
    ++p.asked;
    auto& k = p.byKind[std::string(scene::quizKindName(question_->kind))];
    ++k.first;
    if (right) {
        ++p.correct;
        ++k.second;
    } else {
        p.recentMistakes.push_back({std::string(scene::quizKindName(question_->kind)), question_->prompt,
                                    std::string(given), score_.mistakes.back().expected});
        if (p.recentMistakes.size() > io::QuizProgress::kMaxMistakes)
            p.recentMistakes.erase(p.recentMistakes.begin());
    }
    p.bestStreak = std::max(p.bestStreak, score_.bestStreak);
    ++progressVersion_;
}

void QuizFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!model.shell().quiz || model.shell().presentation) {
        if (wasShown_ && !model.shell().quiz)
            question_.reset(); // what it showed on the body is cleared by the app's mode switch
        wasShown_ = model.shell().quiz;
        return;
    }
    wasShown_ = true;
    if (!generator_) {
        ui.status = "The quiz needs the atlas: " + context_.atlasError;
        return;
    }
    if (!question_)
        ask(*model.state, out); // entering the quiz puts the first question up at once
    ui::QuizView view;
    view.question = question_ ? &*question_ : nullptr;
    view.score = &score_;
    view.totalAsked = progress_.asked;
    view.totalCorrect = progress_.correct;
    view.lastCorrect = lastCorrect_;
    view.lastExpected = lastExpected_;
    view.answered = answered_;
    view.multipleChoice = multipleChoice_;
    view.kind = kind_;
    for (const auto& a : ui::drawQuizPanel(model, ui, view, out)) {
        switch (a.kind) {
        case ui::QuizActionKind::Next:
            ask(*model.state, out);
            break;
        case ui::QuizActionKind::Answer:
            if (question_ && !answered_) {
                bool right = score_.answer(*question_, a.text);
                lastCorrect_ = right;
                lastExpected_ = right ? question_->answer : score_.mistakes.back().expected;
                answered_ = true;
                record(right, a.text);
            }
            break;
        case ui::QuizActionKind::SetMode:
            multipleChoice_ = a.value != 0;
            break;
        case ui::QuizActionKind::SetKind:
            kind_ = a.value;
            break;
        case ui::QuizActionKind::ResetProgress:
            progress_ = {};
            score_ = {};
            ++progressVersion_;
            break;
        }
    }
}

} // namespace myoatlas::app
