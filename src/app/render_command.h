#pragma once
#include "app/feature.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::app {

struct RenderRequest {
    std::filesystem::path output;
    std::string view = "anterior";
    std::string size = "1600x1200";
    std::string layers = "all";
    std::vector<std::string> select;
    int supersample = 2;
    bool frameSelection = false;
    // Teaching content (each drawn by its feature).
    std::vector<std::string> triggerPoints; // ids; side from `side`
    std::string side = "right";
    float time = -1.0f; // < 0: steady state
    std::vector<std::string> lines;
    std::string technique, target;
    int step = 0;
    std::string caption;
};

// Turns a request into the state the headless renderer draws (also used by lesson renders and handouts).
void applyRequest(const FeatureContext& context, const RenderRequest& request, scene::AppState& state, float aspect);

// Renders one frame with no window (EGL surfaceless) and writes a PNG. Throws core errors.
void runRender(FeatureContext& context, const RenderRequest& request);

} // namespace myoatlas::app
