#include "app/study_feature.h"

#include "core/log.h"
#include "ui/widgets.h"

namespace myoatlas::app {

StudyFeature::StudyFeature(FeatureContext& context)
    : context_(context), session_(context.body, context.atlas, context.resolver) {}

void StudyFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!model.state)
        return;
    const auto& state = *model.state;
    session_.follow(state, panel_.autoPeel, out);
    if (ui.browserPicked) { // the selection it made is applied after this frame: follow it on the next
        ui.browserPicked = false;
        session_.flyToNextSelection();
    }
    if (!model.shell().presentation)
        ui::panelsMenuItem("Study (search and card)", &panel_.open, model.shell().expertPanels());
    // The projector shows the body and the caption; a patient sees the plain panel; an unanswered quiz question
    // shows no names (the card would name the highlighted muscle).
    if (!model.shell().expertPanels() || model.namesHidden)
        return;
    ui::StudyPanelModel pm;
    pm.index = &session_.index();
    pm.card = &session_.card();
    if (!context_.atlas)
        pm.unavailable = "the atlas did not load (" + context_.atlasError + "); body names only";
    ui::drawStudyPanel(pm, panel_);
    if (panel_.chosen) {
        session_.study(*panel_.chosen, state, panel_.autoPeel, out);
        panel_.chosen.reset();
    }
    if (panel_.link) {
        session_.openLink(*panel_.link, state, panel_.autoPeel, out);
        panel_.link.reset();
    }
    if (panel_.reframe) {
        panel_.reframe = false;
        session_.reframe(state, panel_.autoPeel, out);
    }
}

bool StudyFeature::update(const scene::AppState& state, double /*now*/) {
    session_.poll();
    if (auto where = session_.landed(state))
        core::logInfo("study: " + *where);
    return false;
}

} // namespace myoatlas::app
