#pragma once
// Trigger points and referred-pain heat maps in the program: the heat fields of the trigger points the
// view shows (ViewState.triggerPoints), animated or frozen at ViewState.heatTime, painted on the skin; markers for
// trigger points, satellites (as a chain) and pain points; "it hurts here" clicks; the reverse lookup; the panel.
//
// The heat is painted on the skin structure, which the default view draws translucent (opacity 0.18) over the
// muscles: the heat's own coverage makes the pattern opaque enough to read wherever it is. When the skin layer is
// hidden the panel offers (and, on choosing a trigger point, emits) the commands that show it again; the headless
// renderer logs a warning instead.
#include "anatomy/referral_zone.h"
#include "app/feature.h"
#include "scene/heat_session.h"
#include "scene/referral_view.h"
#include "scene/skin_heat.h"
#include "scene/trigger_point_markers.h"
#include "ui/trigger_point_panel.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myoatlas::app {

class HeatFeature final : public Feature {
public:
    explicit HeatFeature(FeatureContext& context);
    ~HeatFeature() override;

    [[nodiscard]] std::string_view name() const override { return "heat"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    bool onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;
    [[nodiscard]] uint64_t overlayVersion() const override { return overlayVersion_; }
    void appendOverlays(std::vector<render::OverlayMesh>& out) const override;
    [[nodiscard]] uint64_t heatVersion() const override { return heatVersion_; }
    [[nodiscard]] const HeatOutput* heat() const override;
    [[nodiscard]] std::string caption(const scene::AppState& state) const override;
    // While a pain map shows, everything but the skin is greyed (the panel can turn this off): the classic charts'
    // red pattern on a neutral body, instead of red heat over red muscle.
    void markDimmed(std::vector<uint8_t>& dimmed) const override;

    // For the panel's tests and the benchmark.
    [[nodiscard]] ui::TrpPanelState& panel() { return panel_; }
    [[nodiscard]] scene::SkinHeat& skinHeat() { return skinHeat_; }
    [[nodiscard]] ui::TrpPanelModel panelModel(const scene::AppState& state) const;
    // A still of a pain map faces the pattern and frames the knots and their whole zones.
    [[nodiscard]] std::optional<scene::CameraPose> framing(const scene::AppState& state, float aspect) const override;
    [[nodiscard]] float shownTime() const { return session_.shownTime(); }
    [[nodiscard]] bool busy() const { return session_.busy(); } // solver, fields or the ranking still building
    [[nodiscard]] const std::vector<scene::Suspect>& suspects() const { return session_.suspects(); }
    [[nodiscard]] const scene::HeatSession& session() const { return session_; }
    // Waits for everything under way (headless renders and tests).
    void finishPending() { session_.finishPending(); }

private:
    [[nodiscard]] std::optional<scene::CameraPose> patternPose(const std::vector<scene::TriggerPointRef>& refs,
                                                               const scene::CameraPose& current, float aspect,
                                                               scene::ViewInsets insets, bool keepDirection) const;
    void frameChosenPattern(const scene::AppState& state, scene::Commands& out);

    FeatureContext& context_;
    scene::SkinHeat skinHeat_;
    scene::HeatSession session_;
    ui::TrpPanelState panel_;
    scene::MuscleLookup muscles_; // empty without an atlas
    bool guiActive_ = false;
    bool firstUpdate_ = true;
    double lastNow_ = 0.0;
    HeatOutput heat_;
    uint64_t heatVersion_ = 0, sessionVersion_ = 0;
    std::optional<scene::TrpMarkers> markers_; // absent without an atlas
    uint64_t overlayVersion_ = 0;
    bool warnedSkin_ = false;
    // A pattern newly shown in the window: the view turns to it once its field is built.
    std::optional<scene::TriggerPointRef> toFrame_;
    std::vector<scene::TriggerPointRef> shownBefore_;
};

} // namespace myoatlas::app
