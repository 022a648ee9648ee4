#pragma once
// Studying what is selected: the study panel's search and card, and a camera that follows attention. Searching
// (Enter takes the best match), clicking a result, clicking a muscle on the body or a link on the card makes the
// card show that record; choosing it from the search or a link also selects its structures (a group selects all
// its members), peels the layers above them when auto-peel is on and flies the camera to a view that shows them
// face on. Trigger point links show the point and play its referral, line links show the line, technique links
// open the steps on the muscle. A pick in the structure browser flies there too; a click on the body only changes
// the card (what was clicked is in view already).
#include "app/feature.h"
#include "scene/study_card.h"
#include "scene/study_search.h"
#include "scene/technique_player.h"
#include "ui/study_panel.h"

#include <future>
#include <memory>
#include <optional>

namespace myoatlas::app {

class StudyFeature : public Feature {
public:
    explicit StudyFeature(FeatureContext& context);
    ~StudyFeature() override;
    [[nodiscard]] std::string_view name() const override { return "study"; }
    void drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) override;
    bool update(const scene::AppState& state, double now) override;

    // The search the structure browser shares.
    [[nodiscard]] const scene::StudyIndex& index() const { return *index_; }
    [[nodiscard]] const scene::StudyCard& card() const { return card_; }
    [[nodiscard]] ui::StudyPanelState& panelState() { return panel_; }
    // Studies a search result: the card, selection, peel and camera flight (commands into `out`).
    void study(const scene::SearchResult& result, const scene::AppState& state, scene::Commands& out);

private:
    void follow(const scene::AppState& state, scene::Commands& out);
    // Selects nothing new: peels to and flies round to structures already selected.
    void flyTo(const std::vector<uint32_t>& structures, const std::string& id, const scene::AppState& state,
               scene::Commands& out);
    void handleLink(const scene::CardLink& link, const scene::AppState& state, scene::Commands& out);
    void showCard(scene::StudyCard card);
    // The endangerment sites of a clicked muscle's card are found on a worker (the first takes seconds on
    // software-only machines), so a click shows its card at once; the sites join it when found.
    void requestEndangerment(const std::string& muscleId);
    void collectEndangerment();

    FeatureContext& context_;
    std::unique_ptr<scene::StudyIndex> index_;
    std::unique_ptr<scene::TechniqueResolver> techniques_; // endangerment sites near a muscle, built on first use
    scene::StudyCard card_;
    ui::StudyPanelState panel_;
    std::vector<uint32_t> lastSelection_; // to notice selections made elsewhere (a click on the body, the browser)
    std::vector<uint32_t> studied_;       // the structures the last study selected
    std::string framedId_;                // logged once the flight to it has landed
    bool flying_ = false;
    bool flyOnNextSelection_ = false; // the structure browser picked something: follow it with the camera
    // The worker's own resolvers: the shared ones are not thread-safe. Used by one job at a time.
    std::unique_ptr<anatomy::AtlasResolver> workerResolver_;
    std::unique_ptr<scene::TechniqueResolver> workerTechniques_;
    std::string queuedEndangerment_;                    // a muscle clicked while the worker was busy
    std::future<scene::StudyCard> pendingEndangerment_; // last member: waited for before the resolvers go
};

} // namespace myoatlas::app
