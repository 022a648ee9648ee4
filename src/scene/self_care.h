#pragma once
// Self-care for a patient in everyday words: which tool suits a muscle (a massage ball, or a foam roller for the big
// muscles of the thigh and back), its patient-facing steps, dosage and safety notes, under the site rule
// (anatomy/contact_safety.h): where the rule refuses the tool at the spot, the care is "ask your therapist".
// Patient mode and the handout use it.
#include "anatomy/atlas.h"
#include "anatomy/contact_safety.h"
#include "scene/technique_player.h"

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

// Plain words: "the upper trapezius" from "Upper trapezius (descending fibres)".
[[nodiscard]] std::string plainMuscleName(const anatomy::Muscle& muscle);

// One self-care step for a muscle in everyday words: the technique (massage ball, or foam roller for the big
// muscles of the thigh and back), its patient-facing steps, dosage and safety notes.
// With a verdict of the site rule (contact_safety.h) that refuses the tool at the spot, the care is "ask your
// therapist" and names no tool step.
struct SelfCare {
    std::string title, techniqueId;
    std::vector<std::string> steps, dosage, safety;
    bool blocked = false;
};
[[nodiscard]] std::string selfCareTechnique(const anatomy::Muscle& muscle); // "foam_roller" or "massage_ball"
[[nodiscard]] SelfCare selfCareFor(const anatomy::Atlas& atlas, const anatomy::Muscle& muscle,
                                   const anatomy::ContactVerdict* verdict = nullptr);

// The site rule's verdict for the self-care tool on a trigger point (contact_safety.h), resolved on the body; none
// when it cannot be resolved there (the reason is logged).
[[nodiscard]] std::optional<anatomy::ContactVerdict> selfCareVerdict(const anatomy::Atlas& atlas,
                                                                     TechniqueResolver& techniques,
                                                                     const std::string& trpId, const std::string& side);

// The same verdict for the source a patient is shown, resolved on a worker thread from the moment it is asked for,
// so the window never waits for it; one at a time (a newer request follows when the running one is done).
class SelfCareVerdicts {
public:
    SelfCareVerdicts(const anatomy::Atlas* atlas, const anatomy::Body& body) : atlas_(atlas), body_(body) {}
    ~SelfCareVerdicts();
    SelfCareVerdicts(const SelfCareVerdicts&) = delete;
    SelfCareVerdicts& operator=(const SelfCareVerdicts&) = delete;

    // Starts resolving (trpId, side) unless it is known or another one is running; collects a finished one.
    void request(const std::string& trpId, const std::string& side);
    // The verdict of (trpId, side) is in: `verdict()` is it (null: it could not be resolved on this body).
    [[nodiscard]] bool known(const std::string& trpId, const std::string& side) const;
    [[nodiscard]] const anatomy::ContactVerdict* verdict() const { return verdict_ ? &*verdict_ : nullptr; }
    [[nodiscard]] bool busy() const { return job_.valid(); }
    // "none", "resolving", "allowed" or "refused" (the smoke tests read it).
    [[nodiscard]] std::string state() const;

private:
    const anatomy::Atlas* atlas_;
    const anatomy::Body& body_;
    std::string key_;
    std::future<std::optional<anatomy::ContactVerdict>> job_;
    std::optional<anatomy::ContactVerdict> verdict_;
};

} // namespace myoatlas::scene
