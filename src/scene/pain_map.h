#pragma once
// Trigger points and their referred pain on the body, GL-free: the heat of the patterns shown, painted on the skin
// and animated (HeatSession), the markers of trigger points, satellites and pain points (TrpMarkers), "it hurts
// here" clicks and the reverse lookup, greying the body under a pattern, and where the camera should stand to show
// a pattern. The app's heat feature draws the panel and the legend and hands the heat and markers to the renderer.
#include "scene/app_state.h"
#include "scene/atlas_context.h"
#include "scene/commands.h"
#include "scene/heat_session.h"
#include "scene/picker.h"
#include "scene/referral_view.h"
#include "scene/skin_heat.h"
#include "scene/trigger_point_markers.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace myoatlas::scene {

struct PainMapOptions {
    float speed = 1.0f;          // of the live animation
    bool showSatellites = false; // mark a pattern's satellites even when its muscle is not selected
    bool interactive = false;    // in the window: the skin is prepared from the second frame; a new pattern is faced
};

class PainMap {
public:
    explicit PainMap(const AtlasContext& context);
    PainMap(const PainMap&) = delete;
    PainMap& operator=(const PainMap&) = delete;

    // There is a skin to paint and an atlas to paint from.
    [[nodiscard]] bool available() const { return skinHeat_.available(); }
    // After the frame's commands: `now` is seconds on the app clock; the first update is a still's (everything
    // shown at once, settled). Returns true while it animates or builds.
    bool update(const AppState& state, double now, const PainMapOptions& options);
    void replay() { session_.replay(); }
    void finishPending() { session_.finishPending(); }

    // The heat on the skin while a pattern shows (null otherwise); `heatVersion` changes whenever it does.
    [[nodiscard]] const std::vector<float>* heat() const { return session_.shown() ? &session_.values() : nullptr; }
    [[nodiscard]] uint32_t skin() const { return skinHeat_.skin().value_or(0); }
    [[nodiscard]] float pulse() const { return session_.pulse(); }
    [[nodiscard]] uint64_t heatVersion() const { return heatVersion_; }
    [[nodiscard]] const std::vector<OverlayMesh>& overlays() const;
    [[nodiscard]] uint64_t overlayVersion() const { return overlayVersion_; }
    // While a pattern shows, everything but the skin (the classic chart's red pattern on a neutral body).
    void markDimmed(std::vector<uint8_t>& dimmed) const;
    // The skin the heat is painted on is hidden or nearly transparent in `view`.
    [[nodiscard]] bool skinHidden(const ViewState& view) const;

    // A click on the body: a pain mark in "it hurts here" mode, else a trigger point marker at (or right next to)
    // the point shows its pattern. Returns whether the click was taken.
    bool onClick(const Pick& pick, bool painMode, bool additive, Commands& out);
    // The trigger point marker under the pointer, within `reach` pixels (for its name).
    [[nodiscard]] const TrpMarker* markerUnderPointer(const CameraPose& camera, glm::vec2 viewport, glm::vec2 pointer,
                                                      float reach) const;
    // A pattern newly shown in the window is faced once its field is built: the pose, once (then nothing).
    [[nodiscard]] std::optional<CameraPose> dueFraming(const AppState& state, ViewInsets insets);
    // A still of the patterns shown: facing them (a named view keeps its direction), the knots and zones framed.
    [[nodiscard]] std::optional<CameraPose> framing(const AppState& state, float aspect) const;

    [[nodiscard]] const HeatSession& session() const { return session_; }
    [[nodiscard]] SkinHeat& skinHeat() { return skinHeat_; }
    [[nodiscard]] std::vector<MarkedMuscle> selectedMuscles(const std::vector<uint32_t>& selection) const {
        return muscles_.selected(selection);
    }

private:
    [[nodiscard]] std::optional<CameraPose> patternPose(const std::vector<TriggerPointRef>& refs,
                                                        const CameraPose& current, float aspect, ViewInsets insets,
                                                        bool keepDirection) const;

    const AtlasContext& context_;
    SkinHeat skinHeat_;
    HeatSession session_;
    MuscleLookup muscles_;              // empty without an atlas
    std::optional<TrpMarkers> markers_; // absent without an atlas
    bool firstUpdate_ = true, warnedSkin_ = false;
    double lastNow_ = 0.0;
    uint64_t heatVersion_ = 0, sessionVersion_ = 0, overlayVersion_ = 0;
    std::optional<TriggerPointRef> toFrame_; // shown in the window, to be faced once its field is built
    std::vector<TriggerPointRef> shownBefore_;
};

} // namespace myoatlas::scene
