#pragma once
#include "app/feature.h"
#include "io/image_io.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::app {

struct RenderRequest {
    std::filesystem::path output;
    std::string view; // empty: anterior, or the direction a feature's framing chooses (a pain map faces its pattern)
    std::string size = "1600x1200";
    std::string layers = "all";
    std::vector<std::string> select;
    int supersample = 2;
    bool frameSelection = false;
    bool noOcclusion = false; // draw what opaque structures hide too (the picture is the same; to compare)
    // Teaching content (each drawn by its feature).
    std::vector<std::string> triggerPoints; // ids; side from `side`
    std::string side = "right";
    float time = -1.0f; // < 0: steady state
    std::vector<std::string> lines;
    std::string technique, target, variant;
    int step = 0;
    std::string caption;
};

// Refuses (core::UsageError naming the option) a non-finite or out-of-range --time, an unknown trigger point, line
// or technique, and a technique --step outside its steps. Called by applyRequest.
void checkContentRequest(const FeatureContext& context, const RenderRequest& request);

// Turns a request into the state the headless renderer draws (also used by lesson renders and handouts).
void applyRequest(const FeatureContext& context, const RenderRequest& request, scene::AppState& state, float aspect);

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

// Renders one frame with no window (EGL surfaceless) and writes a PNG. Throws core errors.
void runRender(FeatureContext& context, const RenderRequest& request);

} // namespace myoatlas::app
