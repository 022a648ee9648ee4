#pragma once
// The Anatomy Trains lines in 3D. Each shown line is a smooth tube (parallel-transport frames) per branch that runs
// from station to station through its track muscles, along their centrelines or over sheet muscles' surfaces
// (geometry::buildLinePath), with a flow animation in the line's direction, station markers labelled on hover, and
// the rest of the body dimmed around its tracks.
//
// Line ids in ViewState::lines: "<ID>" shows both sides of an atlas line (ID as in lines.json: SBL, SFL, LL, SPL,
// SFAL, DFAL, SBAL, DBAL, BFL, FFL, IFL, DFL); "<ID>_left" / "<ID>_right" one side, named after the side the line
// starts on (a spiral or functional line crosses to the other side on its way, as the atlas says per element).
// Every line resolves on both sides; the panel offers left/right toggles for the lines the atlas marks as paired.
#include "app/feature.h"
#include "scene/line_set.h"
#include "ui/line_panel.h"

#include <optional>

namespace myoatlas::app {

// Wires scene::LineSet (the lines asked for, built on workers) to the frame: its overlays, the dimming, the panel and
// the station label under the pointer.
class LineFeature : public Feature {
public:
    explicit LineFeature(FeatureContext& context);
    [[nodiscard]] std::string_view name() const override { return "lines"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;
    [[nodiscard]] uint64_t overlayVersion() const override { return version_; }
    void appendOverlays(std::vector<render::OverlayMesh>& out) const override;
    void markDimmed(std::vector<uint8_t>& dimmed) const override;

    // For tests and the panel.
    [[nodiscard]] const scene::LineGeometry* geometry(const std::string& instanceId) const {
        return lines_ ? lines_->geometry(instanceId) : nullptr;
    }
    [[nodiscard]] ui::LinePanelState& panelState() { return panel_; }
    // Waits for the lines being built (headless renders and tests).
    void finishPending() {
        if (lines_)
            lines_->finishPending();
    }
    [[nodiscard]] bool busy() const { return lines_ && lines_->busy(); }

private:
    [[nodiscard]] std::string focusedLine() const;

    FeatureContext& context_;
    std::optional<scene::LineSet> lines_; // absent without an atlas
    bool firstUpdate_ = true;
    int lastFocused_ = -2;
    bool lastDim_ = true;
    uint64_t version_ = 0;
    ui::LinePanelState panel_;
};

} // namespace myoatlas::app
