#include "app/handout_command.h"

#include "app/render_command.h"
#include "core/error.h"
#include "core/log.h"
#include "platform/egl_context.h"
#include "render/renderer.h"
#include "ui/panels.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <memory>

namespace myoatlas::app {
namespace {

std::string lowerFirst(std::string s) {
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
        !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string today() {
    auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
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

std::optional<anatomy::ContactVerdict> selfCareVerdict(const anatomy::Atlas& atlas,
                                                       scene::TechniqueResolver& techniques, const std::string& trpId,
                                                       const std::string& side) {
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
    std::string name = plainMuscleName(*muscle);
    c.title = "Your pain and " + name;
    c.imageCaption = "Where it hurts: the coloured area shows where a knot in " + name + " on your " + side +
                     " side usually sends pain (darkest where it is most common). The knot itself is the small lump "
                     "on the band of muscle, often somewhere else.";
    c.explanation.push_back("Pain is not always felt where it starts. A tight, tender spot (a \"knot\") in " + name +
                            " on your " + side + " side can send pain to the area shown in the picture.");
    if (!muscle->patientSummary.empty())
        c.explanation.push_back(muscle->patientSummary);
    c.explanation.push_back("Gentle pressure on the knot, done regularly, often helps it to settle.");
    auto care = selfCareFor(atlas, *muscle, verdict);
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
    c.attribution = std::string("Anatomy images: ") + ui::kBodyAttribution;
    c.footer = "Made with MyoAtlas on " + today() + ".";
    return c;
}

void writeTriggerPointHandout(FeatureContext& context, const std::string& trpId, const std::string& side,
                              const std::filesystem::path& output) {
    if (!context.atlas)
        throw core::DataError("atlas", "the atlas did not load: " + context.atlasError);
    (void)io::handoutFormatFor(output); // a bad extension fails before the render
    auto content = handoutContent(*context.atlas, trpId, side, nullptr);
    if (context.resolver) {
        // The same site rule as the stepper and the `technique` command: the self-care tool on this trigger point.
        scene::TechniqueResolver techniques(*context.atlas, context.body, *context.resolver);
        if (auto verdict = selfCareVerdict(*context.atlas, techniques, trpId, side))
            content = handoutContent(*context.atlas, trpId, side, &*verdict);
    }
    const int w = 1000, h = 1000;
    OffscreenOptions options;
    options.width = w;
    options.height = h;
    options.captions = false;      // the handout prints its own text
    options.featureFraming = true; // the pattern faced (from behind for one on the back), the knot and zone framed
    {
        RenderRequest request;
        request.triggerPoints = {trpId};
        request.side = side;
        request.layers = "skin,superficial_muscle,bone";
        scene::AppState state;
        applyRequest(context, request, state, static_cast<float>(w) / static_cast<float>(h));
        content.image = renderOffscreen(context, state, options);
    }
    // The self-care on the body: the technique's pressure step on this trigger point, through the same stepper
    // and site rule as the window (a refused spot shows the sensitive site and the contact, no tool).
    const auto* trp = context.atlas->triggerPoint(trpId);
    const auto* muscle = trp ? context.atlas->muscle(trp->muscle) : nullptr;
    if (muscle && context.resolver) {
        RenderRequest request;
        request.technique = selfCareTechnique(*muscle);
        if (!context.atlas->technique(request.technique))
            request.technique = "massage_ball";
        request.target = trpId;
        request.side = side;
        request.step = std::min(1, static_cast<int>(context.atlas->technique(request.technique)->steps.size()) - 1);
        request.layers = "skin:0.35,superficial_muscle,bone";
        try {
            scene::AppState state;
            applyRequest(context, request, state, static_cast<float>(w) / static_cast<float>(h));
            OffscreenOptions care = options;
            care.framingZoom = 2.0f; // the patient should recognise the body part, not only the spot
            content.careImage = renderOffscreen(context, state, care);
        } catch (const core::Error& e) { // the sheet still helps without this picture
            core::logWarn(std::string("handout: the self-care picture could not be drawn: ") + e.what());
        }
    }
    io::writeHandout(output, content);
    core::logInfo("handout for " + trpId + " (" + side + ") written to " + output.string());
}

void registerHandoutCommand(CLI::App& cli, std::vector<Subcommand>& out) {
    struct Args {
        std::string trp, side = "right";
        std::filesystem::path output;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = cli.add_subcommand("handout", "Write a one-page patient handout (PDF or PNG) for a trigger point");
    cmd->add_option("--trp", args->trp, "trigger point id, e.g. TRAPU-TP1")->required();
    cmd->add_option("--side", args->side, "side of the body: left|right")->check(CLI::IsMember({"left", "right"}));
    cmd->add_option("-o,--output", args->output, "FILE.pdf or FILE.png")->required();
    out.push_back({cmd, true, [args](FeatureContext& context) {
                       writeTriggerPointHandout(context, args->trp, args->side, args->output);
                       return 0;
                   }});
}

} // namespace myoatlas::app
