#pragma once
// A release technique on the body, GL-free: follows the state's technique (ViewState.technique), resolves it on the
// body (target, contact, the site rule's verdict), runs the step player on a clock, builds the step's overlays and
// caption, and turns the clicker keys and the timer into commands. The app's feature draws the panel.
#include "core/clock.h"
#include "scene/app_state.h"
#include "scene/atlas_context.h"
#include "scene/commands.h"
#include "scene/key_map.h"
#include "scene/overlay.h"
#include "scene/technique_player.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

class TechniqueSession {
public:
    TechniqueSession(const AtlasContext& context, const core::Clock& clock);
    TechniqueSession(const TechniqueSession&) = delete;
    TechniqueSession& operator=(const TechniqueSession&) = delete;
    ~TechniqueSession();

    // Catches up with the state: a new technique is resolved (a failure is kept as `error()`), a step set from
    // outside (panel, keys, a lesson) moves the player, and the overlays follow the step.
    void follow(const AppState& state);
    // The timer: a step the player completed becomes a command. Returns whether frames are needed (playing, or a
    // stroke flowing).
    bool tick(Commands& out);
    // A technique newly resolved: the camera turns to its target once.
    void frameNew(float aspect, Commands& out);
    // The clicker keys while stepping (Next, Previous, Play/Pause); false when not taken.
    bool onAction(Action action, Commands& out);

    // Stepping is on: a technique resolved whose safety questions were answered.
    [[nodiscard]] bool stepping(const AppState& state) const;
    [[nodiscard]] const ResolvedTechnique* resolved() const { return resolved_ ? &*resolved_ : nullptr; }
    [[nodiscard]] TechniquePlayer& player() { return player_; }
    [[nodiscard]] const TechniquePlayer& player() const { return player_; }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] const std::vector<OverlayMesh>& overlays() const { return overlays_; }
    [[nodiscard]] uint64_t overlayVersion() const { return version_; }
    // The step's caption (the error when it failed to resolve).
    [[nodiscard]] std::string caption(const AppState& state, bool patientText) const;
    // Where a still of the step looks from.
    [[nodiscard]] std::optional<CameraPose> framing(const AppState& state, float aspect) const;

private:
    const AtlasContext& context_;
    std::unique_ptr<TechniqueResolver> resolver_;
    TechniquePlayer player_;
    TechniqueRef shown_; // what resolved_ and player_ hold
    std::optional<ResolvedTechnique> resolved_;
    std::string error_;
    int overlayStep_ = -1;
    uint64_t version_ = 0;
    std::vector<OverlayMesh> overlays_;
    bool frameWanted_ = false;
};

} // namespace myoatlas::scene
