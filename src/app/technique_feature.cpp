#include "app/technique_feature.h"

#include "ui/widgets.h"

namespace myoatlas::app {

TechniqueFeature::TechniqueFeature(FeatureContext& context, const core::Clock* clock)
    : context_(context), session_(context, clock ? *clock : frameClock_) {}

TechniqueFeature::~TechniqueFeature() = default;

void TechniqueFeature::markModes(scene::InputModes& modes, const scene::AppState& state) const {
    modes.technique = session_.stepping(state);
}

bool TechniqueFeature::onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    return action.mode == scene::InputMode::Technique && session_.onAction(action.action, out);
}

void TechniqueFeature::drawUi(const ui::UiModel& model, ui::UiState& /*ui*/, scene::Commands& out) {
    if (!model.state)
        return;
    const auto& state = *model.state;
    session_.follow(state);
    for (const auto& c : pending_.list())
        out.push(c);
    pending_.clear();
    session_.frameNew(state.viewportAspect, out);
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
    pm.resolved = session_.resolved();
    pm.player = session_.resolved() ? &session_.player() : nullptr;
    pm.error = context_.atlas ? session_.error() : context_.atlasError;
    ui::drawTechniquePanel(pm, panel_, out);
    ui::applyIntents(panel_, session_.player());
}

bool TechniqueFeature::update(const scene::AppState& state, double now) {
    frameClock_.t = now;
    session_.follow(state);
    return session_.tick(pending_);
}

uint64_t TechniqueFeature::overlayVersion() const {
    return session_.overlayVersion();
}

void TechniqueFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    out.insert(out.end(), session_.overlays().begin(), session_.overlays().end());
}

std::string TechniqueFeature::caption(const scene::AppState& state) const {
    return session_.caption(state, panel_.patientText);
}

std::optional<scene::CameraPose> TechniqueFeature::framing(const scene::AppState& state, float aspect) const {
    return session_.framing(state, aspect);
}

} // namespace myoatlas::app
