#pragma once
// Trigger points and referred-pain heat maps in the program (scene::PainMap: the patterns the view shows, animated
// or frozen at ViewState.heatTime, painted on the skin; the markers; "it hurts here" clicks and the reverse lookup),
// with the trigger point panel, the pain legend and the markers' names under the pointer.
//
// The heat is painted on the skin structure, which the default view draws translucent (opacity 0.18) over the
// muscles: the heat's own coverage makes the pattern opaque enough to read wherever it is. When the skin layer is
// hidden the panel offers (and, on choosing a trigger point, emits) the commands that show it again; the headless
// renderer logs a warning instead.
#include "app/feature.h"
#include "scene/pain_map.h"
#include "ui/trigger_point_panel.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::app {

class HeatFeature final : public Feature {
public:
    explicit HeatFeature(FeatureContext& context);

    [[nodiscard]] std::string_view name() const override { return "heat"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    bool onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;
    [[nodiscard]] uint64_t overlayVersion() const override { return map_.overlayVersion(); }
    void appendOverlays(std::vector<render::OverlayMesh>& out) const override;
    [[nodiscard]] uint64_t heatVersion() const override { return map_.heatVersion(); }
    [[nodiscard]] const HeatOutput* heat() const override;
    [[nodiscard]] std::string caption(const scene::AppState& state) const override;
    // While a pain map shows, everything but the skin is greyed (the panel can turn this off).
    void markDimmed(std::vector<uint8_t>& dimmed) const override;
    [[nodiscard]] std::optional<scene::CameraPose> framing(const scene::AppState& state, float aspect) const override {
        return map_.framing(state, aspect);
    }

    // For the panel's tests, the benchmark and patient mode.
    [[nodiscard]] ui::TrpPanelState& panel() { return panel_; }
    [[nodiscard]] ui::TrpPanelModel panelModel(const scene::AppState& state) const;
    [[nodiscard]] const scene::PainMap& map() const { return map_; }
    [[nodiscard]] float shownTime() const { return map_.session().shownTime(); }
    [[nodiscard]] bool busy() const { return map_.session().busy(); } // solver, fields or the ranking still building
    [[nodiscard]] const std::vector<scene::Suspect>& suspects() const { return map_.session().suspects(); }
    void finishPending() { map_.finishPending(); } // waits for everything under way (headless renders and tests)

private:
    FeatureContext& context_;
    scene::PainMap map_;
    ui::TrpPanelState panel_;
    bool guiActive_ = false;
    HeatOutput heat_;
    uint64_t heatCopied_ = 0;
};

} // namespace myoatlas::app
