#include "scene/app_mode.h"

#include <utility>

namespace myoatlas::scene {

std::string_view appModeName(AppMode mode) {
    switch (mode) {
    case AppMode::Explore:
        return "explore";
    case AppMode::Technique:
        return "technique";
    case AppMode::Lesson:
        return "lesson";
    case AppMode::Quiz:
        return "quiz";
    case AppMode::Patient:
        return "patient";
    }
    return "?";
}

AppMode modeOf(const ModeFlags& flags) {
    if (flags.patient)
        return AppMode::Patient;
    if (flags.quiz)
        return AppMode::Quiz;
    if (flags.lessonPlaying)
        return AppMode::Lesson;
    if (flags.technique)
        return AppMode::Technique;
    return AppMode::Explore;
}

void leaveCommands(AppMode mode, Commands& out) {
    switch (mode) {
    case AppMode::Explore:
        return;
    case AppMode::Technique:
        out.push(SetTechnique{{}});
        out.push(SetCaption{""});
        return;
    case AppMode::Lesson:
        // A step set the caption, patterns, lines and technique it teaches.
        out.push(SetLessonActive{false});
        out.push(SetTechnique{{}});
        out.push(ClearTriggerPoints{});
        out.push(ShowLine{"", false, true}); // every line off
        out.push(ClearSelection{});
        out.push(SetCaption{""});
        return;
    case AppMode::Quiz:
        out.push(ClearSelection{});
        out.push(ClearTriggerPoints{});
        out.push(SetCaption{""});
        return;
    case AppMode::Patient:
        out.push(ClearPainPoints{});
        out.push(ClearTriggerPoints{});
        out.push(SetCaption{""});
        return;
    }
}

ModeRules rulesFor(AppMode mode, bool answered) {
    ModeRules r;
    switch (mode) {
    case AppMode::Patient:
        r.expertPanels = false;
        r.otherCaptions = false;
        break;
    case AppMode::Quiz:
        // The highlighted muscle's name, a marker's label or a study card would give the answer away.
        r.structureNames = answered;
        r.otherCaptions = false;
        break;
    default:
        break;
    }
    return r;
}

bool ModeSwitch::update(AppMode now, Commands& out) {
    if (now == mode_)
        return false;
    leaveCommands(mode_, out);
    mode_ = now;
    return true;
}

bool ModeSwitch::update(AppMode now, Commands& frame, bool afterPanels) {
    Commands leaving;
    if (!update(now, leaving))
        return false;
    if (afterPanels) {
        for (const auto& c : frame.list())
            leaving.push(c);
        frame = std::move(leaving);
    } else {
        for (const auto& c : leaving.list())
            frame.push(c);
    }
    return true;
}

} // namespace myoatlas::scene
