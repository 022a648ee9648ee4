#pragma once
// Patient mode: a large, plain-language panel for the clinic. The clinician clicks where it hurts; the panel says
// where the pain may come from in everyday words and shows one self-care step. No jargon, no ids.
#include "ui/ui_model.h"

#include <string>
#include <vector>

namespace myoatlas::ui {

struct PatientView {
    int painMarks = 0;
    bool searching = false;
    std::string sourceName;            // "the upper trapezius, the sloping muscle ..."; empty: nothing found yet
    std::string summary;               // the atlas's patient summary
    std::string sideWords;             // "on your right side"
    int candidate = 0, candidates = 0; // which of the ranked sources is shown
    std::string selfCareTitle;         // "Self-care with a massage ball"
    std::vector<std::string> selfCareSteps;
    std::vector<std::string> dosage, safety;
    std::string handoutPath;
};

enum class PatientActionKind { ClearPain, NextCandidate, ExportHandout, Leave };
struct PatientAction {
    PatientActionKind kind;
    std::string path;
};

std::vector<PatientAction> drawPatientPanel(const UiModel& model, UiState& ui, const PatientView& view,
                                            std::string& handoutPath);

} // namespace myoatlas::ui
