#include "app/heat_feature.h"

#include <algorithm>
#include <imgui.h>

namespace myoatlas::app {

HeatFeature::HeatFeature(FeatureContext& context) : context_(context), map_(context) {}

bool HeatFeature::update(const scene::AppState& state, double now) {
    if (panel_.replay) {
        map_.replay();
        panel_.replay = false;
    }
    const bool busy = map_.update(state, now, {panel_.speed, panel_.showSatellites, guiActive_});
    if (const auto* values = map_.heat(); values && heatCopied_ != map_.heatVersion()) {
        heat_.values = *values;
        heat_.pulse = map_.pulse();
        heat_.structure = map_.skin();
    }
    heatCopied_ = map_.heatVersion();
    return busy;
}

const HeatOutput* HeatFeature::heat() const {
    return map_.heat() ? &heat_ : nullptr;
}

void HeatFeature::markDimmed(std::vector<uint8_t>& dimmed) const {
    if (panel_.greyBody)
        map_.markDimmed(dimmed);
}

void HeatFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    out.insert(out.end(), map_.overlays().begin(), map_.overlays().end());
}

ui::TrpPanelModel HeatFeature::panelModel(const scene::AppState& state) const {
    const auto& session = map_.session();
    ui::TrpPanelModel m;
    m.atlas = context_.atlas;
    m.atlasError = context_.atlasError;
    m.selectedMuscles = map_.selectedMuscles(state.view.selection);
    m.time = session.shownTime();
    m.timeRange = session.timeRange();
    m.live = state.view.heatTime < 0.0f;
    m.preparing = session.busy() && !session.rankingPending();
    m.skinHidden = map_.skinHidden(state.view);
    m.suspects = session.suspects();
    m.suspectsPending = session.suspectsPending();
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
    // The side panels, the menu bar and the legend cover part of the window: a new pattern is framed in the rest.
    const ImGuiIO& io = ImGui::GetIO();
    const scene::ViewInsets insets = scene::windowInsets(state.shell, ImGui::GetFontSize(), io.DisplaySize.x,
                                                         io.DisplaySize.y, panel_.show, panel_.showLegend);
    if (auto pose = map_.dueFraming(state, insets))
        out.push(scene::AnimateCamera{*pose, 0.8f});
    if (panel_.showLegend && map_.heat() && !model.shell().presentation)
        ui::drawHeatLegend(panel_, model.shell().patient);
    // Hover names the markers (they are overlays, not structures the picker knows).
    if (io.WantCaptureMouse || model.namesHidden)
        return;
    const float reach = std::max(ImGui::GetFontSize() * 0.8f, 10.0f);
    if (const auto* marker = map_.markerUnderPointer(state.view.camera, {io.DisplaySize.x, io.DisplaySize.y},
                                                     {io.MousePos.x, io.MousePos.y}, reach))
        ImGui::SetTooltip("%s", marker->label.c_str());
}

bool HeatFeature::onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    return click.pick && map_.onClick(*click.pick, panel_.painMode, click.additive || panel_.combine, out);
}

std::string HeatFeature::caption(const scene::AppState& state) const {
    (void)state;
    return panel_.painMode ? "It hurts here: click where the patient feels the pain" : std::string();
}

} // namespace myoatlas::app
