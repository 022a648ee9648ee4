#include "report/window_state.h"

namespace myoatlas::report {

nlohmann::json windowStateJson(const WindowState& w) {
    const scene::AppState& state = w.state;
    const auto& cam = state.view.camera;
    nlohmann::json j;
    j["camera"] = {{"yaw", cam.yaw},
                   {"pitch", cam.pitch},
                   {"distance", cam.distance},
                   {"target", {cam.target.x, cam.target.y, cam.target.z}}};
    j["peel"] = state.view.peel;
    j["selection"] = nlohmann::json::array();
    for (uint32_t s : state.view.selection)
        j["selection"].push_back(w.body.structures[s].name);
    j["hidden"] = state.view.hidden.size();
    j["technique"] = {{"id", state.view.technique.id}, {"step", state.view.technique.step}};
    j["lesson"] = {{"active", state.lessonActive}, {"step", w.lessonStep}};
    j["presentation"] = state.shell.presentation;
    j["laser"] = state.shell.laser;
    j["help"] = state.shell.help;
    j["mode"] = std::string(scene::appModeName(w.mode));
    j["caption"] = w.caption;
    j["names_hidden"] = w.namesHidden;
    j["overlays"] = nlohmann::json::object();
    for (const auto& [feature, count] : w.overlays)
        j["overlays"][feature] = count;
    j["trigger_points"] = state.view.triggerPoints.size();
    j["pain_points"] = state.view.painPoints.size();
    j["lines"] = state.view.lines.size();
    j["patient"] = {{"active", w.patientScreen != "none"}, {"screen", w.patientScreen}, {"self_care", w.selfCare}};
    j["quiz"] = {{"shown", state.shell.quiz}, {"awaiting_answer", w.quizAwaitingAnswer}};
    if (w.frames >= 0)
        j["frames"] = w.frames;
    return j;
}

} // namespace myoatlas::report
