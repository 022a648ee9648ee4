#include "scene/study_session.h"

#include "core/log.h"
#include "scene/camera.h"
#include "scene/study_view.h"
#include "scene/view_state.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace myoatlas::scene {
namespace {

// A box of this half-size frames a point (a landmark): a hand's width around it.
constexpr float kPointBox = 0.08f;

std::string fixed(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(v));
    return buf;
}

} // namespace

StudySession::StudySession(const anatomy::Body& body, const anatomy::Atlas* atlas, anatomy::AtlasResolver* resolver)
    : body_(body), atlas_(atlas), resolver_(resolver), index_(std::make_unique<StudyIndex>(atlas, &body)) {}

StudySession::~StudySession() = default;

void StudySession::showRecordCard(StudyKind kind, const std::string& id) {
    if (!atlas_)
        return;
    showCard(buildStudyCard(*atlas_, kind, id));
    requestEndangerment(kind, id);
}

void StudySession::requestEndangerment(StudyKind kind, const std::string& id) {
    if (!atlas_ || !resolver_)
        return;
    if (pending_.valid()) {
        queued_ = {kind, id}; // the latest choice wins
        return;
    }
    pending_ = std::async(std::launch::async, [this, kind, id] {
        if (!workerTechniques_) {
            workerResolver_ = std::make_unique<anatomy::AtlasResolver>(*atlas_, body_);
            workerTechniques_ = std::make_unique<TechniqueResolver>(*atlas_, body_, *workerResolver_);
        }
        return buildStudyCard(*atlas_, kind, id, workerTechniques_.get());
    });
}

void StudySession::poll() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    try {
        StudyCard full = pending_.get();
        if (full.id == card_.id && full.kind == card_.kind && !full.endangerment.empty()) {
            card_.endangerment = std::move(full.endangerment);
            core::logInfo("study: card " + card_.id + ", " + std::to_string(card_.endangerment.size()) +
                          " endangerment sites near it");
        }
    } catch (const std::exception& e) {
        core::logWarn(std::string("study: endangerment sites not found: ") + e.what()); // the card stays
    }
    if (queued_) {
        auto [kind, id] = *queued_;
        queued_.reset();
        requestEndangerment(kind, id);
    }
}

void StudySession::finishPending() {
    while (pending_.valid()) {
        pending_.wait();
        poll();
    }
}

void StudySession::showCard(StudyCard card) {
    if (card.empty())
        return;
    core::logInfo("study: card " + card.id + " (" + std::string(studyKindName(card.kind)) + "), " +
                  std::to_string(card.triggerPoints.size()) + " trigger points, " + std::to_string(card.lines.size()) +
                  " lines, " + std::to_string(card.techniques.size()) + " techniques");
    card_ = std::move(card);
}

void StudySession::study(const SearchResult& result, const AppState& state, bool autoPeel, Commands& out) {
    if (result.kind == StudyKind::Structure)
        showCard(buildStructureCard(atlas_, body_, result.id));
    else
        showRecordCard(result.kind, result.id);

    std::vector<uint32_t> structures = index_->structuresOf(result);
    geometry::Aabb box = boundsOf(body_, structures);
    switch (result.kind) {
    case StudyKind::TriggerPoint:
        // The knot and its referral, played from the start.
        out.push(ShowTriggerPoint{{result.id, "right"}, false});
        out.push(SetHeatTime{-1.0f});
        break;
    case StudyKind::Line:
        out.push(ShowLine{result.id, true, true});
        structures.clear(); // shown as a line, not as a selection of its muscles
        break;
    case StudyKind::Landmark:
        // Frames the point itself where it resolves, not the whole bone it is found on.
        if (resolver_)
            if (auto p = resolver_->landmark(result.id, anatomy::Side::Right)) {
                box = geometry::Aabb{};
                box.expand(*p - glm::vec3(kPointBox));
                box.expand(*p + glm::vec3(kPointBox));
            }
        structures.clear();
        break;
    case StudyKind::Technique:
        return; // a technique has no place on the body until it has a target: the card lists its targets
    default:
        break;
    }
    if (!structures.empty()) {
        out.push(ClearSelection{});
        for (uint32_t s : structures)
            out.push(SelectStructure{s, true, false});
        // A trigger point's referral is painted on the skin: keep it on (the knot is drawn over everything).
        if (autoPeel)
            out.push(SetPeel{result.kind == StudyKind::TriggerPoint ? 0 : autoPeelFor(body_, structures)});
        lastSelection_ = structures;
        std::sort(lastSelection_.begin(), lastSelection_.end());
    }
    studied_ = structures;
    if (!box.valid())
        return;
    // Face on: the structures' own direction; for a point, out from the body's axis through it.
    const glm::vec3 dir =
        structures.empty() ? facingDirection(body_, index_->structuresOf(result)) : facingDirection(body_, structures);
    out.push(AnimateCamera{poseFacing(box, dir, state.camera.pose, state.viewportAspect), 0.8f});
    framedId_ = result.id;
    flying_ = true;
}

void StudySession::openLink(const CardLink& link, const AppState& state, bool autoPeel, Commands& out) {
    if (link.kind == StudyKind::Technique) {
        // Opens the stepper on the muscle of this card (the technique feature frames the target itself).
        std::string target = card_.kind == StudyKind::Muscle || card_.kind == StudyKind::TriggerPoint
                                 ? card_.id
                                 : (!card_.muscles.empty() ? card_.muscles.front().id : "");
        if (!target.empty())
            out.push(SetTechnique{TechniqueRef{link.id, target, "right", 0, ""}});
        return;
    }
    if (std::any_of(card_.endangerment.begin(), card_.endangerment.end(),
                    [&](const CardLink& l) { return l.id == link.id; }))
        return; // an endangerment site is a warning, not a record to study
    study({link.id, link.kind, link.label, link.label, 1.0f}, state, autoPeel, out);
}

void StudySession::flyTo(const std::vector<uint32_t>& structures, const std::string& id, const AppState& state,
                         bool autoPeel, Commands& out) {
    if (structures.empty())
        return;
    if (autoPeel)
        out.push(SetPeel{autoPeelFor(body_, structures)});
    out.push(AnimateCamera{facingPose(body_, structures, state.camera.pose, state.viewportAspect), 0.8f});
    studied_ = structures;
    framedId_ = id;
    flying_ = true;
}

void StudySession::reframe(const AppState& state, bool autoPeel, Commands& out) {
    flyTo(state.view.selection.empty() ? studied_ : state.view.selection, card_.id, state, autoPeel, out);
}

void StudySession::follow(const AppState& state, bool autoPeel, Commands& out) {
    auto selection = state.view.selection;
    std::sort(selection.begin(), selection.end());
    if (selection == lastSelection_)
        return;
    lastSelection_ = selection;
    const bool fly = flyOnNextSelection_ && !state.lessonActive;
    flyOnNextSelection_ = false;
    if (state.view.selection.empty())
        return;
    const uint32_t first = state.view.selection.front();
    if (fly)
        flyTo(state.view.selection, body_.structures[first].name, state, autoPeel, out);
    if (atlas_)
        if (const auto* m = muscleOfStructure(*atlas_, body_, first)) {
            showRecordCard(StudyKind::Muscle, m->id);
            return;
        }
    const auto& s = body_.structures[first];
    showCard(
        buildStructureCard(atlas_, body_, s.group >= 0 ? body_.groups[static_cast<size_t>(s.group)].name : s.name));
}

std::optional<std::string> StudySession::landed(const AppState& state) {
    if (!flying_ || state.transition)
        return std::nullopt;
    flying_ = false;
    const auto& sel = studied_.empty() ? state.view.selection : studied_;
    geometry::Aabb box = boundsOf(body_, sel);
    bool inView = false;
    if (box.valid()) {
        Camera cam;
        cam.pose = state.camera.pose;
        const glm::vec2 viewport(1000.0f * state.viewportAspect, 1000.0f);
        if (auto p = cam.project(box.center(), viewport))
            inView = p->x > 0 && p->y > 0 && p->x < viewport.x && p->y < viewport.y;
    }
    const auto& pose = state.camera.pose;
    return "framed " + framedId_ + " target " + fixed(pose.target.x) + " " + fixed(pose.target.y) + " " +
           fixed(pose.target.z) + " distance " + fixed(pose.distance) + " yaw " + fixed(pose.yaw) + " peel " +
           std::to_string(state.view.peel) + " selected " + std::to_string(state.view.selection.size()) +
           (inView ? " in view" : " NOT in view");
}

} // namespace myoatlas::scene
