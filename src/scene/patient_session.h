#pragma once
// Patient mode's state and logic, GL-free: the flow of screens (PatientFlow), the ranking of likely sources the
// explanation came from, and the self-care verdict for the source shown. It turns the flow's effects into commands
// (clear the marks, show a source's pattern, leave) and says what each screen shows (PatientView). The app's
// feature only draws the panel and writes the handout.
#include "anatomy/body.h"
#include "scene/app_state.h"
#include "scene/commands.h"
#include "scene/key_map.h"
#include "scene/patient_flow.h"
#include "scene/patient_view.h"
#include "scene/self_care.h"
#include "scene/suspects.h"

#include <glm/vec3.hpp>
#include <string>
#include <vector>

namespace myoatlas::scene {

class PatientSession {
public:
    // Sources beyond this many are not offered: a patient is shown the likeliest few.
    static constexpr size_t kMaxCandidates = 5;

    PatientSession(const anatomy::Atlas* atlas, const anatomy::Body& body) : body_(body), verdicts_(atlas, body), atlas_(atlas) {}

    [[nodiscard]] const PatientFlow& flow() const { return flow_; }
    [[nodiscard]] bool active() const { return flow_.active(); }

    // Entering: the first screen and a clean, friendly front view of the whole body, with nothing left from exploring
    // (patterns, lines, a technique, a selection, peeled layers). The camera moves there, so a move still running (a
    // lesson's) cannot carry the view away.
    void enter(const AppState& state, Commands& out);
    // The mode was switched off elsewhere (F2, the menu): the mode switch clears what it showed.
    void left();

    // An event from a key or the panel's buttons.
    void handle(PatientEvent event, Commands& out);
    // The clicker keys of patient mode (Next, Previous or Leave, Another); false when the action is not one of them.
    bool onAction(Action action, Commands& out);
    // A click on the body at `point`: a mark where the screen asks for one. Clicks never select in patient mode, so
    // any click is taken.
    void onClick(const glm::vec3& point, Commands& out);
    // While the sources are being looked for: the ranking, once it is in (null while it is under way).
    void offerRanking(const std::vector<Suspect>* ranked, Commands& out);

    // The source on screen (null on the screens that show none).
    [[nodiscard]] const Suspect* source() const;
    // What the screen shows; asks for the source's self-care verdict, which a worker resolves.
    [[nodiscard]] PatientView view(const AppState& state);
    // Work under way that needs frames: the ranking awaited or a verdict resolving.
    [[nodiscard]] bool busy() const;
    // "none", "resolving", "allowed" or "refused" (the state dump).
    [[nodiscard]] std::string selfCareState() const { return verdicts_.state(); }

private:
    const anatomy::Body& body_;
    PatientFlow flow_;
    std::vector<Suspect> ranked_; // the ranking the current explanation came from
    SelfCareVerdicts verdicts_;
    const anatomy::Atlas* atlas_;
};

} // namespace myoatlas::scene
