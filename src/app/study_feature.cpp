#include "app/study_feature.h"

#include "anatomy/landmark_resolver.h"
#include "core/log.h"
#include "scene/study_view.h"
#include "scene/view_state.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <imgui.h>
#include <utility>

namespace myoatlas::app {
namespace {

// A box of this half-size frames a point (a landmark): a hand's width around it.
constexpr float kPointBox = 0.08f;

std::string fixed(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(v));
    return buf;
}

} // namespace

StudyFeature::StudyFeature(FeatureContext& context)
    : context_(context), index_(std::make_unique<scene::StudyIndex>(context.atlas, &context.body)) {}

StudyFeature::~StudyFeature() = default;

void StudyFeature::showCard(scene::StudyCard card) {
    if (card.empty())
        return;
    core::logInfo("study: card " + card.id + " (" + std::string(scene::studyKindName(card.kind)) + "), " +
                  std::to_string(card.triggerPoints.size()) + " trigger points, " + std::to_string(card.lines.size()) +
                  " lines, " + std::to_string(card.techniques.size()) + " techniques");
    card_ = std::move(card);
}

void StudyFeature::study(const scene::SearchResult& result, const scene::AppState& state, scene::Commands& out) {
    const auto& body = context_.body;
    scene::StudyCard card;
    if (result.kind == scene::StudyKind::Structure) {
        card = scene::buildStructureCard(context_.atlas, body, result.id);
    } else if (context_.atlas) {
        if (!techniques_ && context_.resolver)
            techniques_ = std::make_unique<scene::TechniqueResolver>(*context_.atlas, body, *context_.resolver);
        card = scene::buildStudyCard(*context_.atlas, result.kind, result.id, techniques_.get());
    }
    showCard(std::move(card));

    std::vector<uint32_t> structures = index_->structuresOf(result);
    geometry::Aabb box = scene::boundsOf(body, structures);
    switch (result.kind) {
    case scene::StudyKind::TriggerPoint:
        // The knot and its referral, played from the start.
        out.push(scene::ShowTriggerPoint{{result.id, "right"}, false});
        out.push(scene::SetHeatTime{-1.0f});
        break;
    case scene::StudyKind::Line:
        out.push(scene::ShowLine{result.id, true, true});
        structures.clear(); // shown as a line, not as a selection of its muscles
        break;
    case scene::StudyKind::Landmark:
        // Frames the point itself where it resolves, not the whole bone it is found on.
        if (context_.resolver)
            if (auto p = context_.resolver->landmark(result.id, anatomy::Side::Right)) {
                box = geometry::Aabb{};
                box.expand(*p - glm::vec3(kPointBox));
                box.expand(*p + glm::vec3(kPointBox));
            }
        structures.clear();
        break;
    case scene::StudyKind::Technique:
        return; // a technique has no place on the body until it has a target: the card lists its targets
    default:
        break;
    }
    if (!structures.empty()) {
        out.push(scene::ClearSelection{});
        for (uint32_t s : structures)
            out.push(scene::SelectStructure{s, true, false});
        // A trigger point's referral is painted on the skin: keep it on (the knot is drawn over everything).
        if (panel_.autoPeel)
            out.push(scene::SetPeel{
                result.kind == scene::StudyKind::TriggerPoint ? 0 : scene::autoPeelFor(body, structures)});
        lastSelection_ = structures;
        std::sort(lastSelection_.begin(), lastSelection_.end());
    }
    studied_ = structures;
    if (!box.valid())
        return;
    // Face on: the structures' own direction; for a point, out from the body's axis through it.
    const glm::vec3 dir = structures.empty() ? scene::facingDirection(body, index_->structuresOf(result))
                                             : scene::facingDirection(body, structures);
    out.push(scene::AnimateCamera{scene::poseFacing(box, dir, state.camera.pose, state.viewportAspect), 0.8f});
    framedId_ = result.id;
    flying_ = true;
}

void StudyFeature::handleLink(const scene::CardLink& link, const scene::AppState& state, scene::Commands& out) {
    if (link.kind == scene::StudyKind::Technique) {
        // Opens the stepper on the muscle of this card (the technique feature frames the target itself).
        std::string target = card_.kind == scene::StudyKind::Muscle || card_.kind == scene::StudyKind::TriggerPoint
                                 ? card_.id
                                 : (!card_.muscles.empty() ? card_.muscles.front().id : "");
        if (!target.empty())
            out.push(scene::SetTechnique{scene::TechniqueRef{link.id, target, "right", 0, ""}});
        return;
    }
    if (card_.endangerment.end() != std::find_if(card_.endangerment.begin(), card_.endangerment.end(),
                                                 [&](const scene::CardLink& l) { return l.id == link.id; }))
        return; // an endangerment site is a warning, not a record to study
    study({link.id, link.kind, link.label, link.label, 1.0f}, state, out);
}

void StudyFeature::flyTo(const std::vector<uint32_t>& structures, const std::string& id, const scene::AppState& state,
                         scene::Commands& out) {
    if (structures.empty())
        return;
    if (panel_.autoPeel)
        out.push(scene::SetPeel{scene::autoPeelFor(context_.body, structures)});
    out.push(scene::AnimateCamera{scene::facingPose(context_.body, structures, state.camera.pose, state.viewportAspect),
                                  0.8f});
    studied_ = structures;
    framedId_ = id;
    flying_ = true;
}

void StudyFeature::follow(const scene::AppState& state, scene::Commands& out) {
    // A selection made elsewhere (a click on the body, the structure browser): the card follows it.
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
        flyTo(state.view.selection, context_.body.structures[first].name, state, out);
    if (context_.atlas)
        if (const auto* m = scene::muscleOfStructure(*context_.atlas, context_.body, first)) {
            showCard(scene::buildStudyCard(*context_.atlas, scene::StudyKind::Muscle, m->id));
            requestEndangerment(m->id);
            return;
        }
    const auto& s = context_.body.structures[first];
    showCard(
        scene::buildStructureCard(context_.atlas, context_.body,
                                  s.group >= 0 ? context_.body.groups[static_cast<size_t>(s.group)].name : s.name));
}

void StudyFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!model.state)
        return;
    const auto& state = *model.state;
    follow(state, out);
    if (ui.browserPicked) { // the selection it made is applied after this frame: follow it on the next
        ui.browserPicked = false;
        flyOnNextSelection_ = true;
    }
    if (!ui.presentation && ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("Panels")) {
            ImGui::MenuItem("Study (search and card)", nullptr, &panel_.open, ui.expertPanels());
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    if (!ui.expertPanels()) // the projector shows the body and the caption; a patient sees the plain panel
        return;
    ui::StudyPanelModel pm;
    pm.index = index_.get();
    pm.card = &card_;
    if (!context_.atlas)
        pm.unavailable = "the atlas did not load (" + context_.atlasError + "); body names only";
    ui::drawStudyPanel(pm, panel_);
    if (panel_.chosen) {
        study(*panel_.chosen, state, out);
        panel_.chosen.reset();
    }
    if (panel_.link) {
        handleLink(*panel_.link, state, out);
        panel_.link.reset();
    }
    if (panel_.reframe) {
        panel_.reframe = false;
        const std::vector<uint32_t> sel = state.view.selection.empty() ? studied_ : state.view.selection;
        flyTo(sel, card_.id, state, out);
    }
}

void StudyFeature::requestEndangerment(const std::string& muscleId) {
    if (!context_.atlas || !context_.resolver)
        return;
    if (pendingEndangerment_.valid()) {
        queuedEndangerment_ = muscleId; // the latest click wins
        return;
    }
    pendingEndangerment_ = std::async(std::launch::async, [this, muscleId] {
        if (!workerTechniques_) {
            workerResolver_ = std::make_unique<anatomy::AtlasResolver>(*context_.atlas, context_.body);
            workerTechniques_ =
                std::make_unique<scene::TechniqueResolver>(*context_.atlas, context_.body, *workerResolver_);
        }
        return scene::buildStudyCard(*context_.atlas, scene::StudyKind::Muscle, muscleId, workerTechniques_.get());
    });
}

void StudyFeature::collectEndangerment() {
    if (!pendingEndangerment_.valid() ||
        pendingEndangerment_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    try {
        scene::StudyCard full = pendingEndangerment_.get();
        if (full.id == card_.id && card_.kind == scene::StudyKind::Muscle) {
            card_.endangerment = std::move(full.endangerment);
            core::logInfo("study: card " + card_.id + ", " + std::to_string(card_.endangerment.size()) +
                          " endangerment sites near it");
        }
    } catch (const std::exception& e) {
        core::logWarn(std::string("study: endangerment sites not found: ") + e.what()); // the card stays
    }
    if (!queuedEndangerment_.empty())
        requestEndangerment(std::exchange(queuedEndangerment_, std::string()));
}

bool StudyFeature::update(const scene::AppState& state, double now) {
    (void)now;
    collectEndangerment();
    if (!flying_ || state.transition)
        return false;
    flying_ = false;
    // Landed: say where, and whether the studied structures are in view (the smoke test reads this line).
    const auto& sel = studied_.empty() ? state.view.selection : studied_;
    geometry::Aabb box = scene::boundsOf(context_.body, sel);
    bool inView = false;
    if (box.valid()) {
        scene::Camera cam;
        cam.pose = state.camera.pose;
        const glm::vec2 viewport(1000.0f * state.viewportAspect, 1000.0f);
        if (auto p = cam.project(box.center(), viewport))
            inView = p->x > 0 && p->y > 0 && p->x < viewport.x && p->y < viewport.y;
    }
    const auto& pose = state.camera.pose;
    core::logInfo("study: framed " + framedId_ + " target " + fixed(pose.target.x) + " " + fixed(pose.target.y) + " " +
                  fixed(pose.target.z) + " distance " + fixed(pose.distance) + " yaw " + fixed(pose.yaw) + " peel " +
                  std::to_string(state.view.peel) + " selected " + std::to_string(state.view.selection.size()) +
                  (inView ? " in view" : " NOT in view"));
    return false;
}

} // namespace myoatlas::app
