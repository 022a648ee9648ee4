#include "app/gui.h"
#include "app/inspect.h"
#include "app/render_command.h"
#include "core/error.h"
#include "core/log.h"
#include "io/body_loader.h"
#include "scene/options.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

using namespace myoatlas;

int main(int argc, char** argv) {
    CLI::App cli{"MyoAtlas: 3D myofascial anatomy"};
    std::string dataDir;
    cli.add_option("--data", dataDir, "BodyParts3D directory (holds manifest.csv)");
    bool noCache = false;
    cli.add_flag("--no-cache", noCache, "Ignore and do not write the body cache");
    auto* inspect = cli.add_subcommand("inspect", "Print what was loaded");
    bool json = false;
    inspect->add_flag("--json", json, "JSON output");
    app::RenderRequest rr;
    auto* render = cli.add_subcommand("render", "Render one frame with no window and write a PNG");
    render->add_option("-o,--output", rr.output, "PNG file to write")->required();
    render->add_option("--view", rr.view, "anterior|posterior|left|right|superior|inferior");
    render->add_option("--size", rr.size, "WIDTHxHEIGHT");
    render->add_option("--layers", rr.layers, "layers to show, e.g. skin:0.3,superficial_muscle,bone");
    render->add_option("--select", rr.select, "structure or muscle to select (repeatable)");
    render->add_flag("--frame", rr.frameSelection, "frame the selection");
    render->add_option("--supersample", rr.supersample, "render at N x the size and filter down")->check(CLI::Range(1, 4));
    app::GuiOptions gui;
    cli.add_option("--frames", gui.frames, "quit after N frames (smoke tests)");
    cli.add_option("--screenshot", gui.screenshot, "with --frames: save the last frame, UI included, as PNG");
    cli.add_option("--view", gui.view, "initial view: anterior|posterior|left|right|superior|inferior");
    cli.add_option("--ui-scale", gui.uiScale, "UI scale on top of the monitor's")->check(CLI::Range(0.5, 4.0));
    std::string windowSize = "1600x1000";
    cli.add_option("--window-size", windowSize, "initial window size WIDTHxHEIGHT");
    CLI11_PARSE(cli, argc, argv);
    try {
        io::LoadOptions lo;
        lo.dataDir = io::locateData(dataDir.empty() ? std::nullopt : std::optional<std::filesystem::path>(dataDir));
        lo.useCache = !noCache;
        io::LoadReport rep;
        auto body = io::loadBody(lo, &rep);
        if (*inspect) {
            std::cout << app::bodyToJson(body, rep).dump(2) << "\n";
        } else if (*render) {
            app::runRender(body, rr);
        } else {
            std::tie(gui.width, gui.height) = scene::parseSize(windowSize);
            return app::runGui(body, rep, lo.dataDir.string(), gui);
        }
    } catch (const core::Error& e) {
        core::logError(e.what());
        return static_cast<int>(e.code());
    }
    return 0;
}
