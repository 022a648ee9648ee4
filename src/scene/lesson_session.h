#pragma once
// A lesson being played or edited, GL-free and free of widgets: the lesson, which step shows, whether it plays (the
// clicker keys then step it), and the editing operations the lesson panel offers. Showing a step sets the step's
// view and moves the camera to it smoothly; steps naming structures this body lacks are reported in `missing()`.
#include "anatomy/body.h"
#include "scene/app_state.h"
#include "scene/atlas_context.h"
#include "scene/commands.h"
#include "scene/key_map.h"
#include "scene/lesson.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

// What the lesson panel asks for (it emits these; the session carries them out).
enum class LessonEditKind {
    New,
    Open,
    Save,
    SetTitle,
    AddStep,
    ReplaceStep,
    DeleteStep,
    MoveStep,
    GoTo,
    SetCaption,
    SetTransition,
    Play,
    Stop,
    Next,
    Previous
};

struct LessonEdit {
    LessonEditKind kind;
    int step = -1;      // the step acted on
    int delta = 0;      // MoveStep: -1 up, +1 down
    float value = 0.0f; // SetTransition; Open: non-zero plays from the first step
    std::string text;   // SetTitle, SetCaption, Open/Save path
};

// What the panel is told back: a line for the user, and whether its editing buffers must follow.
struct LessonEditOutcome {
    std::optional<std::string> status;
    bool opened = false;       // a lesson was loaded or started: the title and path fields follow it
    bool failed = false;       // a file could not be read or written (status says why)
    bool stepsChanged = false; // the step whose caption was being edited may be gone
};

class LessonSession {
public:
    explicit LessonSession(const anatomy::Body& body) : body_(body) {}

    [[nodiscard]] const std::optional<Lesson>& lesson() const { return lesson_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] int current() const { return current_; }
    [[nodiscard]] bool playing() const { return playing_; }
    [[nodiscard]] bool dirty() const { return dirty_; }
    [[nodiscard]] const std::vector<std::string>& missing() const { return missing_; }
    [[nodiscard]] int steps() const { return lesson_ ? static_cast<int>(lesson_->steps.size()) : 0; }
    // "Step 3 / 7" once a step shows, else empty.
    [[nodiscard]] std::string progressText() const;

    // Loads a lesson (throws core::Error for a bad file, leaving the current one as it was); with `play`, shows
    // its first step and plays.
    void open(const std::filesystem::path& path, bool play, const AppState& state, Commands& out);
    // Writes the lesson (throws core::Error; the file on disk stays as it was).
    void save(const std::filesystem::path& path);
    void startNew(const std::string& title);

    // Shows a step (clamped to the lesson), animated by its transition time when `animate`.
    void show(int step, const AppState& state, Commands& out, bool animate);
    void play(int step, const AppState& state, Commands& out, bool animate = true);
    void stop(Commands& out);
    // A clicker key while playing (Next, Previous, First, Last, Leave); true when it was the lesson's.
    bool onAction(Action action, const AppState& state, Commands& out);
    // One request of the lesson panel. A bad file is reported in the outcome (never thrown): the lesson and the
    // scene stay as they were.
    LessonEditOutcome apply(const LessonEdit& edit, const AppState& state, Commands& out);

    // Editing: each marks the lesson changed.
    void setTitle(const std::string& title);
    void addStep(int after, const AppState& state); // after < 0: at the end
    void replaceStep(int step, const AppState& state);
    bool deleteStep(int step);
    bool moveStep(int step, int delta);
    void setCaption(int step, const std::string& caption, Commands& out);
    void setTransition(int step, float seconds);

private:
    [[nodiscard]] bool valid(int step) const { return lesson_ && step >= 0 && step < steps(); }

    const anatomy::Body& body_;
    std::optional<Lesson> lesson_;
    std::filesystem::path path_;
    int current_ = -1;
    bool playing_ = false;
    bool dirty_ = false;
    std::vector<std::string> missing_;
};

// A step of a lesson file as a still (`render --lesson FILE --step N`, N from 1): the state to draw (the step's own
// camera) and warnings for what this body, or a missing atlas, leaves out. Throws core::UsageError for a step outside
// the lesson and what loadLesson throws for a bad file.
struct LessonStill {
    std::string title;
    AppState state;
    std::vector<std::string> warnings;
};
[[nodiscard]] LessonStill lessonStill(const std::filesystem::path& path, int step, const AtlasContext& context,
                                      float aspect);

} // namespace myoatlas::scene
