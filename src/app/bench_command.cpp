#include "app/commands.h"

#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/bench.h"
#include "scene/frame_budget.h"
#include "scene/options.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace myoatlas::app {
namespace {

struct BenchRequest {
    std::string size = "1280x720";
    bool json = false;
    int frames = 9;
    float restLodPixels = scene::FrameBudget::kRestLodPixels;
    std::filesystem::path images;
    bool noOcclusion = false;
};

} // namespace

void registerBenchCommand(CLI::App& cli, std::vector<Subcommand>& out) {
    auto request = std::make_shared<BenchRequest>();
    auto* cmd = cli.add_subcommand("bench", "Time the renderer with no window: whole body with and without levels of "
                                            "detail, an orbit, a head and neck close-up, 1,000 clicks");
    cmd->add_option("--size", request->size, "WIDTHxHEIGHT (default 1280x720)");
    cmd->add_option("--frames", request->frames, "frames timed per still scenario")->check(CLI::Range(1, 1000));
    cmd->add_option("--rest-lod-pixels", request->restLodPixels,
                    "screen-space error allowed to still frames, in pixels (the window uses the default)")
        ->check(CLI::Range(0.0, 64.0));
    cmd->add_option("--images", request->images, "write the scenarios' last frames as PNG into this directory");
    cmd->add_flag("--json", request->json, "JSON output");
    cmd->add_flag("--no-occlusion", request->noOcclusion,
                  "draw structures hidden behind opaque ones too (to compare: the images are the same)");
    out.push_back({cmd, false, [request](FeatureContext& context) {
                       render::BenchOptions options;
                       std::tie(options.width, options.height) = scene::parseSize(request->size);
                       options.restFrames = request->frames;
                       options.restLodPixels = request->restLodPixels;
                       options.occlusion = !request->noOcclusion;
                       platform::EglContext gl;
                       auto report = render::runBench(context.body, options);
                       if (!request->images.empty()) {
                           std::filesystem::create_directories(request->images);
                           io::writePng(request->images / "rest_no_lod.png", report.restNoLodImage);
                           io::writePng(request->images / "rest.png", report.restImage);
                           io::writePng(request->images / "orbit.png", report.orbitImage);
                           io::writePng(request->images / "closeup.png", report.closeupImage);
                       }
                       if (request->json) {
                           std::cout << render::benchJson(report);
                       } else {
                           std::cout << "gl " << report.gl << ", " << report.width << "x" << report.height << "\n"
                                     << "(figures above, on stderr; --json for all of them)\n";
                       }
                       return 0;
                   }});
}

} // namespace myoatlas::app
