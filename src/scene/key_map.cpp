#include "scene/key_map.h"

#include <array>

namespace myoatlas::scene {
namespace {
using A = Action;
using K = Key;
using M = InputMode;

// Clickers send PageDown/PageUp, some arrows or space: all step a lesson. Order matters only within a mode.
constexpr std::array kBindings = {
    KeyBinding{K::Escape, 0, M::Presentation, A::LeavePresentation, false},
    KeyBinding{K::B, 0, M::Presentation, A::ToggleBlackout, false},
    KeyBinding{K::L, 0, M::Presentation, A::ToggleLaser, false},

    // Patient mode: forward, back (Esc always goes back; on the first screen it leaves), another source.
    KeyBinding{K::Right, 0, M::Patient, A::Next, false},
    KeyBinding{K::PageDown, 0, M::Patient, A::Next, false},
    KeyBinding{K::Space, 0, M::Patient, A::Next, false},
    KeyBinding{K::Enter, 0, M::Patient, A::Next, false},
    KeyBinding{K::Escape, 0, M::Patient, A::Leave, false},
    KeyBinding{K::Backspace, 0, M::Patient, A::Leave, false},
    KeyBinding{K::Left, 0, M::Patient, A::Previous, false},
    KeyBinding{K::PageUp, 0, M::Patient, A::Previous, false},
    KeyBinding{K::N, 0, M::Patient, A::Another, false},

    KeyBinding{K::PageDown, 0, M::Lesson, A::Next, true},
    KeyBinding{K::Right, 0, M::Lesson, A::Next, true},
    KeyBinding{K::Down, 0, M::Lesson, A::Next, true},
    KeyBinding{K::Space, 0, M::Lesson, A::Next, true},
    KeyBinding{K::PageUp, 0, M::Lesson, A::Previous, true},
    KeyBinding{K::Left, 0, M::Lesson, A::Previous, true},
    KeyBinding{K::Up, 0, M::Lesson, A::Previous, true},
    KeyBinding{K::Home, 0, M::Lesson, A::First, false},
    KeyBinding{K::End, 0, M::Lesson, A::Last, false},
    KeyBinding{K::Escape, 0, M::Lesson, A::Leave, false},

    KeyBinding{K::PageDown, 0, M::Technique, A::Next, true},
    KeyBinding{K::Right, 0, M::Technique, A::Next, true},
    KeyBinding{K::PageUp, 0, M::Technique, A::Previous, true},
    KeyBinding{K::Left, 0, M::Technique, A::Previous, true},
    KeyBinding{K::Space, 0, M::Technique, A::PlayPause, false},

    KeyBinding{K::Num1, 0, M::Global, A::ViewAnterior, false},
    KeyBinding{K::Num2, 0, M::Global, A::ViewPosterior, false},
    KeyBinding{K::Num3, 0, M::Global, A::ViewLeft, false},
    KeyBinding{K::Num4, 0, M::Global, A::ViewRight, false},
    KeyBinding{K::Num5, 0, M::Global, A::ViewSuperior, false},
    KeyBinding{K::Num6, 0, M::Global, A::ViewInferior, false},
    KeyBinding{K::Left, 0, M::Global, A::OrbitLeft, true},
    KeyBinding{K::Right, 0, M::Global, A::OrbitRight, true},
    KeyBinding{K::Up, 0, M::Global, A::OrbitUp, true},
    KeyBinding{K::Down, 0, M::Global, A::OrbitDown, true},
    KeyBinding{K::Equal, 0, M::Global, A::ZoomIn, true},
    KeyBinding{K::KeypadAdd, 0, M::Global, A::ZoomIn, true},
    KeyBinding{K::Minus, 0, M::Global, A::ZoomOut, true},
    KeyBinding{K::KeypadSubtract, 0, M::Global, A::ZoomOut, true},
    KeyBinding{K::F, 0, M::Global, A::FrameSelection, false},
    KeyBinding{K::Home, 0, M::Global, A::FrameBody, false},
    KeyBinding{K::H, 0, M::Global, A::HideSelection, false},
    KeyBinding{K::I, 0, M::Global, A::IsolateSelection, false},
    KeyBinding{K::A, 0, M::Global, A::ShowAll, false},
    KeyBinding{K::RightBracket, 0, M::Global, A::PeelMore, true},
    KeyBinding{K::LeftBracket, 0, M::Global, A::PeelLess, true},
    KeyBinding{K::Escape, 0, M::Global, A::ClearSelection, false},
    KeyBinding{K::F5, 0, M::Global, A::TogglePresentation, false},
    KeyBinding{K::F1, 0, M::Global, A::ToggleHelp, false},
    KeyBinding{K::F2, 0, M::Global, A::TogglePatient, false},
    KeyBinding{K::F3, 0, M::Global, A::ToggleQuiz, false},
    KeyBinding{K::Q, ModControl, M::Global, A::Quit, false},
};

constexpr M kPriority[] = {M::Presentation, M::Patient, M::Lesson, M::Technique, M::Global};
constexpr unsigned kChordMods = ModControl | ModAlt | ModSuper;
} // namespace

bool InputModes::active(InputMode m) const {
    switch (m) {
    case M::Global:
        return true;
    case M::Presentation:
        return presentation;
    case M::Patient:
        return patient;
    case M::Lesson:
        return lesson;
    case M::Technique:
        return technique;
    }
    return false;
}

std::span<const KeyBinding> keyBindings() {
    return kBindings;
}

std::optional<BoundAction> resolveKey(const KeyEvent& event, const InputModes& modes) {
    if (event.action == KeyAction::Release)
        return std::nullopt;
    for (M mode : kPriority) {
        if (!modes.active(mode))
            continue;
        for (const auto& b : kBindings) {
            if (b.mode != mode || b.key != event.key || b.mods != (event.mods & kChordMods))
                continue;
            if (event.action == KeyAction::Repeat && !b.repeats)
                return std::nullopt; // the key is this mode's: a held toggle must not fall through to another
            return BoundAction{b.mode, b.action};
        }
    }
    return std::nullopt;
}

std::string_view keyName(Key key) {
    switch (key) {
    case K::Space:
        return "Space";
    case K::Minus:
        return "-";
    case K::Num1:
        return "1";
    case K::Num2:
        return "2";
    case K::Num3:
        return "3";
    case K::Num4:
        return "4";
    case K::Num5:
        return "5";
    case K::Num6:
        return "6";
    case K::Equal:
        return "+";
    case K::A:
        return "A";
    case K::B:
        return "B";
    case K::F:
        return "F";
    case K::H:
        return "H";
    case K::I:
        return "I";
    case K::L:
        return "L";
    case K::N:
        return "N";
    case K::Q:
        return "Q";
    case K::LeftBracket:
        return "[";
    case K::RightBracket:
        return "]";
    case K::Escape:
        return "Esc";
    case K::Enter:
        return "Enter";
    case K::Backspace:
        return "Backspace";
    case K::Right:
        return "Right";
    case K::Left:
        return "Left";
    case K::Down:
        return "Down";
    case K::Up:
        return "Up";
    case K::PageUp:
        return "PageUp";
    case K::PageDown:
        return "PageDown";
    case K::Home:
        return "Home";
    case K::End:
        return "End";
    case K::F1:
        return "F1";
    case K::F2:
        return "F2";
    case K::F3:
        return "F3";
    case K::F5:
        return "F5";
    case K::KeypadSubtract:
        return "Keypad -";
    case K::KeypadAdd:
        return "Keypad +";
    case K::Unknown:
        break;
    }
    return "?";
}

std::string_view actionLabel(Action action) {
    switch (action) {
    case A::ViewAnterior:
        return "view from the front";
    case A::ViewPosterior:
        return "view from the back";
    case A::ViewLeft:
        return "view from the left";
    case A::ViewRight:
        return "view from the right";
    case A::ViewSuperior:
        return "view from above";
    case A::ViewInferior:
        return "view from below";
    case A::OrbitLeft:
        return "orbit left";
    case A::OrbitRight:
        return "orbit right";
    case A::OrbitUp:
        return "orbit up";
    case A::OrbitDown:
        return "orbit down";
    case A::ZoomIn:
        return "zoom in";
    case A::ZoomOut:
        return "zoom out";
    case A::FrameSelection:
        return "frame the selection";
    case A::FrameBody:
        return "frame the whole body";
    case A::HideSelection:
        return "hide the selection";
    case A::IsolateSelection:
        return "isolate the selection";
    case A::ShowAll:
        return "show everything";
    case A::PeelMore:
        return "peel one more layer";
    case A::PeelLess:
        return "peel one layer less";
    case A::ClearSelection:
        return "clear the selection";
    case A::TogglePresentation:
        return "presentation mode on/off";
    case A::LeavePresentation:
        return "leave presentation mode";
    case A::ToggleBlackout:
        return "black screen on/off";
    case A::ToggleLaser:
        return "laser pointer on/off";
    case A::ToggleHelp:
        return "this help";
    case A::Quit:
        return "quit";
    case A::Next:
        return "next step";
    case A::Previous:
        return "previous step";
    case A::First:
        return "first step";
    case A::Last:
        return "last step";
    case A::PlayPause:
        return "play / pause";
    case A::Leave:
        return "leave";
    case A::Another:
        return "another possible cause";
    case A::TogglePatient:
        return "patient mode on/off";
    case A::ToggleQuiz:
        return "quiz on/off";
    }
    return "";
}

std::string_view modeLabel(InputMode mode) {
    switch (mode) {
    case M::Global:
        return "Everywhere";
    case M::Presentation:
        return "In presentation mode";
    case M::Patient:
        return "In patient mode (Esc goes back)";
    case M::Lesson:
        return "While a lesson plays";
    case M::Technique:
        return "While a technique is stepped";
    }
    return "";
}

std::string bindingKeys(const KeyBinding& binding) {
    std::string s;
    if (binding.mods & ModControl)
        s += "Ctrl+";
    if (binding.mods & ModAlt)
        s += "Alt+";
    if (binding.mods & ModSuper)
        s += "Super+";
    return s + std::string(keyName(binding.key));
}

} // namespace myoatlas::scene
