#pragma once
// The teaching modes and the one place they are entered and left. A mode owns what it shows (a lesson its
// caption and the patterns and technique of its step, the quiz its highlighted muscle or pattern, patient mode
// the pain marks and the pattern of the source, a technique its hand, arrows and step caption); leaving it clears
// all of that, so nothing of one mode leaks into the next. Modes exclude each other; when several are asked for,
// the one the user entered last wins (the others are told to stop).
#include "scene/commands.h"

#include <string_view>

namespace myoatlas::scene {

enum class AppMode : unsigned char { Explore, Technique, Lesson, Quiz, Patient };
inline constexpr AppMode kAllAppModes[] = {AppMode::Explore, AppMode::Technique, AppMode::Lesson, AppMode::Quiz,
                                           AppMode::Patient};

[[nodiscard]] std::string_view appModeName(AppMode mode); // "explore", "technique", ... (state dump)

// What is switched on this frame; the mode is the most specific one (patient, quiz, a playing lesson, a technique).
struct ModeFlags {
    bool patient = false;
    bool quiz = false;
    bool lessonPlaying = false;
    bool technique = false;
};
[[nodiscard]] AppMode modeOf(const ModeFlags& flags);

// The commands that clear what `mode` showed (overlays, caption, selection, pain marks, technique, lesson).
void leaveCommands(AppMode mode, Commands& out);

// What a mode lets the rest of the program show.
struct ModeRules {
    bool expertPanels = true;   // layers, browser, trigger point, technique and lesson panels
    bool structureNames = true; // hover tooltips, the info panel, marker labels, the study card
    bool otherCaptions = true;  // captions of features other than the mode's owner
};
// `answered`: the quiz question on screen has been answered (names may show then).
[[nodiscard]] ModeRules rulesFor(AppMode mode, bool answered);

// Follows the mode from frame to frame and emits the leaving mode's clean-up once, when it changes.
class ModeSwitch {
public:
    [[nodiscard]] AppMode mode() const { return mode_; }
    // Returns true when the mode changed (the clean-up of the mode left is then in `out`).
    bool update(AppMode now, Commands& out);
    // The same, with the clean-up joining the frame's commands: in front of them after the panels (a mode entered
    // from a menu or a panel pushes its own first view in the same frame, which the clean-up must not undo), at the
    // end after the keys (the mode left may have pushed something earlier in the frame; a mode entered by a key
    // starts on the next frame).
    bool update(AppMode now, Commands& frame, bool afterPanels);

private:
    AppMode mode_ = AppMode::Explore;
};

} // namespace myoatlas::scene
