// MyoAtlas entry point: options, data loading, subcommands. One catch maps typed errors to exit codes.
#include "anatomy/atlas.h"
#include "anatomy/atlas_validate.h"
#include "anatomy/landmark_resolver.h"
#include "app/commands.h"
#include "app/feature.h"
#include "app/gui.h"
#include "app/lesson_feature.h"
#include "app/render_command.h"
#include "app/startup.h"
#include "core/error.h"
#include "core/log.h"
#include "io/body_loader.h"
#include "io/fascia_layer.h"
#include "io/modelled_muscles.h"
#include "report/body_report.h"
#include "scene/options.h"

#include <CLI/CLI.hpp>
#include <iostream>

using namespace myoatlas;

namespace {

void addContentOptions(CLI::App* cmd, app::RenderRequest& rr) {
    cmd->add_option("--trp", rr.triggerPoints, "trigger point(s) whose referred pain to show, e.g. TRAPU-TP1");
    cmd->add_option("--side", rr.side, "side of the trigger point or technique target: left|right")
        ->check(CLI::IsMember({"left", "right"}));
    cmd->add_option("--time", rr.time, "heat-map animation time in seconds (default: steady state)");
    cmd->add_option("--line", rr.lines, "Anatomy Trains line(s) to show, e.g. SBL, LL_left");
    cmd->add_option("--technique", rr.technique, "release technique id");
    cmd->add_option("--target", rr.target, "technique target: muscle or trigger point id");
    cmd->add_option("--step", rr.step, "technique step (0-based)");
    cmd->add_option("--variant", rr.variant, "technique variant id (default: the standard sequence)");
    cmd->add_option("--caption", rr.caption, "caption text drawn with the image");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"MyoAtlas: 3D myofascial anatomy for teaching"};
    cli.require_subcommand(0, 1);
    // Global options (--data, --no-cache, -v) are accepted after the subcommand too.
    cli.fallthrough();
    std::string dataDir;
    cli.add_option("--data", dataDir,
                   "BodyParts3D directory (holds manifest.csv); default $MYOATLAS_DATA, then "
                   "../shared/bodyparts3d");
    bool noCache = false;
    cli.add_flag("--no-cache", noCache, "ignore and do not write the body cache");
    bool verbose = false;
    cli.add_flag("-v,--verbose", verbose, "more log output");
    bool quiet = false;
    cli.add_flag("-q,--quiet", quiet, "no progress on stderr while the body loads");

    app::GuiOptions gui;
    cli.add_option("--frames", gui.frames, "quit after N frames (smoke tests)");
    cli.add_option("--screenshot", gui.screenshot, "with --frames: save the last frame, UI included, as PNG");
    cli.add_option("--view", gui.view, "initial view: anterior|posterior|left|right|superior|inferior");
    cli.add_option("--ui-scale", gui.uiScale, "UI scale on top of the monitor's")->check(CLI::Range(0.5, 4.0));
    cli.add_option("--lesson", gui.lesson, "open a lesson file and play it (PageDown/PageUp step through it)");
    cli.add_flag("--presentation", gui.presentation, "start in presentation mode (F5 toggles it, Esc leaves it)");
    cli.add_option("--dump-state", gui.dumpState, "on exit, write the state (view, selection, modes) as JSON");
    bool noOcclusion = false;
    cli.add_flag("--no-occlusion", noOcclusion, "also draw structures hidden behind opaque ones (to compare)");
    std::string windowSize = "1600x1000";
    cli.add_option("--window-size", windowSize, "initial window size WIDTHxHEIGHT");

    auto* inspect = cli.add_subcommand("inspect", "Print what was loaded: body and atlas");
    bool json = false;
    inspect->add_flag("--json", json, "JSON output (the only format)");

    auto* validate = cli.add_subcommand("validate", "Check the atlas data against the loaded body");
    bool validateJson = false;
    validate->add_flag("--json", validateJson, "JSON report");

    app::RenderRequest rr;
    auto* render = cli.add_subcommand("render", "Render one frame with no window and write a PNG");
    render->add_option("-o,--output", rr.output, "PNG file to write")->required();
    render->add_option("--view", rr.view,
                       "anterior|posterior|left|right|superior|inferior (default: anterior; with --trp, facing the "
                       "pattern)");
    render->add_option("--size", rr.size, "WIDTHxHEIGHT");
    render->add_option("--layers", rr.layers, "layers to show, e.g. skin:0.3,superficial_muscle,bone");
    render->add_option("--select", rr.select, "structure or muscle to select (repeatable)");
    render->add_flag("--frame", rr.frameSelection, "frame the selection");
    render->add_option("--supersample", rr.supersample, "render at N x the size and filter down")
        ->check(CLI::Range(1, 4));
    render->add_flag("--no-occlusion", rr.noOcclusion,
                     "also draw structures hidden behind opaque ones (the same picture, slower; to compare)");
    addContentOptions(render, rr);
    std::filesystem::path renderLesson;
    render->add_option("--lesson", renderLesson, "render a step of this lesson file (with --step N, from 1)");

    std::vector<app::Subcommand> subcommands;
    app::registerSubcommands(cli, subcommands);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version print and succeed; any other parse error is a usage error (exit 2, as documented),
        // not CLI11's own 100-odd codes.
        int code = cli.exit(e);
        return code == 0 ? 0 : static_cast<int>(core::ExitCode::Usage);
    }
    if (verbose)
        core::setLogLevel(core::LogLevel::Debug);
    try {
        io::LoadOptions lo;
        lo.dataDir = io::locateData(dataDir.empty() ? std::nullopt : std::optional<std::filesystem::path>(dataDir));
        lo.useCache = !noCache;
        if (cli.get_subcommands().empty()) {
            // The window opens first and shows the load's progress.
            std::tie(gui.width, gui.height) = scene::parseSize(windowSize);
            gui.occlusion = !noOcclusion;
            return app::runGuiAfterLoading(lo, gui);
        }
        lo.progress = io::stderrProgress(quiet);
        auto world = app::loadWorld(lo, validate->parsed());
        auto& body = world->body;
        const auto& atlasDir = world->atlasDir;

        if (*validate) {
            auto report = anatomy::validateAtlasDirectory(atlasDir, body);
            if (validateJson)
                std::cout << report.toJson().dump(2) << "\n";
            else
                std::cout << report.toText();
            return report.ok() ? 0 : static_cast<int>(core::ExitCode::Validation);
        }
        const auto& atlas = world->atlas;
        const auto& atlasError = world->atlasError;
        app::FeatureContext context = world->context();

        if (*inspect) {
            std::cout << report::inspectJson(context, world->report).dump(2) << "\n";
            return 0;
        }
        for (auto& sub : subcommands) {
            if (!*sub.command)
                continue;
            if (sub.needsAtlas && !atlas)
                throw core::DataError(atlasDir.string(), "the atlas did not load: " + atlasError);
            return sub.run(context);
        }
        if (*render && !renderLesson.empty()) {
            app::renderLessonStep(context, rr, renderLesson, rr.step);
            return 0;
        }
        if (*render) {
            if (!atlas && (!rr.triggerPoints.empty() || !rr.lines.empty() || !rr.technique.empty()))
                throw core::DataError(atlasDir.string(), "the atlas did not load: " + atlasError);
            app::runRender(context, rr);
            return 0;
        }
        return 0;
    } catch (...) {
        const core::Failure f = core::failureOf(std::current_exception());
        core::logError(f.expected ? f.message : "unexpected: " + f.message);
        return static_cast<int>(f.code);
    }
}
