#include "app/handout_command.h"
#include "app/commands.h"

#include "app/render_command.h"
#include "core/error.h"
#include "core/log.h"
#include "report/handout_report.h"
#include "scene/self_care.h"

#include <memory>

namespace myoatlas::app {

void writeTriggerPointHandout(FeatureContext& context, const std::string& trpId, const std::string& side,
                              const std::filesystem::path& output) {
    if (!context.atlas)
        throw core::DataError("atlas", "the atlas did not load: " + context.atlasError);
    (void)io::handoutFormatFor(output); // a bad extension fails before the render
    auto content = report::handoutContent(*context.atlas, trpId, side, nullptr);
    if (context.resolver) {
        // The same site rule as the stepper and the `technique` command: the self-care tool on this trigger point.
        scene::TechniqueResolver techniques(*context.atlas, context.body, *context.resolver);
        if (auto verdict = scene::selfCareVerdict(*context.atlas, techniques, trpId, side))
            content = report::handoutContent(*context.atlas, trpId, side, &*verdict);
    }
    OffscreenOptions options;
    options.width = options.height = 1000;
    options.captions = false;      // the handout prints its own text
    options.featureFraming = true; // the pattern faced (from behind for one on the back), the knot and zone framed
    content.image = renderStill(context, report::handoutPatternStill(trpId, side), options);
    // The self-care on the body, through the same stepper and site rule as the window (a refused spot shows the
    // sensitive site and the contact, no tool).
    if (auto care = report::handoutCareStill(*context.atlas, trpId, side); care && context.resolver) {
        try {
            OffscreenOptions zoomed = options;
            zoomed.framingZoom = 2.0f; // the patient should recognise the body part, not only the spot
            content.careImage = renderStill(context, *care, zoomed);
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
