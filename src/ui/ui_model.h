#pragma once
// What panels read (a view of the state) and what they keep between frames (UI-only state). Panels change the
// state only by emitting scene::Commands; they never touch the renderer, a loader or the window.
#include "anatomy/body.h"
#include "scene/app_state.h"
#include "scene/commands.h"
#include "scene/study_search.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace myoatlas::ui {

struct UiModel {
    const anatomy::Body* body = nullptr;
    const scene::AppState* state = nullptr;
    std::string dataDir;
    std::string loadSummary; // e.g. "755 structures, 0 failed, warm start 0.09 s"
    float fps = 0.0f;
    bool fasciaPending = false; // the fascia's structures are there, still empty: the layer is being generated
    // The study search (aliases, typos, ranking) the structure browser shares; null: plain name matching.
    const scene::StudyIndex* search = nullptr;
    int monitorCount = 1;     // monitors presentation mode can fill
    bool namesHidden = false; // the mode's rule: the quiz hides names until its question is answered

    // Panels, presentation, modes: read here, changed only by pushing commands.
    [[nodiscard]] const scene::ShellState& shell() const { return state ? state->shell : kNoShell; }
    static inline const scene::ShellState kNoShell{};
};

// What panels keep between frames that nothing else reads: text being typed, filters, edit buffers.
struct UiState {
    // Structure browser
    std::string search;
    int layerFilter = -1;  // -1 all, else anatomy::Layer index
    int regionFilter = -1; // -1 all, else anatomy::Region index
    int sideFilter = -1;   // -1 all, 0 left, 1 right, 2 midline
    bool groupWholeMuscles = true;
    // The browser's search ranked by the study search: per structure, the score of the best result naming it.
    std::string rankedFor;
    std::vector<std::pair<uint32_t, float>> ranked;
    bool browserPicked = false; // set the frame the browser selects something: the study feature flies to it
    // Lessons
    std::string lessonPath;      // the path field of the lesson panel
    std::string lessonTitleEdit; // editing buffers
    std::string stepCaptionEdit;
    int editedStep = -1; // the step whose caption the buffer holds
    // Quiz and patient modes
    std::string quizAnswer; // typed answer
    std::string status;     // one-line message shown by the mode panels (errors, "saved")
    // The scale sliders' values while dragged (committed when let go).
    float uiScaleEdit = 1.0f, roomScaleEdit = 2.0f;
    bool editingUiScale = false, editingRoomScale = false;
};

} // namespace myoatlas::ui
