#pragma once
#include "app/feature.h"
#include "io/image_io.h"
#include "scene/still_request.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::app {

// A still written to a file: what it shows (scene::StillRequest), its size and how it is drawn.
struct RenderRequest : scene::StillRequest {
    std::filesystem::path output;
    std::string size = "1600x1200";
    int supersample = 2;
    bool noOcclusion = false; // draw what opaque structures hide too (the picture is the same; to compare)
};

struct OffscreenOptions {
    int width = 1600, height = 1200;
    int supersample = 2;
    float time = -1.0f;          // < 0: the features' steady state
    bool featureFraming = false; // let a feature choose the camera (a technique's contact, a pain map's zones)
    float framingZoom = 1.0f;    // scales the distance of that framing (> 1 steps back to show the surroundings)
    bool captions = true;        // draw the caption bar (view caption + features' captions)
    bool occlusion = true;       // render::FrameInputs::occlusion
};

// One frame of `state` with no window (EGL surfaceless): the same features and renderer as the window. Used by
// `render`, lesson renders and handouts.
[[nodiscard]] io::Image renderOffscreen(FeatureContext& context, scene::AppState& state,
                                        const OffscreenOptions& options);

// A still of `request` at the options' size (the request applied to a fresh state, then renderOffscreen).
[[nodiscard]] io::Image renderStill(FeatureContext& context, const scene::StillRequest& request,
                                    const OffscreenOptions& options);

// Renders one frame with no window (EGL surfaceless) and writes a PNG. Throws core errors.
void runRender(FeatureContext& context, const RenderRequest& request);

} // namespace myoatlas::app
