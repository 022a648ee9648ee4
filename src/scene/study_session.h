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

#include <future>
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

    // Takes the endangerment sites found on the worker into the card (call once a frame).
    void poll();
    // Waits for the worker (tests and headless use).
    void finishPending();

    // Once the camera has landed after a flight: a line saying where, and whether the studied structures are in
    // view (the log line the smoke test reads). Empty otherwise.
    [[nodiscard]] std::optional<std::string> landed(const AppState& state);

private:
    void showCard(StudyCard card);
    // The card of an atlas record shows at once; the endangerment sites near its muscles (the first search takes
    // seconds on software-only machines) are found on a worker and join the card when found.
    void showRecordCard(StudyKind kind, const std::string& id);
    void requestEndangerment(StudyKind kind, const std::string& id);
    void flyTo(const std::vector<uint32_t>& structures, const std::string& id, const AppState& state, bool autoPeel,
               Commands& out);

    const anatomy::Body& body_;
    const anatomy::Atlas* atlas_;
    anatomy::AtlasResolver* resolver_;
    std::unique_ptr<StudyIndex> index_;
    StudyCard card_;
    std::vector<uint32_t> lastSelection_; // to notice selections made elsewhere
    std::vector<uint32_t> studied_;       // the structures the last study selected
    std::string framedId_;
    bool flying_ = false;
    bool flyOnNextSelection_ = false;
    // The worker's own resolvers (the shared ones are not thread-safe), used by one job at a time.
    std::unique_ptr<anatomy::AtlasResolver> workerResolver_;
    std::unique_ptr<TechniqueResolver> workerTechniques_;
    std::optional<std::pair<StudyKind, std::string>> queued_; // a record chosen while the worker was busy
    std::future<StudyCard> pending_;                          // last member: waited for before the resolvers go
};

} // namespace myoatlas::scene
