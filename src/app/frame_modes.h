#pragma once
// The frame's mode bookkeeping, kept out of the frame loop: which teaching mode is on (scene/app_mode.h), the
// caption it allows, and the state dump the smoke tests read (what the window showed: mode, caption, overlays).
#include "app/feature.h"
#include "scene/app_mode.h"
#include "ui/ui_model.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace myoatlas::app {

class LessonFeature;
class PatientFeature;
class QuizFeature;

struct ModeFeatures {
    LessonFeature* lessons = nullptr;
    QuizFeature* quiz = nullptr;
    PatientFeature* patient = nullptr;
};
[[nodiscard]] ModeFeatures findModeFeatures(std::vector<std::unique_ptr<Feature>>& features);

// The mode from the shell (as this frame's commands leave it) and the features; sets `namesHidden` from its rules.
// When the mode changed, the clean-up of the mode left joins `commands` (scene::ModeSwitch::update).
scene::AppMode updateMode(scene::ModeSwitch& modes, const ModeFeatures& f, const scene::AppState& state,
                          scene::Commands& commands, bool afterPanels, bool& namesHidden);

// The caption of the frame: the state's, and the features' unless the mode keeps them off.
[[nodiscard]] std::string frameCaption(const scene::AppState& state, std::vector<std::unique_ptr<Feature>>& features,
                                       scene::AppMode mode, const ModeFeatures& f);

// What the window shows, as JSON, for the smoke tests that drive it with real key presses and clicks (written
// whenever it changes and on exit; `frames` is left out while running so that it changes only with the state).
[[nodiscard]] std::string stateJson(const scene::AppState& state, bool namesHidden, const anatomy::Body& body,
                                    std::vector<std::unique_ptr<Feature>>& features, const ModeFeatures& f,
                                    scene::AppMode mode, const std::string& caption, int frames);

} // namespace myoatlas::app
