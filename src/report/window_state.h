#pragma once
// What the window shows, as JSON, for the smoke tests that drive it with real key presses and clicks (the program
// writes it with --dump-state): the camera, the selection, the mode and its caption, each feature's overlays, the
// teaching content on the body, patient mode's screen and the quiz.
#include "anatomy/body.h"
#include "scene/app_mode.h"
#include "scene/app_state.h"

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace myoatlas::report {

struct WindowState {
    const scene::AppState& state;
    const anatomy::Body& body;
    scene::AppMode mode = scene::AppMode::Explore;
    std::string caption; // the caption on screen
    bool namesHidden = false;
    int lessonStep = -1;
    std::map<std::string, size_t> overlays; // feature name -> overlays it draws
    std::string patientScreen = "none";     // none while patient mode is off
    std::string selfCare = "none";          // the site rule's verdict on the self-care tool shown
    bool quizAwaitingAnswer = false;
    int frames = -1; // left out when < 0 (while running, so that the dump changes only with the state)
};

[[nodiscard]] nlohmann::json windowStateJson(const WindowState& w);

} // namespace myoatlas::report
