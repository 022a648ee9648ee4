#include "scene/patient_session.h"

#include "scene/camera.h"

#include <algorithm>

namespace myoatlas::scene {

void PatientSession::enter(const AppState& state, Commands& out) {
    flow_.enter();
    ranked_.clear();
    out.push(ClearSelection{});
    out.push(ClearPainPoints{});
    out.push(ClearTriggerPoints{});
    out.push(ShowLine{"", false, true});
    out.push(SetTechnique{{}});
    out.push(SetCaption{""});
    out.push(ShowAll{});
    out.push(ResetLayers{});
    Camera front;
    front.pose = state.view.camera;
    front.setView(ViewName::Anterior, body_.skin() ? body_.structures[*body_.skin()].bounds : body_.bounds(),
                  state.viewportAspect);
    out.push(AnimateCamera{front.pose, 0.5f});
}

void PatientSession::left() {
    if (flow_.active())
        flow_.handle(PatientEvent::Leave);
    ranked_.clear();
}

void PatientSession::handle(PatientEvent event, Commands& out) {
    switch (flow_.handle(event)) {
    case PatientEffect::None:
        break;
    case PatientEffect::ClearPain:
        out.push(ClearPainPoints{});
        out.push(ClearTriggerPoints{});
        ranked_.clear();
        break;
    case PatientEffect::ShowCandidate:
        if (const Suspect* s = source())
            out.push(ShowTriggerPoint{{s->trpId, s->side}, false});
        break;
    case PatientEffect::Leave:
        out.push(SetShellFlag{ShellFlag::Patient, false}); // the mode switch clears what it showed
        break;
    }
}

bool PatientSession::onAction(Action action, Commands& out) {
    if (!flow_.active())
        return false;
    switch (action) {
    case Action::Next:
        handle(PatientEvent::Next, out);
        return true;
    case Action::Previous:
    case Action::Leave:
        handle(PatientEvent::Back, out);
        return true;
    case Action::Another:
        handle(PatientEvent::Another, out);
        return true;
    default:
        return false;
    }
}

void PatientSession::onClick(const glm::vec3& point, Commands& out) {
    if (!flow_.offers(PatientEvent::PainMarked))
        return;
    out.push(AddPainPoint{point});
    flow_.handle(PatientEvent::PainMarked);
}

void PatientSession::offerRanking(const std::vector<Suspect>* ranked, Commands& out) {
    if (flow_.screen() != PatientScreen::Looking || !ranked)
        return;
    ranked_ = *ranked;
    flow_.setCandidates(static_cast<int>(std::min(ranked_.size(), kMaxCandidates)));
    handle(ranked_.empty() ? PatientEvent::NoSource : PatientEvent::SourcesFound, out);
}

const Suspect* PatientSession::source() const {
    const PatientScreen screen = flow_.screen();
    const bool shows = screen == PatientScreen::Source || screen == PatientScreen::Home ||
                       screen == PatientScreen::Handout;
    const auto i = static_cast<size_t>(flow_.candidate());
    return flow_.active() && shows && i < ranked_.size() ? &ranked_[i] : nullptr;
}

PatientView PatientSession::view(const AppState& state) {
    PatientViewInput in;
    in.atlas = atlas_;
    in.marks = static_cast<int>(state.view.painPoints.size());
    in.source = source();
    if (in.source) {
        verdicts_.request(in.source->trpId, in.source->side);
        in.verdictKnown = verdicts_.known(in.source->trpId, in.source->side);
    }
    in.verdict = verdicts_.verdict();
    return patientView(flow_, in);
}

bool PatientSession::busy() const {
    return flow_.active() && (verdicts_.busy() || flow_.screen() == PatientScreen::Looking);
}

} // namespace myoatlas::scene
