#pragma once
// Lessons: a title and a sequence of steps, each a whole view (camera, layers, selection, trigger points, heat
// time, lines, technique) plus a caption and a transition time. Structures are stored by BodyParts3D FJ id (or
// name), never by index, so a lesson file survives a different body build. Format: docs/lessons.md. GL-free.
#include "anatomy/body.h"
#include "scene/camera.h"
#include "scene/view_state.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

// Vertical field of view a lesson camera may ask for, in radians (about 3 to 170 degrees).
inline constexpr float kMinFovY = 0.05f;
inline constexpr float kMaxFovY = 2.97f;

struct LessonStep {
    // Everything but the structure lists, which are kept by name below.
    ViewState view;
    // Camera: an explicit pose, or a named view (optionally framed on the selection) resolved on the body.
    bool explicitCamera = true;
    ViewName namedView = ViewName::Anterior;
    bool frameSelection = false;
    std::vector<std::string> selection, hidden, isolated; // FJ ids or structure / muscle names
    std::string caption;
    float transitionSeconds = 1.0f;
    [[nodiscard]] bool operator==(const LessonStep&) const = default;
};

struct Lesson {
    std::string title;
    std::string description;
    std::vector<LessonStep> steps;
    [[nodiscard]] bool operator==(const Lesson&) const = default;
};

// A step resolved on a body: the view to show and the names that matched nothing on this body.
struct ResolvedLessonStep {
    ViewState view;
    std::vector<std::string> missing;
};

inline constexpr int kLessonFormatVersion = 1;

// JSON text <-> lesson. `file` names the source in errors: "neck.json: step 3 field layers.skin.opacity: ...".
[[nodiscard]] Lesson parseLesson(const std::string& text, const std::string& file);
[[nodiscard]] std::string lessonToJson(const Lesson& lesson);
// Throws core::DataError naming the file (and the step and field).
[[nodiscard]] Lesson loadLesson(const std::filesystem::path& path);
// Written atomically: a crash never leaves a half-written lesson.
void saveLesson(const std::filesystem::path& path, const Lesson& lesson);

// The current view as a step: structure indices become FJ ids, the camera is stored explicitly.
[[nodiscard]] LessonStep stepFromView(const ViewState& view, const anatomy::Body& body);
// A step as a view on this body: names -> indices, named views placed for the viewport's aspect.
[[nodiscard]] ResolvedLessonStep resolveStep(const LessonStep& step, const anatomy::Body& body, float aspect);

} // namespace myoatlas::scene
