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
#include "scene/line_geometry.h"
#include "ui/line_panel.h"

#include <future>
#include <map>
#include <nlohmann/json_fwd.hpp>

namespace myoatlas::app {

// Every line on both sides: id, path length and stations with positions, for `myoatlas inspect --json`.
[[nodiscard]] nlohmann::json linesToJson(FeatureContext& context);

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
    [[nodiscard]] const scene::LineGeometry* geometry(const std::string& instanceId) const;
    [[nodiscard]] ui::LinePanelState& panelState() { return panel_; }

    // Waits for the lines being built (headless renders and tests).
    void finishPending();
    [[nodiscard]] bool busy() const { return !pending_.empty(); }

private:
    // Starts building the line on a worker (when neither built nor under way); returns whether it is built.
    bool request(scene::LineInstance instance, const std::string& id);
    void poll(bool wait);

    FeatureContext& context_;
    std::map<std::string, scene::LineGeometry> built_;                // by instance id
    std::map<std::string, std::future<scene::LineGeometry>> pending_; // building on a worker, by instance id
    bool firstUpdate_ = true;
    std::vector<std::string> requested_;     // instance ids ViewState::lines asks for, in order
    std::vector<std::string> shown_;         // those of them built, shown now
    std::vector<std::string> lastRequested_; // ViewState::lines last seen
    int lastFocused_ = -2;
    bool lastDim_ = true;
    uint64_t version_ = 0;
    ui::LinePanelState panel_;
};

} // namespace myoatlas::app
