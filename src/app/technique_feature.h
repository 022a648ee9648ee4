#pragma once
// Release techniques on the body: follows ViewState.technique, resolves it on the body, runs the step
// player on the app clock, draws the hand or tool, the pressure arrow, animated strokes, stretch arrows and the
// endangerment sites near the target, frames the target, handles the clicker keys and captions the step.
#include "app/feature.h"
#include "core/clock.h"
#include "scene/technique_session.h"
#include "ui/technique_panel.h"

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
    [[nodiscard]] uint64_t overlayVersion() const override;
    void appendOverlays(std::vector<render::OverlayMesh>& out) const override;
    [[nodiscard]] std::string caption(const scene::AppState& state) const override;
    [[nodiscard]] std::optional<scene::CameraPose> framing(const scene::AppState& state, float aspect) const override;

    [[nodiscard]] const scene::ResolvedTechnique* resolved() const { return session_.resolved(); }
    [[nodiscard]] scene::TechniquePlayer& player() { return session_.player(); }
    [[nodiscard]] ui::TechniquePanelState& panel() { return panel_; }
    [[nodiscard]] const std::string& error() const { return session_.error(); }

private:
    class FrameClock final : public core::Clock {
    public:
        [[nodiscard]] double now() const override { return t; }
        double t = 0.0;
    };

    FeatureContext& context_;
    FrameClock frameClock_;
    scene::TechniqueSession session_;
    ui::TechniquePanelState panel_;
    scene::Commands pending_;    // from update() (a step the timer completed), emitted by the next drawUi()
    std::string panelOpenedFor_; // technique id the panel was last opened for
};

} // namespace myoatlas::app
