#pragma once
// Release techniques on the body: follows ViewState.technique, resolves it on the body, runs the step
// player on the app clock, draws the hand or tool, the pressure arrow, animated strokes, stretch arrows and the
// endangerment sites near the target, frames the target, handles the clicker keys and captions the step.
#include "app/feature.h"
#include "core/clock.h"
#include "scene/technique_player.h"
#include "ui/technique_panel.h"

#include <memory>
#include <optional>

namespace myoatlas::app {

class TechniqueFeature final : public Feature {
public:
    // `clock` drives the player; null: the `now` the frame loop passes to update().
    explicit TechniqueFeature(FeatureContext& context, const core::Clock* clock = nullptr);
    ~TechniqueFeature() override;

    [[nodiscard]] std::string_view name() const override { return "technique"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    void markModes(scene::InputModes& modes, const scene::AppState& state) const override;
    bool onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;
    [[nodiscard]] uint64_t overlayVersion() const override { return version_; }
    void appendOverlays(std::vector<render::OverlayMesh>& out) const override;
    [[nodiscard]] std::string caption(const scene::AppState& state) const override;
    [[nodiscard]] std::optional<scene::CameraPose> framing(const scene::AppState& state, float aspect) const override;

    [[nodiscard]] const scene::ResolvedTechnique* resolved() const { return resolved_ ? &*resolved_ : nullptr; }
    [[nodiscard]] scene::TechniquePlayer& player() { return player_; }
    [[nodiscard]] ui::TechniquePanelState& panel() { return panel_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    class FrameClock final : public core::Clock {
    public:
        [[nodiscard]] double now() const override { return t; }
        double t = 0.0;
    };
    void follow(const scene::AppState& state);

    FeatureContext& context_;
    FrameClock frameClock_;
    const core::Clock* clock_;
    std::unique_ptr<scene::TechniqueResolver> resolver_;
    scene::TechniquePlayer player_;
    ui::TechniquePanelState panel_;
    scene::TechniqueRef shown_; // what resolved_ and player_ hold
    std::optional<scene::ResolvedTechnique> resolved_;
    std::string error_;
    int overlayStep_ = -1;
    uint64_t version_ = 0;
    std::vector<render::OverlayMesh> overlays_;
    scene::Commands pending_; // from update() (auto-advance, framing), emitted by the next drawUi()
    bool frameWanted_ = false;
    std::string panelOpenedFor_; // technique id the panel was last opened for
};

} // namespace myoatlas::app
