#pragma once
// The referred-pain heat the program shows, GL-free: the heat fields of the trigger points shown (built on worker
// threads), their animation clock (play, pause, scrub, replay, speed), the combined per-vertex heat of a frame, and
// the reverse lookup ("it hurts here" -> ranked suspects). The heat feature only wires it to the window.
#include "anatomy/referral_zone.h"
#include "scene/heat_field.h"
#include "scene/skin_heat.h"
#include "scene/suspects.h"
#include "scene/view_state.h"

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace myoatlas::scene {

class HeatSession {
public:
    explicit HeatSession(SkinHeat& skin) : skin_(skin) {}

    // One frame: `dt` seconds of wall time (scaled by `speed` while live), what is shown, the pain points.
    // `first` marks a headless frame (everything shown from the start: the settled pattern, and it waits for every
    // build). `heatTime` < 0 plays; >= 0 freezes at that time.
    void update(const std::vector<TriggerPointRef>& shown, const std::vector<glm::vec3>& painPoints, float heatTime,
                double dt, float speed, bool first);
    // Starts the shown patterns again from the knot.
    void replay();
    // Waits for everything under way (headless renders and tests).
    void finishPending();

    [[nodiscard]] bool busy() const; // solver, fields or the ranking still building
    [[nodiscard]] bool travelling() const { return travelling_; }
    [[nodiscard]] float shownTime() const { return shownTime_; }
    [[nodiscard]] float timeRange() const { return timeRange_; }
    [[nodiscard]] bool rankingPending() const { return rankingPending_; }
    [[nodiscard]] bool suspectsPending() const { return rankingPending_ || painDirty_; }
    [[nodiscard]] const std::vector<Suspect>& suspects() const { return suspects_; }

    // The combined heat on the skin (valid while shown()); version() changes whenever it does.
    [[nodiscard]] bool shown() const { return heatShown_; }
    [[nodiscard]] const std::vector<float>& values() const { return values_; }
    [[nodiscard]] float pulse() const { return pulse_; }
    [[nodiscard]] uint64_t version() const { return version_; }

    // The resolved referral of a shown trigger point (null before it is resolved or when it failed).
    [[nodiscard]] const anatomy::ResolvedReferral* referral(const TriggerPointRef& ref) const;
    // Its heat field once built.
    [[nodiscard]] const HeatField* field(const TriggerPointRef& ref) const;

private:
    struct Entry {
        anatomy::ResolvedReferral referral;
        std::future<std::unique_ptr<HeatField>> pending;
        std::unique_ptr<HeatField> field;
        double start = 0.0;   // on the animation clock
        bool settled = false; // shown from the start (headless render): steady, no travel
        bool launched = false;
        std::string error;
    };

    Entry* entryFor(const TriggerPointRef& ref);
    void launchBuilds();
    void pollBuilds(bool wait);
    void updateSuspects(const std::vector<glm::vec3>& pain, bool wait);
    void evaluate(float heatTime);
    void restart(double t);

    SkinHeat& skin_;
    std::map<std::string, Entry> entries_; // key: id + "/" + side
    std::vector<TriggerPointRef> shown_;
    double clock_ = 0.0; // animation clock: seconds scaled by the speed
    bool wasLive_ = true;
    float shownTime_ = 0.0f, timeRange_ = 4.0f;
    bool travelling_ = false;
    // Output
    std::vector<float> values_, scratch_;
    float pulse_ = 1.0f;
    bool heatShown_ = false;
    uint64_t version_ = 0;
    std::string lastEvalKey_;
    // Reverse lookup
    std::vector<glm::vec3> rankedPain_;
    std::future<std::vector<Suspect>> ranking_;
    std::vector<Suspect> suspects_;
    bool rankingPending_ = false;
    bool painDirty_ = false;
};

} // namespace myoatlas::scene
