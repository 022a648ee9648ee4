#pragma once
// The application state the frame loop owns: the view plus transient interaction state.
#include "anatomy/body.h"
#include "scene/commands.h"
#include "scene/view_state.h"

#include <optional>

namespace myoatlas::scene {

struct CameraTransition {
    CameraPose from, to;
    double start = -1.0; // app clock seconds; < 0: starts at the next advance
    float seconds = 0.8f;
};

struct AppState {
    ViewState view;
    Camera camera; // camera.pose mirrors view.camera after every apply
    std::optional<uint32_t> hovered;
    float viewportAspect = 16.0f / 9.0f;
    std::optional<CameraTransition> transition;
    // While a lesson plays, the clicker keys (PageUp/PageDown, arrows, space) step the lesson, not a technique.
    bool lessonActive = false;
    // The user named the view direction (render --view): framings fit what they show but keep the direction.
    bool viewNamed = false;
    // Panels, presentation, modes and look: changed by the same commands as the scene.
    ShellState shell;
};

// Moves an active camera transition on to `now`; returns true while it is still running.
bool advanceCamera(AppState& state, double now);

// Applies one command. Pure state change: no GL, no I/O.
void apply(AppState& state, const anatomy::Body& body, const Command& command);
void applyAll(AppState& state, const anatomy::Body& body, const Commands& commands);
// The shell as it will be once `commands` are applied (the mode switch looks ahead before they are).
[[nodiscard]] ShellState shellAfter(ShellState shell, const Commands& commands);

} // namespace myoatlas::scene
