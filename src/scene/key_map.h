#pragma once
// Every key binding of the program in one table: key, modifiers, the mode it belongs to, and what it does. A mode
// (a playing lesson, a technique being stepped, presentation) owns its bindings while it is active; they take
// precedence over the global ones, so the arrows step a lesson while it plays and orbit otherwise.
#include "scene/input.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace myoatlas::scene {

enum class InputMode : unsigned char { Global, Presentation, Patient, Lesson, Technique };

enum class Action : unsigned char {
    ViewAnterior,
    ViewPosterior,
    ViewLeft,
    ViewRight,
    ViewSuperior,
    ViewInferior,
    OrbitLeft,
    OrbitRight,
    OrbitUp,
    OrbitDown,
    ZoomIn,
    ZoomOut,
    FrameSelection,
    FrameBody,
    HideSelection,
    IsolateSelection,
    ShowAll,
    PeelMore,
    PeelLess,
    ClearSelection,
    TogglePresentation,
    LeavePresentation,
    ToggleBlackout,
    ToggleLaser,
    ToggleHelp,
    TogglePatient,
    ToggleQuiz,
    Quit,
    // Mode actions: the owner of the mode carries them out.
    Next,
    Previous,
    First,
    Last,
    PlayPause,
    Leave,
    Another, // patient mode: the next likely source
};

// Which modes are active this frame (several may be).
struct InputModes {
    bool presentation = false;
    bool patient = false;
    bool lesson = false;
    bool technique = false;
    [[nodiscard]] bool active(InputMode m) const;
};

struct KeyBinding {
    Key key;
    unsigned mods; // ModControl / ModAlt / ModSuper that must be held (Shift is ignored: '+' is Shift+'=')
    InputMode mode;
    Action action;
    bool repeats; // a held key repeats the action (stepping, orbiting), or fires once (toggles)
};

struct BoundAction {
    InputMode mode;
    Action action;
    [[nodiscard]] bool operator==(const BoundAction&) const = default;
};

[[nodiscard]] std::span<const KeyBinding> keyBindings();
// The binding a key event triggers given the active modes, if any: presentation first, then patient mode, then the
// lesson, then the technique, then the global bindings. Releases trigger nothing.
[[nodiscard]] std::optional<BoundAction> resolveKey(const KeyEvent& event, const InputModes& modes);

[[nodiscard]] std::string_view keyName(Key key);           // "PageDown", "1", "F5"
[[nodiscard]] std::string_view actionLabel(Action action); // "next step", "orbit left"
[[nodiscard]] std::string_view modeLabel(InputMode mode);  // "everywhere", "while a lesson plays"
// "Ctrl+Q", "PageDown".
[[nodiscard]] std::string bindingKeys(const KeyBinding& binding);

} // namespace myoatlas::scene
