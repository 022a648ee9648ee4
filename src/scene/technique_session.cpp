#include "scene/technique_session.h"

#include "anatomy/atlas.h"
#include "core/error.h"
#include "scene/technique_view.h"

#include <algorithm>

namespace myoatlas::scene {

TechniqueSession::TechniqueSession(const AtlasContext& context, const core::Clock& clock)
    : context_(context), player_(clock) {}

TechniqueSession::~TechniqueSession() = default;

void TechniqueSession::follow(const AppState& state) {
    const auto& ref = state.view.technique;
    const bool sameTechnique =
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
                    resolver_ = std::make_unique<TechniqueResolver>(*context_.atlas, context_.body, *context_.resolver);
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
    if (ref.step != shown_.step) {
        shown_.step = ref.step;
        if (player_.step() != ref.step)
            player_.goTo(ref.step);
    }
    if (resolved_) {
        const int step = std::clamp(ref.step, 0, static_cast<int>(resolved_->steps.size()) - 1);
        if (step != overlayStep_) {
            overlays_ = techniqueOverlays(*resolved_, step, context_.body);
            overlayStep_ = step;
            ++version_;
        }
    }
}

bool TechniqueSession::tick(Commands& out) {
    if (player_.update()) // the timer completed a step: the state follows
        out.push(SetTechniqueStep{player_.step()});
    const bool stroke = std::any_of(overlays_.begin(), overlays_.end(), [](const auto& o) { return o.flowSpeed > 0.0f; });
    return player_.playing() || stroke;
}

void TechniqueSession::frameNew(float aspect, Commands& out) {
    if (frameWanted_ && resolved_)
        out.push(AnimateCamera{framingPose(*resolved_, aspect), 0.8f});
    frameWanted_ = false;
}

bool TechniqueSession::onAction(Action action, Commands& out) {
    if (!resolved_)
        return false;
    const int steps = static_cast<int>(resolved_->steps.size());
    switch (action) {
    case Action::Next:
        out.push(StepTechnique{1, steps});
        return true;
    case Action::Previous:
        out.push(StepTechnique{-1, steps});
        return true;
    case Action::PlayPause:
        player_.togglePlay();
        return true;
    default:
        return false;
    }
}

bool TechniqueSession::stepping(const AppState& state) const {
    return !state.view.technique.id.empty() && resolved_ && player_.safetyConfirmed();
}

std::string TechniqueSession::caption(const AppState& state, bool patientText) const {
    if (!error_.empty() && !state.view.technique.id.empty())
        return "Technique: " + error_;
    if (!resolved_)
        return {};
    return techniqueCaption(*resolved_, state.view.technique.step, patientText, &player_, state.shell.expertPanels());
}

std::optional<CameraPose> TechniqueSession::framing(const AppState& state, float aspect) const {
    if (!resolved_ || state.view.technique.id.empty())
        return std::nullopt;
    return framingPose(*resolved_, aspect);
}

} // namespace myoatlas::scene
