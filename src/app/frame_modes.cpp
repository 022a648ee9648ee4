#include "app/frame_modes.h"

#include "app/lesson_feature.h"
#include "app/patient_feature.h"
#include "app/quiz_feature.h"
#include "report/window_state.h"

namespace myoatlas::app {
namespace {

bool quizAwaitingAnswer(const ModeFeatures& f) {
    return f.quiz && f.quiz->awaitingAnswer();
}

} // namespace

ModeFeatures findModeFeatures(std::vector<std::unique_ptr<Feature>>& features) {
    ModeFeatures f;
    for (auto& feature : features) {
        if (auto* p = dynamic_cast<LessonFeature*>(feature.get()))
            f.lessons = p;
        if (auto* p = dynamic_cast<QuizFeature*>(feature.get()))
            f.quiz = p;
        if (auto* p = dynamic_cast<PatientFeature*>(feature.get()))
            f.patient = p;
    }
    return f;
}

scene::AppMode updateMode(scene::ModeSwitch& modes, const ModeFeatures& f, const scene::AppState& state,
                          scene::Commands& commands, bool afterPanels, bool& namesHidden) {
    // The modes switched on or off by this frame's commands so far count already.
    const scene::ShellState shell = scene::shellAfter(state.shell, commands);
    scene::ModeFlags flags;
    flags.patient = shell.patient;
    flags.quiz = shell.quiz;
    flags.lessonPlaying = f.lessons && f.lessons->playing();
    flags.technique = !state.view.technique.id.empty();
    const scene::AppMode mode = scene::modeOf(flags);
    modes.update(mode, commands, afterPanels);
    namesHidden = !scene::rulesFor(mode, !quizAwaitingAnswer(f)).structureNames;
    return mode;
}

std::string frameCaption(const scene::AppState& state, std::vector<std::unique_ptr<Feature>>& features,
                         scene::AppMode mode, const ModeFeatures& f) {
    std::string caption = state.view.caption;
    if (!scene::rulesFor(mode, !quizAwaitingAnswer(f)).otherCaptions)
        return caption;
    for (auto& feature : features)
        if (auto c = feature->caption(state); !c.empty())
            caption += (caption.empty() ? "" : "\n") + c;
    return caption;
}

std::string stateJson(const scene::AppState& state, bool namesHidden, const anatomy::Body& body,
                      std::vector<std::unique_ptr<Feature>>& features, const ModeFeatures& f, scene::AppMode mode,
                      const std::string& caption, int frames) {
    report::WindowState w{state, body, mode, caption, namesHidden};
    w.lessonStep = f.lessons ? f.lessons->current() : -1;
    for (auto& feature : features) {
        std::vector<render::OverlayMesh> overlays;
        feature->appendOverlays(overlays);
        w.overlays[std::string(feature->name())] = overlays.size();
    }
    if (f.patient && f.patient->flow().active())
        w.patientScreen = scene::patientScreenName(f.patient->flow().screen());
    w.selfCare = f.patient ? f.patient->selfCareState() : std::string("none");
    w.quizAwaitingAnswer = quizAwaitingAnswer(f);
    w.frames = frames;
    return report::windowStateJson(w).dump(2) + "\n";
}

} // namespace myoatlas::app
