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
#include "geometry/geodesic.h"
#include "scene/heat_field.h"
#include "scene/skin_heat.h"
#include "scene/suspects.h"
#include "scene/trigger_point_markers.h"
#include "ui/trigger_point_panel.h"

#include <future>
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
    // A still of a pain map looks at the trigger points and their zones, from the requested direction.
    [[nodiscard]] std::optional<scene::CameraPose> framing(const scene::AppState& state, float aspect) const override;
    [[nodiscard]] float shownTime() const { return shownTime_; }
    [[nodiscard]] bool busy() const; // solver, fields or the ranking still building
    [[nodiscard]] const std::vector<scene::Suspect>& suspects() const { return suspects_; }
    // Waits for everything under way (headless renders and tests).
    void finishPending();

private:
    struct Entry {
        anatomy::ResolvedReferral referral;
        std::future<std::unique_ptr<scene::HeatField>> pending;
        std::unique_ptr<scene::HeatField> field;
        double start = 0.0;   // on the animation clock
        bool settled = false; // shown from the start (headless render): steady, no travel
        bool launched = false;
        std::string error;
    };

    Entry* entryFor(const scene::TriggerPointRef& ref);
    void launchBuilds();
    void pollBuilds(bool wait);
    void updateSuspects(const scene::AppState& state, bool wait);
    void evaluate(const scene::AppState& state);
    [[nodiscard]] std::vector<ui::SelectedMuscle> selectedMuscles(const scene::ViewState& view) const;

    FeatureContext& context_;
    scene::SkinHeat skinHeat_;
    ui::TrpPanelState panel_;
    std::map<std::string, Entry> entries_; // key: id + "/" + side
    std::map<uint32_t, ui::SelectedMuscle> muscleOfStructure_;
    std::vector<scene::TriggerPointRef> shown_;
    bool guiActive_ = false;
    bool firstUpdate_ = true;
    double lastNow_ = 0.0;
    double clock_ = 0.0; // animation clock: seconds scaled by the panel's speed
    bool wasLive_ = true;
    float shownTime_ = 0.0f, timeRange_ = 4.0f;
    bool anyTravelling_ = false;
    // Output
    HeatOutput heat_;
    bool heatShown_ = false;
    uint64_t heatVersion_ = 0;
    std::vector<float> scratch_;
    std::string lastEvalKey_;
    // Markers and overlays
    std::optional<scene::TrpMarkers> markers_; // absent without an atlas
    uint64_t overlayVersion_ = 0;
    bool warnedSkin_ = false;
    // Reverse lookup
    std::vector<glm::vec3> rankedPain_;
    std::future<std::vector<scene::Suspect>> ranking_;
    std::vector<scene::Suspect> suspects_;
    bool rankingPending_ = false;
    bool painDirty_ = false;
};

} // namespace myoatlas::app
