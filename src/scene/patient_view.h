#pragma once
// What a patient-mode screen says, GL-free: the title, the idea in big plain words, self-care steps and cautions,
// the counter of possible causes and the screen's buttons (scene/patient_flow.h gives the screens and their ways).
#include "anatomy/atlas.h"
#include "anatomy/contact_safety.h"
#include "scene/patient_flow.h"
#include "scene/suspects.h"

#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

struct PatientButton {
    PatientEvent event;
    std::string label;
};

struct PatientView {
    PatientScreen screen = PatientScreen::Mark;
    std::string title;
    std::string heading;                // a sub-heading (the self-care tool), may be empty
    std::vector<std::string> lines;     // the screen's idea in big plain words
    std::vector<std::string> steps;     // numbered steps (self-care)
    std::vector<std::string> notes;     // smaller: cautions
    std::string counter;                // "Cause 1 of 3"
    std::vector<PatientButton> buttons; // the screen's ways on and back, in order
    bool handoutField = false;          // the path field and the Export button
};

// What the flow's screen says. `source`: the possible cause shown (Source, Home and Handout screens), may be null;
// `marks`: the pain marks made; `verdict`: the site rule's verdict for the self-care tool on the source, when known
// (`verdictKnown`; unknown: "finding a safe way..."; known but absent: no tool is offered).
struct PatientViewInput {
    const anatomy::Atlas* atlas = nullptr;
    const Suspect* source = nullptr;
    int marks = 0;
    bool verdictKnown = false;
    const anatomy::ContactVerdict* verdict = nullptr;
};
[[nodiscard]] PatientView patientView(const PatientFlow& flow, const PatientViewInput& in);

} // namespace myoatlas::scene
