#include "report/handout_report.h"

#include "core/error.h"
#include "scene/self_care.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace myoatlas::report {
namespace {

std::string today() {
    auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

} // namespace

io::HandoutContent handoutContent(const anatomy::Atlas& atlas, const std::string& trpId, const std::string& side,
                                  const anatomy::ContactVerdict* verdict) {
    const auto* trp = atlas.triggerPoint(trpId);
    if (!trp)
        throw core::UsageError("--trp: unknown trigger point '" + trpId + "'");
    if (side != "left" && side != "right")
        throw core::UsageError("--side must be left or right (got '" + side + "')");
    const auto* muscle = atlas.muscle(trp->muscle);
    if (!muscle)
        throw core::UsageError("trigger point '" + trpId + "' names an unknown muscle");
    io::HandoutContent c;
    std::string name = scene::plainMuscleName(*muscle);
    c.title = "Your pain and " + name;
    c.imageCaption = "Where it hurts: the coloured area shows where a knot in " + name + " on your " + side +
                     " side usually sends pain (darkest where it is most common). The knot itself is the small lump "
                     "on the band of muscle, often somewhere else.";
    c.explanation.push_back("Pain is not always felt where it starts. A tight, tender spot (a \"knot\") in " + name +
                            " on your " + side + " side can send pain to the area shown in the picture.");
    if (!muscle->patientSummary.empty())
        c.explanation.push_back(muscle->patientSummary);
    c.explanation.push_back("Gentle pressure on the knot, done regularly, often helps it to settle.");
    auto care = scene::selfCareFor(atlas, *muscle, verdict);
    c.selfCareTitle = care.title;
    c.careCaption = care.blocked ? "What not to do: the ring marks the sore spot; the red areas are sensitive. Do "
                                   "not press here with a ball or roller; your therapist will show you what to do."
                                 : "What you can do: the ring shows where the " +
                                       std::string(care.techniqueId == "foam_roller" ? "roller" : "ball") +
                                       " goes, the arrow how you lean into it.";
    c.selfCareSteps = care.steps;
    c.dosage = care.dosage;
    c.safety = care.safety;
    c.safety.push_back("This sheet explains a common pain pattern; it is not a diagnosis. See your clinician if the "
                       "pain is severe, comes with fever, weakness or weight loss, or does not improve.");
    c.attribution = std::string("Anatomy images: ") + anatomy::kBodyAttribution;
    c.footer = "Made with MyoAtlas on " + today() + ".";
    return c;
}

scene::StillRequest handoutPatternStill(const std::string& trpId, const std::string& side) {
    scene::StillRequest r;
    r.triggerPoints = {trpId};
    r.side = side;
    r.layers = "skin,superficial_muscle,bone";
    return r;
}

std::optional<scene::StillRequest> handoutCareStill(const anatomy::Atlas& atlas, const std::string& trpId,
                                                    const std::string& side) {
    const auto* trp = atlas.triggerPoint(trpId);
    const auto* muscle = trp ? atlas.muscle(trp->muscle) : nullptr;
    if (!muscle)
        return std::nullopt;
    scene::StillRequest r;
    r.technique = scene::selfCareTechnique(*muscle);
    if (!atlas.technique(r.technique))
        r.technique = "massage_ball";
    const auto* technique = atlas.technique(r.technique);
    if (!technique || technique->steps.empty())
        return std::nullopt;
    r.target = trpId;
    r.side = side;
    r.step = std::min(1, static_cast<int>(technique->steps.size()) - 1); // the pressure step
    r.layers = "skin:0.35,superficial_muscle,bone";
    return r;
}

} // namespace myoatlas::report
