#include "scene/patient_view.h"

#include "scene/self_care.h"

#include <algorithm>

namespace myoatlas::scene {

PatientView patientView(const PatientFlow& flow, const PatientViewInput& in) {
    PatientView v;
    const PatientScreen screen = flow.screen();
    v.screen = screen;
    v.title = patientScreenTitle(screen);
    const int marks = in.marks;
    const std::string marked = "You marked " + std::to_string(marks) + (marks == 1 ? " spot." : " spots.");
    const anatomy::TriggerPoint* trp = in.source && in.atlas ? in.atlas->triggerPoint(in.source->trpId) : nullptr;
    const anatomy::Muscle* muscle = trp ? in.atlas->muscle(trp->muscle) : nullptr;
    switch (screen) {
    case PatientScreen::Mark:
        v.lines = {"Click on the body where it hurts.", "You can mark more than one spot."};
        break;
    case PatientScreen::Looking:
        v.lines = {marked, "Looking for where this pain may come from..."};
        break;
    case PatientScreen::NotFound:
        v.lines = {"No common cause was found for this spot.", "Try marking the centre of the pain."};
        break;
    case PatientScreen::Source:
        if (muscle) {
            auto words = patientWords(*in.atlas, *muscle);
            v.lines = {"Pain felt here often comes from a tight spot (a \"knot\") in " + words.phrase() + ", on your " +
                       in.source->side + " side."};
            if (!words.more.empty())
                v.lines.push_back(words.more);
            if (flow.candidates() > 1)
                v.counter = "Possible cause " + std::to_string(flow.candidate() + 1) + " of " +
                            std::to_string(flow.candidates());
        }
        break;
    case PatientScreen::Home:
        if (muscle) {
            if (!in.verdictKnown) {
                v.lines = {"Finding a safe way to ease it at home..."};
                break;
            }
            // Without the site rule's verdict the tool is not offered: the patient is told to ask.
            auto care = selfCareFor(*in.atlas, *muscle, in.verdict);
            if (!in.verdict && !care.blocked) {
                v.lines = {"Ask your therapist to show you a safe way to ease this spot at home."};
                break;
            }
            v.heading = care.title;
            v.steps = care.steps;
            v.lines = care.dosage;
            v.notes = {care.safety.begin(), care.safety.begin() + std::min<size_t>(2, care.safety.size())};
        }
        break;
    case PatientScreen::Handout:
        v.lines = {"A sheet to take home: where the pain comes from, what to do at home, and room for notes."};
        v.handoutField = true;
        break;
    }
    for (auto event : {PatientEvent::Next, PatientEvent::Another, PatientEvent::Back, PatientEvent::StartAgain})
        if (flow.offers(event))
            if (auto label = patientButtonLabel(screen, event); !label.empty())
                v.buttons.push_back({event, std::string(label)});
    return v;
}

} // namespace myoatlas::scene
