#include "scene/self_care.h"

#include <chrono>

#include "core/error.h"
#include "core/log.h"

#include <cctype>

namespace myoatlas::scene {
namespace {

std::string lowerFirst(std::string s) {
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
        !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

} // namespace

std::string plainMuscleName(const anatomy::Muscle& muscle) {
    std::string name = muscle.name;
    if (auto p = name.find(" ("); p != std::string::npos)
        name = name.substr(0, p);
    if (auto p = name.find(','); p != std::string::npos)
        name = name.substr(0, p);
    return "the " + lowerFirst(name);
}

std::string selfCareTechnique(const anatomy::Muscle& muscle) {
    // Big, long muscles (thigh, calf, upper back) suit a roller; smaller spots a ball.
    bool roller = muscle.region == "hip_leg" && muscle.id != "piriformis" && muscle.id != "gluteus_medius" &&
                  muscle.id != "gluteus_minimus" && muscle.id != "tensor_fasciae_latae" &&
                  muscle.id != "plantar_intrinsics";
    return roller ? "foam_roller" : "massage_ball";
}

SelfCare selfCareFor(const anatomy::Atlas& atlas, const anatomy::Muscle& muscle,
                     const anatomy::ContactVerdict* verdict) {
    const std::string id = selfCareTechnique(muscle);
    bool roller = id == "foam_roller";
    const anatomy::Technique* t = atlas.technique(id);
    if (!t) {
        t = atlas.technique("massage_ball");
        roller = false;
    }
    SelfCare care;
    if (!t)
        return care;
    care.techniqueId = t->id;
    if (verdict && !verdict->allowed()) {
        // The site rule refuses the tool at this spot: the sheet says so in plain words and names no tool step.
        care.title = "Self-care: ask your therapist";
        care.steps = {"This sore spot lies over a sensitive area (" + verdict->siteName +
                          "): do not press on it with a ball, roller or other tool.",
                      "Ask your therapist to show you a safe way to ease it."};
        care.safety = {"Sensitive here: " + [&] {
            std::string s;
            for (const auto& a : verdict->atRisk)
                s += (s.empty() ? "" : ", ") + a;
            return s;
        }() + "."};
        care.blocked = true;
        return care;
    }
    care.title = roller ? "Self-care: foam roller" : "Self-care: massage ball";
    for (const auto& s : t->steps)
        if (!s.patientText.empty())
            care.steps.push_back(s.patientText);
    auto dose = [&](const char* key, const char* label) {
        if (auto it = t->dosage.find(key); it != t->dosage.end())
            care.dosage.push_back(std::string(label) + ": " + it->second);
    };
    dose("per_site", "How long");
    dose("repetitions", "How many");
    dose("pressure", "How hard (0 = nothing, 10 = worst pain)");
    dose("frequency", "How often");
    // The technique's cautions in everyday words.
    care.safety = {
        "It should feel like a good ache, never sharp. Ease off if it hurts more than 6 out of 10.",
        "Stop if you feel numbness, tingling or burning, or if the pain spreads or is worse the next day.",
        "Do not press on the front of the neck, directly on the spine, the lower ribs at the back, the back of the "
        "knee, bruises, wounds or swollen areas.",
        "Ask your clinician first if you have a blood clot, a recent injury or fracture, fragile bones, or take "
        "blood thinners.",
    };
    return care;
}

std::optional<anatomy::ContactVerdict> selfCareVerdict(const anatomy::Atlas& atlas, TechniqueResolver& techniques,
                                                       const std::string& trpId, const std::string& side) {
    const auto* trp = atlas.triggerPoint(trpId);
    const auto* muscle = trp ? atlas.muscle(trp->muscle) : nullptr;
    if (!muscle)
        return std::nullopt;
    try {
        return techniques
            .resolve(selfCareTechnique(*muscle), trpId, side == "left" ? anatomy::Side::Left : anatomy::Side::Right)
            .verdict;
    } catch (const core::Error& e) { // e.g. a trigger point described on the other side only
        core::logWarn(std::string("self-care: the site rule could not be checked: ") + e.what());
        return std::nullopt;
    }
}

SelfCareVerdicts::~SelfCareVerdicts() {
    if (job_.valid())
        job_.wait();
}

void SelfCareVerdicts::request(const std::string& trpId, const std::string& side) {
    if (job_.valid() && job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        verdict_ = job_.get();
        return;
    }
    const std::string key = trpId + "/" + side;
    if (key == key_ || job_.valid() || !atlas_ || !atlas_->triggerPoint(trpId))
        return; // known, or another one still resolving (this one follows when it is done)
    key_ = key;
    verdict_.reset();
    job_ = std::async(std::launch::async, [this, trpId, side] {
        // Resolvers of its own: a shared one caches and belongs to the main thread.
        anatomy::AtlasResolver resolver(*atlas_, body_);
        TechniqueResolver techniques(*atlas_, body_, resolver);
        return selfCareVerdict(*atlas_, techniques, trpId, side);
    });
}

bool SelfCareVerdicts::known(const std::string& trpId, const std::string& side) const {
    return key_ == trpId + "/" + side && !job_.valid();
}

std::string SelfCareVerdicts::state() const {
    if (job_.valid())
        return "resolving";
    if (!verdict_)
        return "none";
    return verdict_->allowed() ? "allowed" : "refused";
}

} // namespace myoatlas::scene
