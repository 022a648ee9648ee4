#pragma once
// Patient mode: a simplified, plain-language view for the clinic, one idea per screen (scene::PatientFlow). A click
// on the body marks where it hurts (AddPainPoint); the heat feature's reverse lookup ranks the trigger points that
// refer pain there; this feature shows the likely source's referral (ShowTriggerPoint), explains it in everyday
// words, shows what the patient can do at home (when the site rule allows the tool there) and exports the handout.
#include "app/feature.h"
#include "scene/patient_session.h"
#include "ui/patient_panel.h"

#include <functional>
#include <future>
#include <string>
#include <vector>

namespace myoatlas::app {

// Where the ranked suspects come from (the heat feature); returns nullptr while the ranking is under way.
using SuspectSource = std::function<const std::vector<scene::Suspect>*()>;

class PatientFeature : public Feature {
public:
    PatientFeature(FeatureContext& context, SuspectSource suspects);
    ~PatientFeature() override;
    [[nodiscard]] std::string_view name() const override { return "patient"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    void markModes(scene::InputModes& modes, const scene::AppState& state) const override;
    bool onAction(const scene::BoundAction& action, const scene::AppState& state, scene::Commands& out) override;
    bool onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;
    // A handout being written renders the whole body on a worker.
    [[nodiscard]] bool readsMeshesInBackground() const override { return export_.valid(); }

    [[nodiscard]] const scene::PatientFlow& flow() const { return session_.flow(); }
    // The site rule for the self-care tool on the source shown: "none", "resolving", "allowed", "refused".
    [[nodiscard]] std::string selfCareState() const { return session_.selfCareState(); }

private:
    void exportHandout(const std::string& path, ui::UiState& ui);

    FeatureContext& context_;
    SuspectSource suspects_;
    scene::PatientSession session_;
    bool presenting_ = false; // the flow's keys are off while the projector shows the room view
    std::string handoutPath_ = "handout.pdf";
    std::future<std::string> export_; // result message of a handout export running in the background
};

} // namespace myoatlas::app
