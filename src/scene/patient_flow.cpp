#include "scene/patient_flow.h"

#include <cctype>

namespace myoatlas::scene {
namespace {
using S = PatientScreen;
using E = PatientEvent;
} // namespace

void PatientFlow::enter() {
    active_ = true;
    screen_ = S::Mark;
    candidate_ = 0;
    candidates_ = 0;
}

bool PatientFlow::offers(PatientEvent event) const {
    if (!active_)
        return false;
    switch (event) {
    case E::Leave:
    case E::Back:
        return true;
    case E::StartAgain:
        return screen_ != S::Mark;
    case E::PainMarked:
        // More marks refine the search while the source is being explained, not while reading self-care.
        return screen_ == S::Mark || screen_ == S::Looking || screen_ == S::NotFound || screen_ == S::Source;
    case E::SourcesFound:
    case E::NoSource:
        return screen_ == S::Looking;
    case E::Next:
        return screen_ == S::Source || screen_ == S::Home;
    case E::Another:
        return screen_ == S::Source && candidates_ > 1;
    }
    return false;
}

PatientEffect PatientFlow::handle(PatientEvent event) {
    if (!offers(event))
        return PatientEffect::None;
    switch (event) {
    case E::Leave:
        active_ = false;
        screen_ = S::Mark;
        return PatientEffect::Leave;
    case E::StartAgain:
        screen_ = S::Mark;
        candidate_ = 0;
        return PatientEffect::ClearPain;
    case E::PainMarked:
        screen_ = S::Looking;
        return PatientEffect::None;
    case E::SourcesFound:
        if (candidates_ == 0) {
            screen_ = S::NotFound;
            return PatientEffect::None;
        }
        screen_ = S::Source;
        candidate_ = 0;
        return PatientEffect::ShowCandidate;
    case E::NoSource:
        screen_ = S::NotFound;
        return PatientEffect::None;
    case E::Next:
        screen_ = screen_ == S::Source ? S::Home : S::Handout;
        return PatientEffect::None;
    case E::Another:
        candidate_ = (candidate_ + 1) % candidates_;
        return PatientEffect::ShowCandidate;
    case E::Back:
        switch (screen_) {
        case S::Mark:
            active_ = false;
            return PatientEffect::Leave;
        case S::Looking:
        case S::NotFound:
        case S::Source:
            screen_ = S::Mark;
            candidate_ = 0;
            return PatientEffect::ClearPain;
        case S::Home:
            screen_ = S::Source;
            return PatientEffect::ShowCandidate; // the source's pattern is shown again
        case S::Handout:
            screen_ = S::Home;
            return PatientEffect::None;
        }
    }
    return PatientEffect::None;
}

std::string_view patientScreenName(PatientScreen screen) {
    switch (screen) {
    case S::Mark:
        return "mark";
    case S::Looking:
        return "looking";
    case S::NotFound:
        return "not_found";
    case S::Source:
        return "source";
    case S::Home:
        return "home";
    case S::Handout:
        return "handout";
    }
    return "?";
}

std::string_view patientScreenTitle(PatientScreen screen) {
    switch (screen) {
    case S::Mark:
        return "Where does it hurt?";
    case S::Looking:
        return "Looking for the cause";
    case S::NotFound:
        return "No common cause found";
    case S::Source:
        return "Where it may come from";
    case S::Home:
        return "What you can do at home";
    case S::Handout:
        return "Take it home";
    }
    return "";
}

std::string_view patientButtonLabel(PatientScreen screen, PatientEvent event) {
    switch (event) {
    case E::Next:
        return screen == S::Source ? "What can I do at home?" : screen == S::Home ? "Take it home" : "";
    case E::Another:
        return screen == S::Source ? "Another possible cause" : "";
    case E::Back:
        // On the first screen Back leaves, which the panel's own "Leave patient mode" button already offers: one
        // button for one thing.
        return screen == S::Mark ? "" : screen == S::Home || screen == S::Handout ? "Back" : "Mark again";
    case E::StartAgain:
        return screen == S::Home || screen == S::Handout ? "Start again" : "";
    default:
        return "";
    }
}

std::string PatientWords::phrase() const {
    if (plain.empty())
        return "the " + name;
    return plain + " (" + name + ")";
}

PatientWords patientWords(const anatomy::Atlas& atlas, const anatomy::Muscle& muscle) {
    PatientWords w;
    auto common = atlas.commonNamesOf(muscle.id);
    if (!common.empty()) {
        w.name = common.front();
    } else {
        w.name = muscle.name;
        if (auto p = w.name.find(" ("); p != std::string::npos)
            w.name.resize(p);
        if (auto p = w.name.find(','); p != std::string::npos)
            w.name.resize(p);
        if (w.name.size() > 1 && std::isupper(static_cast<unsigned char>(w.name[0])) &&
            !std::isupper(static_cast<unsigned char>(w.name[1])))
            w.name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w.name[0])));
    }
    const std::string& s = muscle.patientSummary;
    auto end = s.find(". ");
    std::string first = end == std::string::npos ? s : s.substr(0, end);
    if (!first.empty() && first.back() == '.')
        first.pop_back();
    w.more = end == std::string::npos ? std::string() : s.substr(end + 2);
    // The summary opens by saying what the muscle is ("The sloping muscle between ..."): that is its plain name.
    if (!first.empty()) {
        if (first.size() > 1 && !std::isupper(static_cast<unsigned char>(first[1])))
            first[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(first[0])));
        w.plain = first;
    }
    return w;
}

} // namespace myoatlas::scene
