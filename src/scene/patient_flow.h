#pragma once
// Patient mode as a state machine, one idea per screen: mark where it hurts, wait while the likely sources are
// ranked, see where the pain may come from (one source at a time), what you can do at home, the handout. Every
// screen is left with one key or click: Back (Esc) returns to the screen before, and Back on the first screen
// leaves patient mode, so a patient in the chair is never stuck. GL-free; the panel draws `screen()`.
#include "anatomy/atlas.h"

#include <string>
#include <string_view>

namespace myoatlas::scene {

enum class PatientScreen : unsigned char { Mark, Looking, NotFound, Source, Home, Handout };
inline constexpr PatientScreen kAllPatientScreens[] = {PatientScreen::Mark,     PatientScreen::Looking,
                                                       PatientScreen::NotFound, PatientScreen::Source,
                                                       PatientScreen::Home,     PatientScreen::Handout};

enum class PatientEvent : unsigned char {
    PainMarked,   // a click on the body marked a painful spot
    SourcesFound, // the ranking of likely sources arrived
    NoSource,     // the ranking came back empty
    Next,         // the screen's forward button (Right, PageDown, Space, Enter)
    Another,      // show the next likely source (N)
    Back,         // the screen before (Esc, Backspace, Left, PageUp); leaves patient mode from the first screen
    StartAgain,   // forget the marks, back to the first screen
    Leave,        // leave patient mode from any screen
};

// What the owner must do after an event besides drawing the new screen.
enum class PatientEffect : unsigned char { None, ClearPain, ShowCandidate, Leave };

class PatientFlow {
public:
    [[nodiscard]] bool active() const { return active_; }
    [[nodiscard]] PatientScreen screen() const { return screen_; }
    [[nodiscard]] int candidate() const { return candidate_; }
    [[nodiscard]] int candidates() const { return candidates_; }

    // Entering patient mode: the first screen, nothing marked.
    void enter();
    // The number of ranked sources available (SourcesFound and Another cycle through them).
    void setCandidates(int n) { candidates_ = n < 0 ? 0 : n; }
    // Applies an event; an event that means nothing on the current screen changes nothing (PatientEffect::None).
    PatientEffect handle(PatientEvent event);
    // Whether an event does something on the current screen (the panel shows a button for it).
    [[nodiscard]] bool offers(PatientEvent event) const;

private:
    bool active_ = false;
    PatientScreen screen_ = PatientScreen::Mark;
    int candidate_ = 0;
    int candidates_ = 0;
};

[[nodiscard]] std::string_view patientScreenName(PatientScreen screen);  // "mark", "source", ... (state dump)
[[nodiscard]] std::string_view patientScreenTitle(PatientScreen screen); // "Where does it hurt?"
// The label of the button for an event on a screen ("What can I do at home?"); empty: no button.
[[nodiscard]] std::string_view patientButtonLabel(PatientScreen screen, PatientEvent event);

// A muscle in the patient's words: what it is in plain words first, its everyday name after, never Latin alone.
struct PatientWords {
    std::string plain; // "the sloping muscle between your neck and shoulder" (the summary's first sentence)
    std::string name;  // "upper trapezius" (the first common name of names.json, else the atlas name shortened)
    std::string more;  // the rest of the patient summary
    // "the sloping muscle between your neck and shoulder (upper trapezius)"
    [[nodiscard]] std::string phrase() const;
};
[[nodiscard]] PatientWords patientWords(const anatomy::Atlas& atlas, const anatomy::Muscle& muscle);

} // namespace myoatlas::scene
