#pragma once
// Wires scene::StudySession (search, card, what choosing something does to the view) to the Study panel: the
// panel's choices, links and "frame it" go to the session, and a pick in the structure browser is flown to.
#include "app/feature.h"
#include "scene/study_session.h"
#include "ui/study_panel.h"

namespace myoatlas::app {

class StudyFeature : public Feature {
public:
    explicit StudyFeature(FeatureContext& context);
    [[nodiscard]] std::string_view name() const override { return "study"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;

    // The search the structure browser shares.
    [[nodiscard]] const scene::StudyIndex& index() const { return session_.index(); }
    [[nodiscard]] const scene::StudyCard& card() const { return session_.card(); }
    [[nodiscard]] ui::StudyPanelState& panelState() { return panel_; }
    [[nodiscard]] scene::StudySession& session() { return session_; }
    // Studies a search result: the card, selection, peel and camera flight (commands into `out`).
    void study(const scene::SearchResult& result, const scene::AppState& state, scene::Commands& out) {
        session_.study(result, state, panel_.autoPeel, out);
    }

private:
    FeatureContext& context_;
    scene::StudySession session_;
    ui::StudyPanelState panel_;
};

} // namespace myoatlas::app
