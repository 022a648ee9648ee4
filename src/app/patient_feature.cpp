#include "app/patient_feature.h"

#include "anatomy/landmark_resolver.h"
#include "app/handout_command.h"

#include <chrono>

namespace myoatlas::app {

using scene::PatientEvent;

PatientFeature::PatientFeature(FeatureContext& context, SuspectSource suspects)
    : context_(context), suspects_(std::move(suspects)), session_(context.atlas, context.body) {}

PatientFeature::~PatientFeature() {
    if (export_.valid())
        export_.wait();
}

void PatientFeature::markModes(scene::InputModes& modes, const scene::AppState& state) const {
    (void)state;
    modes.patient = session_.active() && !presenting_;
}

bool PatientFeature::onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    return action.mode == scene::InputMode::Patient && session_.onAction(action.action, out);
}

bool PatientFeature::onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    if (!session_.active() || presenting_ || !click.pick)
        return false;
    session_.onClick(click.pick->point, out);
    return true;
}

bool PatientFeature::update(const scene::AppState& state, double now) {
    (void)state, (void)now;
    return session_.active() && (export_.valid() || session_.busy());
}

void PatientFeature::exportHandout(const std::string& path, ui::UiState& ui) {
    const scene::Suspect* s = session_.source();
    if (!s || export_.valid() || !context_.atlas)
        return;
    ui.status = "Writing the handout...";
    // Rendered headless (its own EGL context) on a worker thread: the window keeps running.
    export_ = std::async(std::launch::async, [this, id = s->trpId, side = s->side, path] {
        try {
            // A resolver of its own: the shared one caches and belongs to the main thread.
            anatomy::AtlasResolver resolver(*context_.atlas, context_.body);
            FeatureContext local{context_.body, context_.atlas, &resolver, {}};
            writeTriggerPointHandout(local, id, side, path);
            return "Handout written to " + path;
        } catch (const std::exception& e) {
            return std::string("Handout not written: ") + e.what();
        }
    });
}

void PatientFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!model.shell().patient) {
        session_.left();
        return;
    }
    presenting_ = model.shell().presentation;
    const scene::AppState& state = *model.state;
    if (!session_.active()) {
        session_.enter(state, out);
        ui.status.clear();
    }
    if (export_.valid() && export_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        ui.status = export_.get();
    session_.offerRanking(suspects_ ? suspects_() : nullptr, out);
    if (model.shell().presentation)
        return;
    if (!context_.atlas)
        ui.status = "The explanations need the atlas: " + context_.atlasError;
    for (const auto& a : ui::drawPatientPanel(model, ui, session_.view(state), handoutPath_)) {
        switch (a.kind) {
        case ui::PatientActionKind::Event:
            session_.handle(a.event, out);
            break;
        case ui::PatientActionKind::ExportHandout:
            exportHandout(a.path, ui);
            break;
        case ui::PatientActionKind::Leave:
            session_.handle(PatientEvent::Leave, out);
            break;
        }
    }
}

} // namespace myoatlas::app
