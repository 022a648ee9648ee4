#pragma once
// The renderer's benchmark scenarios on a loaded body (`myoatlas bench`): whole body with and without levels of
// detail, an orbit driven by the same frame budget as the window, a close-up of the head and neck, and picking.
// Prints figures; asserts nothing. Needs a current GL 4.5 context (the caller makes one).
#include "anatomy/body.h"
#include "core/image.h"

#include <string>

namespace myoatlas::render {

struct BenchOptions {
    int width = 1280, height = 720;
    int restFrames = 9;    // frames timed per still scenario
    int orbitFrames = 120; // one full turn
    int picks = 1000;
    unsigned seed = 13;
    float restLodPixels = 1.0f; // the error allowed to still frames (the window's scene::FrameBudget::kRestLodPixels)
    bool progress = true;       // one line per scenario on stderr
    bool occlusion = true;      // skip structures hidden behind opaque ones (FrameInputs::occlusion)
};

struct ScenarioFigures {
    double frameMsMedian = 0.0, frameMsP95 = 0.0;
    size_t triangles = 0; // median over the frames (the orbit's change as the budget adapts)
    size_t lodStructures = 0, drawnStructures = 0;
    size_t occludedStructures = 0; // in the last frame: in view but hidden behind opaque ones, so not drawn
    double psnrDb = -1.0;          // rest only: against rest_no_lod's image
    double occlusionPsnrDb = -1.0; // rest with occlusion culling only: against the same frame drawn without it (99 =
                                   // the same pixels)
    double meanLodPixels = 0;      // orbit: the screen-space error budget the frames ran with
    double meanScale = 1.0;        // orbit: resolution factor the frames ran with
};

struct BenchReport {
    int width = 0, height = 0;
    ScenarioFigures restNoLod, rest, orbit, closeup;
    double pickMsMedian = 0.0, pickMsMax = 0.0, pickMsP95 = 0.0;
    size_t pickHits = 0;
    double bvhBuildMs = 0.0; // building every structure's BVH first, as the window does in the background
    // Occlusion culling on and off in alternate frames of one renderer (so a loaded machine's drift hits both
    // alike): median ms of each, for the rest and close-up views. Zero when the bench runs with it off.
    double restOnMs = 0.0, restOffMs = 0.0, closeupOnMs = 0.0, closeupOffMs = 0.0;
    // Every tenth orbit frame drawn again without occlusion culling (not timed): the worst PSNR of the culled
    // frame against it (99 = identical) and the most pixels that differed.
    int orbitOcclusionChecks = 0;
    double orbitOcclusionPsnrMin = 99.0;
    size_t orbitOcclusionPixelsMax = 0;
    std::string gl; // GL renderer string
    // The last frames, to look at: whole body full detail, at rest, a quarter into the orbit (at the size and
    // detail the budget chose), the close-up.
    core::Image restNoLodImage, restImage, orbitImage, closeupImage;
};

[[nodiscard]] BenchReport runBench(const anatomy::Body& body, const BenchOptions& options);
// {"scenarios": {...}, "width": .., "height": ..}
[[nodiscard]] std::string benchJson(const BenchReport& report);

// Peak signal-to-noise ratio of b against a over RGB, in dB (99 for identical images); sizes must match.
[[nodiscard]] double psnrDb(const core::Image& a, const core::Image& b);

} // namespace myoatlas::render
