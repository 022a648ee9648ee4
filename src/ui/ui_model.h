#pragma once
// What panels read (a view of the state) and what they keep between frames (UI-only state). Panels emit
// scene::Commands; they never touch the renderer, a loader or the window.
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
    // The study search (aliases, typos, ranking) the structure browser shares; null: plain name matching.
    const scene::StudyIndex* search = nullptr;
};

struct UiState {
    bool showLayers = true;
    bool showBrowser = true;
    bool showInfo = true;
    bool showAbout = false;
    bool showHelp = false;
    float uiScale = 1.0f; // user setting on top of the monitor's content scale
    bool requestQuit = false;
    bool scaleChanged = false; // the app rebuilds fonts when set
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

    // Theme and presentation mode. The app rebuilds fonts and style when themeChanged is set.
    std::string theme = "dark"; // "dark" | "light" | "high_contrast"
    bool themeChanged = false;
    bool presentation = false;        // projector look: high contrast, large text, panels reduced to a caption bar
    bool presentationChanged = false; // the app goes full screen (or back) when set
    bool blackout = false;            // B in presentation mode: the screen goes black
    bool laserPointer = false;        // a bright spot follows the mouse in presentation mode (L; off on entry)
    float presentationScale = 2.0f;   // text scale for the room, on top of uiScale
    int presentationMonitor = 0;      // which monitor presentation mode fills
    int monitorCount = 1;             // filled by the app
    // Lessons
    bool showLesson = false;
    std::string lessonPath;      // the path field of the lesson panel
    std::string lessonTitleEdit; // editing buffers
    std::string stepCaptionEdit;
    int editedStep = -1; // the step whose caption the buffer holds
    // Quiz and patient modes
    bool showQuiz = false;
    std::string quizAnswer; // typed answer
    bool patientMode = false;
    bool namesHidden = false; // set by the app from the mode's rules: the quiz hides names until answered
    std::string status;       // one-line message shown by the mode panels (errors, "saved")

    // The expert panels (layers, structures, trigger points, lines, techniques, lessons) are drawn: not on the
    // projector (presentation) and not while a patient is shown the plain-language panel.
    [[nodiscard]] bool expertPanels() const { return !presentation && !patientMode; }
    // Quiz and patient mode exclude each other: entering one leaves the other (the app's mode switch then clears
    // what the mode left showed).
    void setPatientMode(bool on) {
        patientMode = on;
        showQuiz = showQuiz && !on;
    }
    void setQuiz(bool on) {
        showQuiz = on;
        patientMode = patientMode && !on;
    }
};

} // namespace myoatlas::ui
