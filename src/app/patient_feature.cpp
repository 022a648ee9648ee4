#include "app/patient_feature.h"

#include "anatomy/landmark_resolver.h"
#include "app/handout_command.h"
#include "core/error.h"
#include "ui/patient_panel.h"

#include <chrono>

namespace myoatlas::app {
namespace {

bool sameRanking(const std::vector<scene::Suspect>& a, const std::vector<scene::Suspect>& b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].trpId != b[i].trpId || a[i].side != b[i].side || a[i].score != b[i].score)
            return false;
    return true;
}

} // namespace

PatientFeature::PatientFeature(FeatureContext& context, SuspectSource suspects)
    : context_(context), suspects_(std::move(suspects)) {}

PatientFeature::~PatientFeature() {
    if (export_.valid())
        export_.wait();
}

bool PatientFeature::onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    if (!active_ || !click.pick)
        return false;
    out.push(scene::AddPainPoint{click.pick->point});
    return true;
}

bool PatientFeature::update(const scene::AppState& state, double now) {
    (void)state, (void)now;
    return active_ && export_.valid();
}

void PatientFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!ui.patientMode || ui.presentation) {
        if (active_ && !ui.patientMode) {
            out.push(scene::ClearPainPoints{});
            out.push(scene::ClearTriggerPoints{});
            shownFrom_.clear();
        }
        active_ = ui.patientMode;
        return;
    }
    const scene::AppState& state = *model.state;
    if (!active_) {
        // Entering: a clean, friendly view of the whole body.
        out.push(scene::ClearSelection{});
        out.push(scene::ShowAll{});
        out.push(scene::ResetLayers{});
        out.push(scene::FrameBody{});
        ui.status.clear();
    }
    active_ = true;
    if (export_.valid() && export_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        ui.status = export_.get();

    ui::PatientView view;
    view.painMarks = static_cast<int>(state.view.painPoints.size());
    const std::vector<scene::Suspect>* ranked = suspects_ ? suspects_() : nullptr;
    view.searching = view.painMarks > 0 && (!ranked || ranked->empty()) && shownFrom_.empty();
    if (ranked && !ranked->empty() && view.painMarks > 0) {
        view.searching = false;
        if (!sameRanking(*ranked, shownFrom_)) {
            // A new ranking: show the likeliest source's referral on the body.
            shownFrom_ = *ranked;
            candidate_ = 0;
            out.push(scene::ShowTriggerPoint{{shownFrom_[0].trpId, shownFrom_[0].side}, false});
        }
    }
    if (view.painMarks == 0)
        shownFrom_.clear();
    const scene::Suspect* s = shownFrom_.empty() ? nullptr : &shownFrom_[static_cast<size_t>(candidate_)];
    const anatomy::TriggerPoint* trp = s && context_.atlas ? context_.atlas->triggerPoint(s->trpId) : nullptr;
    const anatomy::Muscle* muscle = trp ? context_.atlas->muscle(trp->muscle) : nullptr;
    if (muscle) {
        view.sourceName = plainMuscleName(*muscle);
        view.sideWords = " on your " + s->side + " side";
        view.summary = muscle->patientSummary;
        view.candidate = candidate_;
        view.candidates = static_cast<int>(std::min<size_t>(shownFrom_.size(), 5));
        if (verdictKey_ != s->trpId + "/" + s->side && context_.resolver) {
            verdictKey_ = s->trpId + "/" + s->side;
            if (!techniques_)
                techniques_ =
                    std::make_unique<scene::TechniqueResolver>(*context_.atlas, context_.body, *context_.resolver);
            verdict_ = selfCareVerdict(*context_.atlas, *techniques_, s->trpId, s->side);
        }
        auto care = selfCareFor(*context_.atlas, *muscle, verdict_ ? &*verdict_ : nullptr);
        view.selfCareTitle = care.title;
        // One self-care step: the patient-facing instructions of one technique, with its dose and safety.
        view.selfCareSteps = care.steps;
        view.dosage = care.dosage;
        view.safety = {care.safety.begin(), care.safety.begin() + std::min<size_t>(2, care.safety.size())};
    }
    if (!context_.atlas)
        ui.status = "The explanations need the atlas: " + context_.atlasError;

    for (const auto& a : ui::drawPatientPanel(model, ui, view, handoutPath_)) {
        switch (a.kind) {
        case ui::PatientActionKind::ClearPain:
            out.push(scene::ClearPainPoints{});
            out.push(scene::ClearTriggerPoints{});
            shownFrom_.clear();
            break;
        case ui::PatientActionKind::NextCandidate:
            if (!shownFrom_.empty()) {
                candidate_ = (candidate_ + 1) % std::max(1, view.candidates);
                const auto& c = shownFrom_[static_cast<size_t>(candidate_)];
                out.push(scene::ShowTriggerPoint{{c.trpId, c.side}, false});
            }
            break;
        case ui::PatientActionKind::ExportHandout:
            if (!s || export_.valid())
                break;
            ui.status = "Writing the handout...";
            // Rendered headless (its own EGL context) on a worker thread: the window keeps running.
            export_ = std::async(std::launch::async, [this, id = s->trpId, side = s->side, path = a.path] {
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
            break;
        case ui::PatientActionKind::Leave:
            ui.patientMode = false;
            break;
        }
    }
}

} // namespace myoatlas::app
