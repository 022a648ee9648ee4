#pragma once
// A teaching feature (heat maps, lines, techniques, lessons, ...) plugged into the frame loop and the headless
// renderer. Features read the shared state (scene::AppState, whose ViewState says what is shown), emit commands
// from their panels, and hand the renderer what they draw. They never own the loop, the window or the GL context.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/atlas_context.h"
#include "scene/commands.h"
#include "scene/input_router.h"
#include "scene/key_map.h"
#include "scene/picker.h"
#include "ui/ui_model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::app {

// What every feature may use. The atlas is absent when it failed to load (the body still shows).
using FeatureContext = scene::AtlasContext;

// Per-vertex heat on one structure (the skin).
struct HeatOutput {
    uint32_t structure = 0;
    std::vector<float> values;
    float pulse = 0.0f; // 0..1; the colours are the one heat ramp (scene/colormap.h)
};

class Feature {
public:
    virtual ~Feature() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;

    // Inside the ImGui frame: panels and menu entries. Emits commands; may keep UI-only state of its own. Keys are
    // not read here: they come through the key map as actions (onAction).
    virtual void drawUi(const ui::UiModel& /*model*/, ui::UiState& /*ui*/, scene::Commands& /*out*/) {}
    // The input modes it owns right now (a playing lesson, a technique being stepped): their key bindings then
    // take precedence over the global ones.
    virtual void markModes(scene::InputModes& /*modes*/, const scene::AppState& /*state*/) const {}
    // A bound key of one of its modes. Return true when it was this feature's to carry out.
    virtual bool onAction(const scene::BoundAction& /*action*/, const scene::AppState& /*state*/,
                          scene::Commands& /*out*/) {
        return false;
    }
    // A click on the body that reached the scene. Return true to consume it (no selection change).
    virtual bool onBodyClick(const scene::BodyClick& /*click*/, const scene::AppState& /*state*/,
                             scene::Commands& /*out*/) {
        return false;
    }
    // After the frame's commands are applied. `now` is seconds on the app clock. Returns true while it animates
    // (the loop then keeps rendering instead of waiting for input).
    virtual bool update(const scene::AppState& /*state*/, double /*now*/) { return false; }
    // Overlays (markers, tubes, glyphs) it draws; `overlayVersion` changes whenever they change.
    [[nodiscard]] virtual uint64_t overlayVersion() const { return 0; }
    virtual void appendOverlays(std::vector<render::OverlayMesh>& /*out*/) const {}
    // Heat it paints, if any; `heatVersion` changes whenever the values change (every frame while animating).
    [[nodiscard]] virtual uint64_t heatVersion() const { return 0; }
    [[nodiscard]] virtual const HeatOutput* heat() const { return nullptr; }
    // Structures to dim while this feature features something (e.g. everything but a line's tracks).
    virtual void markDimmed(std::vector<uint8_t>& /*dimmed*/) const {}
    // Where a still picture of what it shows should look from (headless renders of a technique step), if it knows.
    [[nodiscard]] virtual std::optional<scene::CameraPose> framing(const scene::AppState& /*state*/,
                                                                   float /*aspect*/) const {
        return std::nullopt;
    }
    // Text drawn over the scene (captions, step text); empty = none.
    [[nodiscard]] virtual std::string caption(const scene::AppState& /*state*/) const { return {}; }
    // True while a worker of its own reads the body's meshes (a headless render of the whole body): the window then
    // waits before filling in structures that came late (the fascia on a first start).
    [[nodiscard]] virtual bool readsMeshesInBackground() const { return false; }
};

// Every feature of the program, in drawing order. The one place a new feature is registered.
[[nodiscard]] std::vector<std::unique_ptr<Feature>> makeFeatures(FeatureContext& context);

// Runs the features for one frame into the renderer: overlays when their versions changed, heat, dimming.
class FeatureHost {
public:
    FeatureHost(FeatureContext& context, render::Renderer& renderer);
    [[nodiscard]] std::vector<std::unique_ptr<Feature>>& features() { return features_; }
    // Returns true while any feature animates.
    bool update(const scene::AppState& state, double now);
    // Pushes overlays and heat to the renderer; fills `dimmed` (one entry per structure).
    void sync(std::vector<uint8_t>& dimmed);
    [[nodiscard]] float heatPulse() const { return pulse_; }
    [[nodiscard]] bool changedSinceLastSync() const { return changed_; }
    [[nodiscard]] bool readsMeshesInBackground() const;
    // Structures were filled in: what was pushed to the renderer is pushed again.
    void structuresFilled() { overlayKey_ = heatKey_ = ~0ull; }

private:
    FeatureContext& context_;
    render::Renderer& renderer_;
    std::vector<std::unique_ptr<Feature>> features_;
    uint64_t overlayKey_ = ~0ull, heatKey_ = ~0ull;
    bool heatShown_ = false;
    bool changed_ = true;
    float pulse_ = 0.0f;
};

} // namespace myoatlas::app
