#pragma once
// Studying what is selected, GL-free: the search, the card shown, and what choosing something does to the view.
// Choosing a search result or a card link makes the card show that record and also selects its structures (a group
// selects all its members), peels the layers above them (auto-peel) and flies the camera to a view that shows them
// face on. Trigger point links show the point and play its referral, line links show the line, technique links open
// the steps on the card's muscle. A selection made elsewhere (a click on the body) only changes the card: what was
// clicked is in view already; one made in the structure browser is flown to as well.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "scene/app_state.h"
#include "scene/commands.h"
#include "scene/study_card.h"
#include "scene/study_search.h"
#include "scene/technique_player.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

class StudySession {
public:
    // `atlas` and `resolver` may be absent (the atlas did not load): then only body structures are studied.
    StudySession(const anatomy::Body& body, const anatomy::Atlas* atlas, anatomy::AtlasResolver* resolver);
    ~StudySession();

    [[nodiscard]] const StudyIndex& index() const { return *index_; }
    [[nodiscard]] const StudyCard& card() const { return card_; }

    // A search result: the card, selection, peel and camera flight (commands into `out`).
    void study(const SearchResult& result, const AppState& state, bool autoPeel, Commands& out);
    // A link on the card (a trigger point, line, technique or muscle of it).
    void openLink(const CardLink& link, const AppState& state, bool autoPeel, Commands& out);
    // Flies back to what is selected (or was last studied).
    void reframe(const AppState& state, bool autoPeel, Commands& out);
    // Follows a selection made elsewhere: the card shows it; with flyToNextSelection() the camera goes there too.
    void follow(const AppState& state, bool autoPeel, Commands& out);
    void flyToNextSelection() { flyOnNextSelection_ = true; }

    // Once the camera has landed after a flight: a line saying where, and whether the studied structures are in
    // view (the log line the smoke test reads). Empty otherwise.
    [[nodiscard]] std::optional<std::string> landed(const AppState& state);

private:
    void showCard(StudyCard card);
    [[nodiscard]] TechniqueResolver* techniques();
    void flyTo(const std::vector<uint32_t>& structures, const std::string& id, const AppState& state, bool autoPeel,
               Commands& out);

    const anatomy::Body& body_;
    const anatomy::Atlas* atlas_;
    anatomy::AtlasResolver* resolver_;
    std::unique_ptr<StudyIndex> index_;
    std::unique_ptr<TechniqueResolver> techniques_; // endangerment sites near a muscle, built on first use
    StudyCard card_;
    std::vector<uint32_t> lastSelection_; // to notice selections made elsewhere
    std::vector<uint32_t> studied_;       // the structures the last study selected
    std::string framedId_;
    bool flying_ = false;
    bool flyOnNextSelection_ = false;
};

} // namespace myoatlas::scene
