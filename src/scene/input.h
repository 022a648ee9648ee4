#pragma once
// Input as an ordered list of events: the window's callbacks append them as they arrive, and one place per frame
// (scene::InputRouter) turns them into commands. A key pressed and released inside one slow frame is two events,
// never lost, unlike the key state a frame polls.
#include <cstdint>
#include <glm/vec2.hpp>
#include <variant>
#include <vector>

namespace myoatlas::scene {

// Key codes: GLFW's values, so the platform layer passes them through unchanged; no GLFW header here.
enum class Key : int {
    Unknown = -1,
    Space = 32,
    Minus = 45,
    Num1 = 49,
    Num2 = 50,
    Num3 = 51,
    Num4 = 52,
    Num5 = 53,
    Num6 = 54,
    Equal = 61,
    A = 65,
    B = 66,
    F = 70,
    H = 72,
    I = 73,
    L = 76,
    N = 78,
    Q = 81,
    LeftBracket = 91,
    RightBracket = 93,
    Escape = 256,
    Enter = 257,
    Backspace = 259,
    Right = 262,
    Left = 263,
    Down = 264,
    Up = 265,
    PageUp = 266,
    PageDown = 267,
    Home = 268,
    End = 269,
    F1 = 290,
    F2 = 291,
    F3 = 292,
    F5 = 294,
    KeypadSubtract = 333,
    KeypadAdd = 334,
};

// Modifier bits (GLFW's values).
enum Modifier : unsigned { ModShift = 1u, ModControl = 2u, ModAlt = 4u, ModSuper = 8u };

enum class KeyAction : unsigned char { Press, Release, Repeat };
enum class MouseButton : unsigned char { Left, Right, Middle };

struct KeyEvent {
    Key key = Key::Unknown;
    KeyAction action = KeyAction::Press;
    unsigned mods = 0;
};
struct CharEvent {
    uint32_t codepoint = 0;
};
struct MouseButtonEvent {
    MouseButton button = MouseButton::Left;
    bool pressed = true;
    unsigned mods = 0;
    double time = -1.0; // seconds on the window's clock, for double clicks; < 0: unknown (never a double click)
};
struct CursorEvent {
    glm::vec2 position{0.0f}; // window coordinates, origin top left
};
struct ScrollEvent {
    float dy = 0.0f; // wheel notches; positive away from the user
};

using InputEvent = std::variant<KeyEvent, CharEvent, MouseButtonEvent, CursorEvent, ScrollEvent>;

// Filled by the window's callbacks (main thread), emptied once per frame.
class EventQueue {
public:
    void push(InputEvent e) { events_.push_back(e); }
    [[nodiscard]] std::vector<InputEvent> take() {
        std::vector<InputEvent> out;
        out.swap(events_);
        return out;
    }
    [[nodiscard]] bool empty() const { return events_.empty(); }

private:
    std::vector<InputEvent> events_;
};

} // namespace myoatlas::scene
