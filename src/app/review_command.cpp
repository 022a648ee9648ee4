#include "app/review_command.h"

#include "app/render_command.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/log.h"
#include "report/review_report.h"
#include "scene/options.h"

#include <memory>

namespace myoatlas::app {

int runReview(FeatureContext& context, const ReviewRequest& request) {
    nlohmann::json sheet = report::reviewJson(context, request.muscle, request.side);
    std::error_code ec;
    std::filesystem::create_directories(request.outDir, ec);
    if (ec)
        throw core::UsageError("-o: cannot create " + request.outDir.string() + ": " + ec.message());
    const std::string id = sheet["muscle"];
    core::writeFileAtomically(request.outDir / (id + ".json"), sheet.dump(1) + "\n");
    core::writeFileAtomically(request.outDir / (id + ".md"), report::reviewMarkdown(sheet));
    if (!request.images)
        return 0;
    auto [w, h] = scene::parseSize(request.size);
    int written = 0;
    auto render = [&](RenderRequest rr, bool framed) {
        scene::AppState state;
        rr.size = request.size;
        rr.side = request.side;
        scene::applyStillRequest(context, rr, state, static_cast<float>(w) / static_cast<float>(h));
        OffscreenOptions options;
        options.width = w;
        options.height = h;
        options.featureFraming = !framed;
        io::writePng(rr.output, renderOffscreen(context, state, options));
        ++written;
    };
    for (const auto& img : sheet["images"]) {
        RenderRequest rr;
        rr.output = request.outDir / img["file"].get<std::string>();
        rr.view = img["view"];
        if (img["shows"] == "muscle on bone") {
            // The muscle highlighted against the skeleton, framed on it: where it attaches.
            rr.layers = sheet["layers"].get<std::string>();
            rr.select = sheet["structures"].get<std::vector<std::string>>();
            rr.frameSelection = !rr.select.empty();
            render(rr, rr.frameSelection);
        }
    }
    for (const auto& t : sheet["trigger_points"])
        for (const auto& f : t["images"]) {
            RenderRequest rr;
            std::string file = f;
            rr.output = request.outDir / file;
            // The view is the file name's last part (<muscle>_<trp>_<view>.png).
            rr.view = file.substr(file.rfind('_') + 1, file.size() - file.rfind('_') - 5);
            rr.triggerPoints = {t["id"].get<std::string>()};
            // The caption names each zone with what attests it, as the heat's intensity does.
            rr.caption = t["id"].get<std::string>() + " (" + request.side + ")";
            for (const auto& z : t["zones"])
                rr.caption += "\n" + z["kind"].get<std::string>() + ": " + z["label"].get<std::string>() + " - " +
                              z["evidence"].get<std::string>();
            render(rr, false);
        }
    core::logInfo("review of " + id + ": " + std::to_string(written) + " images in " + request.outDir.string());
    return written;
}

void registerReviewCommand(CLI::App& cli, std::vector<Subcommand>& out) {
    auto args = std::make_shared<ReviewRequest>();
    std::string outDir;
    auto* cmd = cli.add_subcommand("review", "Sheet and pictures to review one muscle: attachments, trigger points, "
                                             "referral, from the standard views");
    cmd->add_option("--muscle", args->muscle, "muscle id from muscles.json, e.g. supinator")->required();
    cmd->add_option("-o,--output", args->outDir, "output folder (created)")->required();
    cmd->add_option("--side", args->side, "side of the body: left|right")->check(CLI::IsMember({"left", "right"}));
    cmd->add_option("--size", args->size, "image size WIDTHxHEIGHT");
    cmd->add_flag(
        "--no-images", [args](int64_t) { args->images = false; }, "write the sheet only (no GL)");
    out.push_back({cmd, true, [args](FeatureContext& context) {
                       runReview(context, *args);
                       return 0;
                   }});
}

} // namespace myoatlas::app
