#include "app/heat_feature.h"

#include "core/error.h"
#include "core/log.h"
#include "core/timer.h"
#include "geometry/tube_builder.h"
#include "scene/colormap.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/mat4x4.hpp>
#include <imgui.h>
#include <numbers>

namespace myoatlas::app {
// ---------------------------------------------------------------------------------------------------------------
// HeatFeature

HeatFeature::HeatFeature(FeatureContext& context)
    : context_(context), skinHeat_(context.body, context.atlas, context.resolver, context.atlasError),
      session_(skinHeat_) {
    if (context.atlas && context.resolver) {
        muscles_ = scene::MuscleLookup(*context.atlas, *context.resolver);
        markers_.emplace(context.body, *context.atlas, *context.resolver);
    }
}

HeatFeature::~HeatFeature() = default;

bool HeatFeature::update(const scene::AppState& state, double now) {
    const bool first = firstUpdate_;
    firstUpdate_ = false;
    const double dt = first ? 0.0 : std::clamp(now - lastNow_, 0.0, 0.25);
    lastNow_ = now;
    if (!skinHeat_.available())
        return false;
    const scene::ViewState& view = state.view;
    if (guiActive_ || !view.triggerPoints.empty() || !view.painPoints.empty())
        skinHeat_.prepare(); // in the window: in the background from the first frame on
    if (panel_.replay) {
        session_.replay();
        panel_.replay = false;
    }
    // A trigger point chosen in the window (panel, marker, study card, quiz): the view turns to its pattern. A
    // lesson's steps keep their own camera.
    for (const auto& ref : view.triggerPoints)
        if (guiActive_ && !state.lessonActive &&
            std::find(shownBefore_.begin(), shownBefore_.end(), ref) == shownBefore_.end())
            toFrame_ = ref;
    shownBefore_ = view.triggerPoints;
    session_.update(view.triggerPoints, view.painPoints, view.heatTime, dt, panel_.speed, first);
    if (session_.version() != sessionVersion_) {
        sessionVersion_ = session_.version();
        if (session_.shown()) {
            heat_.values = session_.values();
            heat_.pulse = session_.pulse();
            heat_.structure = *skinHeat_.skin();
        }
        ++heatVersion_;
    }
    if (markers_) {
        if (markers_->update(view.triggerPoints, muscles_.selected(view.selection), view.painPoints,
                             {view.camera.distance, view.camera.eye(), panel_.showSatellites}))
            ++overlayVersion_;
    }

    if (!guiActive_ && !view.triggerPoints.empty() && !warnedSkin_) {
        auto skin = *skinHeat_.skin();
        if (!view.isVisible(context_.body, skin) || view.opacity(context_.body, skin) < 0.05f) {
            core::logWarn("the referred-pain map is painted on the skin, which this view hides: add the skin to "
                          "--layers (e.g. skin:0.3)");
            warnedSkin_ = true;
        }
    }
    return session_.busy() || (view.heatTime < 0.0f && session_.travelling());
}

const HeatOutput* HeatFeature::heat() const {
    return session_.shown() ? &heat_ : nullptr;
}

void HeatFeature::markDimmed(std::vector<uint8_t>& dimmed) const {
    if (!session_.shown() || !panel_.greyBody)
        return;
    for (size_t s = 0; s < dimmed.size(); ++s)
        if (s != heat_.structure)
            dimmed[s] = 1;
}

void HeatFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    if (markers_)
        out.insert(out.end(), markers_->overlays().begin(), markers_->overlays().end());
}

ui::TrpPanelModel HeatFeature::panelModel(const scene::AppState& state) const {
    ui::TrpPanelModel m;
    m.atlas = context_.atlas;
    m.atlasError = context_.atlasError;
    m.selectedMuscles = muscles_.selected(state.view.selection);
    m.time = session_.shownTime();
    m.timeRange = session_.timeRange();
    m.live = state.view.heatTime < 0.0f;
    m.preparing = session_.busy() && !session_.rankingPending();
    if (auto skin = skinHeat_.skin())
        m.skinHidden = !state.view.isVisible(context_.body, *skin) || state.view.opacity(context_.body, *skin) < 0.05f;
    m.suspects = session_.suspects();
    m.suspectsPending = session_.suspectsPending();
    return m;
}

void HeatFeature::drawUi(const ui::UiModel& model, ui::UiState& /*ui*/, scene::Commands& out) {
    guiActive_ = true;
    // The projector shows the body and the caption bar only: no menu entries, no panels.
    if (!model.shell().presentation && ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("Panels")) { // appends to the main menu's Panels menu
            ImGui::Separator();
            ImGui::MenuItem("Trigger points", nullptr, &panel_.show, model.shell().expertPanels());
            ImGui::MenuItem("Pain map legend", nullptr, &panel_.showLegend);
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    if (!model.state)
        return;
    const scene::AppState& state = *model.state;
    // It names the patterns shown (quiz answers).
    if (panel_.show && model.shell().expertPanels() && !model.namesHidden)
        drawTriggerPointPanel(model, panelModel(state), panel_, out);
    frameChosenPattern(state, out);
    if (panel_.showLegend && session_.shown() && !model.shell().presentation)
        ui::drawHeatLegend(panel_, model.shell().patient);

    // Hover names the markers (they are overlays, not structures the picker knows).
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse || model.namesHidden || !markers_ || markers_->markers().empty() || io.DisplaySize.x <= 0 ||
        io.DisplaySize.y <= 0)
        return;
    const float reach = std::max(ImGui::GetFontSize() * 0.8f, 10.0f);
    const scene::TrpMarker* best =
        markers_->underPointer(state.view.camera, glm::vec2(io.DisplaySize.x, io.DisplaySize.y),
                               glm::vec2(io.MousePos.x, io.MousePos.y), reach);
    if (best)
        ImGui::SetTooltip("%s", best->label.c_str());
}

bool HeatFeature::onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    if (!skinHeat_.available() || !click.pick)
        return false;
    const scene::Pick& pick = *click.pick;
    if (panel_.painMode) {
        out.push(scene::AddPainPoint{skinHeat_.onSkin(pick.point)});
        return true;
    }
    // A click on (or right next to) a trigger point marker shows its pattern.
    const scene::TrpMarker* best = markers_ ? markers_->nearestTriggerPoint(pick.point) : nullptr;
    if (!best)
        return false;
    out.push(scene::ShowTriggerPoint{*best->trp, click.additive || panel_.combine});
    return true;
}

std::string HeatFeature::caption(const scene::AppState& state) const {
    (void)state;
    if (panel_.painMode)
        return "It hurts here: click where the patient feels the pain";
    return {};
}

std::optional<scene::CameraPose> HeatFeature::patternPose(const std::vector<scene::TriggerPointRef>& refs,
                                                          const scene::CameraPose& current, float aspect,
                                                          scene::ViewInsets insets, bool keepDirection) const {
    std::vector<const scene::HeatField*> fields;
    std::vector<glm::vec3> knots;
    for (const auto& ref : refs) {
        if (const auto* f = session_.field(ref))
            fields.push_back(f);
        if (const auto* r = session_.referral(ref))
            knots.push_back(r->trpPosition);
    }
    if (fields.empty() || !skinHeat_.skin())
        return std::nullopt;
    return scene::referralPose(context_.body.meshes[*skinHeat_.skin()], fields, knots, current, aspect, insets,
                               keepDirection);
}

void HeatFeature::frameChosenPattern(const scene::AppState& state, scene::Commands& out) {
    if (!toFrame_)
        return;
    const auto& shown = state.view.triggerPoints;
    if (std::find(shown.begin(), shown.end(), *toFrame_) == shown.end()) {
        toFrame_.reset(); // hidden again before its field was built
        return;
    }
    for (const auto& ref : shown)
        if (!session_.field(ref) && session_.referral(ref))
            return; // turn when the heat can start to spread
    // The side panels, the menu bar and the legend cover part of the window: the pattern is framed in the rest.
    const ImGuiIO& io = ImGui::GetIO();
    const scene::ViewInsets insets = scene::windowInsets(state.shell, ImGui::GetFontSize(), io.DisplaySize.x,
                                                         io.DisplaySize.y, panel_.show, panel_.showLegend);
    if (auto pose = patternPose(shown, state.view.camera, state.viewportAspect, insets, false))
        out.push(scene::AnimateCamera{*pose, 0.8f});
    toFrame_.reset();
}

std::optional<scene::CameraPose> HeatFeature::framing(const scene::AppState& state, float aspect) const {
    // A named view (render --view) keeps its direction; otherwise the camera faces the pattern.
    return patternPose(state.view.triggerPoints, state.view.camera, aspect, {}, state.viewNamed);
}

} // namespace myoatlas::app
