#include "app/review_command.h"
#include "app/commands.h"

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
    for (const auto& still : report::reviewStills(sheet, request.side)) {
        OffscreenOptions options;
        options.width = w;
        options.height = h;
        options.featureFraming = !still.framed;
        io::writePng(request.outDir / still.file, renderStill(context, still.request, options));
        ++written;
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
