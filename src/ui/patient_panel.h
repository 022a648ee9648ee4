#pragma once
// Patient mode: a large, plain-language panel for the clinic, one idea per screen (scene/patient_flow.h). The
// words are big enough to read from the chair; every screen has its way back and a way out. No jargon, no ids.
#include "scene/patient_flow.h"
#include "scene/patient_view.h"
#include "ui/ui_model.h"

#include <string>
#include <vector>

namespace myoatlas::ui {

using scene::PatientButton;
using scene::PatientView;

enum class PatientActionKind { Event, ExportHandout, Leave };
struct PatientAction {
    PatientActionKind kind;
    scene::PatientEvent event = scene::PatientEvent::Back;
    std::string path;
};

// The text size of the patient panel for a window height: at least 1.25 x the UI font, and a 34th of the height.
[[nodiscard]] float patientTextPixels(float uiFontPixels, float windowHeight);

std::vector<PatientAction> drawPatientPanel(const UiModel& model, UiState& ui, const PatientView& view,
                                            std::string& handoutPath);

} // namespace myoatlas::ui
