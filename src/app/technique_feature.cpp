#include "app/technique_feature.h"

#include "core/error.h"
#include "scene/technique_view.h"
#include "ui/widgets.h"

#include <algorithm>

namespace myoatlas::app {

TechniqueFeature::TechniqueFeature(FeatureContext& context, const core::Clock* clock)
    : context_(context), clock_(clock ? clock : &frameClock_), player_(*clock_) {}

TechniqueFeature::~TechniqueFeature() = default;

void TechniqueFeature::follow(const scene::AppState& state) {
    const auto& ref = state.view.technique;
    bool sameTechnique =
        ref.id == shown_.id && ref.target == shown_.target && ref.side == shown_.side && ref.variant == shown_.variant;
    if (!sameTechnique) {
        shown_ = ref;
        resolved_.reset();
        error_.clear();
        player_.unload();
        ++version_;
        if (!ref.id.empty()) {
            try {
                if (!context_.atlas || !context_.resolver)
                    throw core::DataError("atlas", "not loaded: " + context_.atlasError);
                if (!resolver_)
                    resolver_ =
                        std::make_unique<scene::TechniqueResolver>(*context_.atlas, context_.body, *context_.resolver);
                auto side = anatomy::parseSide(ref.side).value_or(anatomy::Side::Right);
                resolved_ = resolver_->resolve(ref.id, ref.target, side, ref.variant);
                std::vector<float> durations;
                for (const auto& s : resolved_->steps)
                    durations.push_back(s.durationS);
                player_.load(static_cast<int>(durations.size()), durations, resolved_->safety.size());
                player_.setBlocked(!resolved_->verdict.allowed()); // the site rule: nothing can be started
                frameWanted_ = true;
            } catch (const core::Error& e) {
                error_ = e.what();
            }
        }
        overlays_.clear();
        overlayStep_ = -1;
    }
    if (ref.step != shown_.step) { // stepped from outside (panel, keys, a lesson): the player follows
        shown_.step = ref.step;
        if (player_.step() != ref.step)
            player_.goTo(ref.step);
    }
    if (resolved_) {
        int step = std::clamp(ref.step, 0, static_cast<int>(resolved_->steps.size()) - 1);
        if (step != overlayStep_) {
            overlays_ = scene::techniqueOverlays(*resolved_, step, context_.body);
            overlayStep_ = step;
            ++version_;
        }
    }
}

void TechniqueFeature::markModes(scene::InputModes& modes, const scene::AppState& state) const {
    // Stepping needs a resolved technique whose safety questions were answered.
    modes.technique = !state.view.technique.id.empty() && resolved_ && player_.safetyConfirmed();
}

bool TechniqueFeature::onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) {
    if (action.mode != scene::InputMode::Technique || !resolved_)
        return false;
    (void)state;
    const int steps = static_cast<int>(resolved_->steps.size());
    switch (action.action) {
    case scene::Action::Next:
        out.push(scene::StepTechnique{1, steps});
        return true;
    case scene::Action::Previous:
        out.push(scene::StepTechnique{-1, steps});
        return true;
    case scene::Action::PlayPause:
        player_.togglePlay();
        return true;
    default:
        return false;
    }
}

void TechniqueFeature::drawUi(const ui::UiModel& model, ui::UiState& /*ui*/, scene::Commands& out) {
    if (!model.state)
        return;
    const auto& state = *model.state;
    follow(state);
    for (const auto& c : pending_.list())
        out.push(c);
    pending_.clear();
    if (frameWanted_ && resolved_) {
        out.push(scene::AnimateCamera{scene::framingPose(*resolved_, state.viewportAspect), 0.8f});
        frameWanted_ = false;
    }
    // The projector shows the body and the caption bar only; the clicker keys still step.
    if (model.shell().presentation)
        return;
    ui::panelsMenuItem("Release techniques", &panel_.show, model.shell().expertPanels());
    if (state.view.technique.id != panelOpenedFor_) {
        panelOpenedFor_ = state.view.technique.id;
        if (!panelOpenedFor_.empty())
            panel_.show = true; // a technique chosen elsewhere (a lesson step) brings its steps up
    }
    // A patient sees the plain-language panel only; the quiz its own.
    if (!model.shell().expertPanels() || model.shell().quiz)
        return;
    ui::TechniquePanelModel pm;
    pm.atlas = context_.atlas;
    pm.current = state.view.technique;
    pm.resolved = resolved();
    pm.player = resolved_ ? &player_ : nullptr;
    pm.error = context_.atlas ? error_ : context_.atlasError;
    ui::drawTechniquePanel(pm, panel_, out);
    ui::applyIntents(panel_, player_);
}

bool TechniqueFeature::update(const scene::AppState& state, double now) {
    frameClock_.t = now;
    follow(state);
    if (player_.update()) // the timer completed a step: the state follows on the next frame
        pending_.push(scene::SetTechniqueStep{player_.step()});
    // Strokes flow while shown; the timer ticks while playing.
    bool stroke = std::any_of(overlays_.begin(), overlays_.end(), [](const auto& o) { return o.flowSpeed > 0.0f; });
    return player_.playing() || stroke;
}

void TechniqueFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    out.insert(out.end(), overlays_.begin(), overlays_.end());
}

std::string TechniqueFeature::caption(const scene::AppState& state) const {
    if (!error_.empty() && !state.view.technique.id.empty())
        return "Technique: " + error_;
    if (!resolved_)
        return {};
    return scene::techniqueCaption(*resolved_, state.view.technique.step, panel_.patientText, &player_,
                                   state.shell.expertPanels());
}

std::optional<scene::CameraPose> TechniqueFeature::framing(const scene::AppState& state, float aspect) const {
    if (!resolved_ || state.view.technique.id.empty())
        return std::nullopt;
    return scene::framingPose(*resolved_, aspect);
}

} // namespace myoatlas::app
