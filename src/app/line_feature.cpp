#include "app/line_feature.h"

#include "ui/widgets.h"

#include <imgui.h>

namespace myoatlas::app {

LineFeature::LineFeature(FeatureContext& context) : context_(context) {
    if (context_.atlas && context_.resolver)
        lines_.emplace(context_.body, *context_.atlas, *context_.resolver);
}

std::string LineFeature::focusedLine() const {
    if (!context_.atlas || panel_.focused < 0 || panel_.focused >= static_cast<int>(context_.atlas->lines.size()))
        return {};
    return context_.atlas->lines[static_cast<size_t>(panel_.focused)].id;
}

bool LineFeature::update(const scene::AppState& state, double /*now*/) {
    if (!lines_)
        return false;
    // The lines shown from the very first update (a headless render, a lesson opened at start) are waited for;
    // later ones are built on a worker and appear when ready.
    if (lines_->update(state.view.lines, firstUpdate_))
        ++version_;
    firstUpdate_ = false;
    if (panel_.focused != lastFocused_ || panel_.dimOthers != lastDim_) {
        lastFocused_ = panel_.focused;
        lastDim_ = panel_.dimOthers;
        ++version_; // the dimming changed: have the host re-sync
    }
    return !lines_->shown().empty() || lines_->busy(); // the flow animates; poll while one is building
}

void LineFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    if (lines_)
        lines_->appendOverlays(out);
}

void LineFeature::markDimmed(std::vector<uint8_t>& dimmed) const {
    if (lines_ && panel_.dimOthers)
        lines_->markDimmed(dimmed, focusedLine());
}

void LineFeature::drawUi(const ui::UiModel& model, ui::UiState& /*ui*/, scene::Commands& out) {
    if (!lines_ || !model.state)
        return;
    const auto& view = model.state->view;
    if (!model.shell().presentation) { // the projector shows the body and the caption bar only
        ui::panelsMenuItem("Anatomy Trains lines", &panel_.open, model.shell().expertPanels());
        if (model.shell().expertPanels())
            ui::drawLinePanel(ui::lineEntries(*context_.atlas, view.lines, *lines_), panel_, out);
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (lines_->shown().empty() || io.WantCaptureMouse)
        return;
    auto hit =
        lines_->stationUnderPointer(view.camera, {io.DisplaySize.x, io.DisplaySize.y}, {io.MousePos.x, io.MousePos.y});
    if (hit)
        ui::pointerLabel(hit->pixel, hit->station->name + "  (" + hit->line->id + ")",
                         scene::lineColor(context_.atlas->lines[hit->line->instance.line].id));
}

} // namespace myoatlas::app
