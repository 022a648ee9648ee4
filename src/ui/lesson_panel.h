#pragma once
// The lesson editor and player panel. It reads the lesson and emits lesson actions (the lesson feature applies them)
// and, like every panel, never touches a file or the renderer itself.
#include "scene/lesson.h"
#include "scene/lesson_session.h"
#include "ui/ui_model.h"

#include <string>
#include <vector>

namespace myoatlas::ui {

struct LessonView {
    const scene::Lesson* lesson = nullptr;
    int current = -1;                 // step shown, -1 none
    bool playing = false;             // the clicker keys step the lesson
    bool dirty = false;               // unsaved changes
    std::string path;                 // file it came from / goes to
    std::vector<std::string> missing; // names of the current step that this body lacks
};

// The panel's requests are the session's own (scene/lesson_session.h).
using LessonActionKind = scene::LessonEditKind;
using LessonAction = scene::LessonEdit;

std::vector<LessonAction> drawLessonPanel(const UiModel& model, UiState& ui, const LessonView& lesson,
                                          scene::Commands& commands);

} // namespace myoatlas::ui
