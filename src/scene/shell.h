#pragma once
// What the program shows around the scene: which panels are open, presentation (and its blackout and laser
// pointer), the theme and text scales, and the modes the user switched on (patient, quiz). Like the scene state, it
// changes only through commands (scene::apply), whether they come from a key, a menu or a panel; the frame loop
// compares it with the last frame's to go full screen or rebuild fonts.
#include <string>

namespace myoatlas::scene {

enum class ShellFlag : unsigned char {
    LayersPanel,
    BrowserPanel,
    InfoPanel,
    LessonPanel,
    AboutPanel,
    Help,
    Presentation,
    Blackout,
    Laser,
    Patient,
    Quiz,
};

struct ShellState {
    bool layersPanel = true;
    bool browserPanel = true;
    bool infoPanel = true;
    bool lessonPanel = false;
    bool aboutPanel = false;
    bool help = false;
    bool presentation = false; // projector look: high contrast, large text, panels reduced to a caption bar
    bool blackout = false;     // the screen goes black (presentation only)
    bool laser = false;        // a bright spot follows the mouse (presentation only; off on entry)
    bool patient = false;
    bool quiz = false;
    bool quit = false;
    float uiScale = 1.0f;           // the user's scale on top of the monitor's content scale
    float presentationScale = 2.0f; // text scale for the room, on top of uiScale
    int presentationMonitor = 0;
    std::string theme = "dark"; // "dark" | "light" | "high_contrast"

    [[nodiscard]] bool flag(ShellFlag f) const;
    // Keeps the rules: patient mode and the quiz exclude each other (each would give the other's answers away);
    // entering or leaving presentation switches the blackout and the laser pointer off.
    void set(ShellFlag f, bool on);
    // The expert panels (layers, structures, trigger points, lines, techniques, lessons) are drawn: not on the
    // projector and not while a patient is shown the plain-language panel.
    [[nodiscard]] bool expertPanels() const { return !presentation && !patient; }
    // What the fonts and style are built from: a change means rebuilding them.
    [[nodiscard]] bool sameLook(const ShellState& o) const {
        return presentation == o.presentation && theme == o.theme && uiScale == o.uiScale &&
               (!presentation || presentationScale == o.presentationScale);
    }
    [[nodiscard]] bool operator==(const ShellState&) const = default;
};

} // namespace myoatlas::scene
