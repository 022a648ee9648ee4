#pragma once
// Patient mode: a simplified, plain-language view for the clinic. A click on the body marks where it hurts
// (AddPainPoint); the heat feature's reverse lookup ranks the trigger points that refer pain there; this feature
// shows the likely source's referral (ShowTriggerPoint), explains it in everyday words and gives one self-care step,
// and exports the handout.
#include "app/feature.h"
#include "scene/suspects.h"
#include "scene/technique_player.h"

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::app {

// Where the ranked suspects come from (the heat feature); returns nullptr while it has none.
using SuspectSource = std::function<const std::vector<scene::Suspect>*()>;

class PatientFeature : public Feature {
public:
    PatientFeature(FeatureContext& context, SuspectSource suspects);
    ~PatientFeature() override;
    [[nodiscard]] std::string_view name() const override { return "patient"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    bool onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;

private:
    FeatureContext& context_;
    SuspectSource suspects_;
    bool active_ = false;
    std::vector<scene::Suspect> shownFrom_; // the ranking the current explanation came from
    int candidate_ = 0;
    std::string handoutPath_ = "handout.pdf";
    std::future<std::string> export_; // result message of a handout export running in the background
    // The site rule for the self-care tool on the candidate shown (the handout applies the same one).
    std::unique_ptr<scene::TechniqueResolver> techniques_;
    std::string verdictKey_;
    std::optional<anatomy::ContactVerdict> verdict_;
};

} // namespace myoatlas::app
