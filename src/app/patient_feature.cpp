#include "app/patient_feature.h"

#include "anatomy/landmark_resolver.h"
#include "app/handout_command.h"
#include "core/error.h"
#include "scene/self_care.h"

#include <algorithm>
#include <chrono>

namespace myoatlas::app {

using scene::PatientEvent;
using scene::PatientScreen;

PatientFeature::PatientFeature(FeatureContext& context, SuspectSource suspects)
    : context_(context), suspects_(std::move(suspects)), verdicts_(context.atlas, context.body) {}

PatientFeature::~PatientFeature() {
    if (export_.valid())
        export_.wait();
}

void PatientFeature::handle(PatientEvent event, scene::Commands& out) {
    switch (flow_.handle(event)) {
    case scene::PatientEffect::None:
        break;
    case scene::PatientEffect::ClearPain:
        out.push(scene::ClearPainPoints{});
        out.push(scene::ClearTriggerPoints{});
        shownFrom_.clear();
        break;
    case scene::PatientEffect::ShowCandidate:
        if (auto i = static_cast<size_t>(flow_.candidate()); i < shownFrom_.size())
            out.push(scene::ShowTriggerPoint{{shownFrom_[i].trpId, shownFrom_[i].side}, false});
        break;
    case scene::PatientEffect::Leave:
        out.push(scene::SetShellFlag{scene::ShellFlag::Patient, false}); // the mode switch clears what it showed
        break;
    }
}

void PatientFeature::markModes(scene::InputModes& modes, const scene::AppState& state) const {
    (void)state;
    modes.patient = flow_.active() && !presenting_;
}

bool PatientFeature::onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    if (action.mode != scene::InputMode::Patient || !flow_.active())
        return false;
    switch (action.action) {
    case scene::Action::Next:
        handle(PatientEvent::Next, out);
        return true;
    case scene::Action::Previous:
    case scene::Action::Leave:
        handle(PatientEvent::Back, out);
        return true;
    case scene::Action::Another:
        handle(PatientEvent::Another, out);
        return true;
    default:
        return false;
    }
}

bool PatientFeature::onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    if (!flow_.active() || presenting_ || !click.pick)
        return false;
    // Clicks never select in patient mode: a mark is added only where the screen asks for one.
    if (flow_.offers(PatientEvent::PainMarked)) {
        out.push(scene::AddPainPoint{click.pick->point});
        flow_.handle(PatientEvent::PainMarked);
    }
    return true;
}

bool PatientFeature::update(const scene::AppState& state, double now) {
    (void)state, (void)now;
    return flow_.active() && (export_.valid() || verdicts_.busy() || flow_.screen() == PatientScreen::Looking);
}

scene::PatientView PatientFeature::view(const scene::AppState& state) {
    const PatientScreen screen = flow_.screen();
    scene::PatientViewInput in;
    in.atlas = context_.atlas;
    in.marks = static_cast<int>(state.view.painPoints.size());
    if ((screen == PatientScreen::Source || screen == PatientScreen::Home || screen == PatientScreen::Handout) &&
        static_cast<size_t>(flow_.candidate()) < shownFrom_.size())
        in.source = &shownFrom_[static_cast<size_t>(flow_.candidate())];
    if (in.source)
        verdicts_.request(in.source->trpId, in.source->side);
    in.verdictKnown = in.source && verdicts_.known(in.source->trpId, in.source->side);
    in.verdict = verdicts_.verdict();
    return scene::patientView(flow_, in);
}

void PatientFeature::exportHandout(const std::string& path, ui::UiState& ui) {
    const scene::Suspect* s = static_cast<size_t>(flow_.candidate()) < shownFrom_.size()
                                  ? &shownFrom_[static_cast<size_t>(flow_.candidate())]
                                  : nullptr;
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
        if (flow_.active())
            flow_.handle(PatientEvent::Leave); // the mode switch clears what it showed
        shownFrom_.clear();
        return;
    }
    presenting_ = model.shell().presentation;
    const scene::AppState& state = *model.state;
    if (!flow_.active()) {
        // Entering: a clean, friendly view of the whole body, with nothing left from exploring (patterns, lines, a
        // technique).
        flow_.enter();
        shownFrom_.clear();
        out.push(scene::ClearSelection{});
        out.push(scene::ClearPainPoints{});
        out.push(scene::ClearTriggerPoints{});
        out.push(scene::ShowLine{"", false, true});
        out.push(scene::SetTechnique{{}});
        out.push(scene::SetCaption{""});
        out.push(scene::ShowAll{});
        out.push(scene::ResetLayers{});
        // From the front, framed; as a camera move, so one still running (a lesson's) cannot carry the view away.
        scene::Camera front;
        front.pose = state.view.camera;
        const auto& body = context_.body;
        front.setView(scene::ViewName::Anterior, body.skin() ? body.structures[*body.skin()].bounds : body.bounds(),
                      state.viewportAspect);
        out.push(scene::AnimateCamera{front.pose, 0.5f});
        ui.status.clear();
    }
    if (export_.valid() && export_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        ui.status = export_.get();
    if (flow_.screen() == PatientScreen::Looking) {
        if (const auto* ranked = suspects_ ? suspects_() : nullptr) {
            shownFrom_ = *ranked;
            flow_.setCandidates(static_cast<int>(std::min<size_t>(shownFrom_.size(), 5)));
            handle(shownFrom_.empty() ? PatientEvent::NoSource : PatientEvent::SourcesFound, out);
        }
    }
    if (model.shell().presentation)
        return;
    if (!context_.atlas)
        ui.status = "The explanations need the atlas: " + context_.atlasError;
    for (const auto& a : ui::drawPatientPanel(model, ui, view(state), handoutPath_)) {
        switch (a.kind) {
        case ui::PatientActionKind::Event:
            handle(a.event, out);
            break;
        case ui::PatientActionKind::ExportHandout:
            exportHandout(a.path, ui);
            break;
        case ui::PatientActionKind::Leave:
            handle(PatientEvent::Leave, out);
            break;
        }
    }
}

} // namespace myoatlas::app
