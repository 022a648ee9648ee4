#pragma once
#include "anatomy/body.h"

#include <filesystem>
#include <string>

namespace myoatlas::app {

struct RenderRequest {
    std::filesystem::path output;
    std::string view = "anterior";
    std::string size = "1600x1200";
    std::string layers = "all";
    std::vector<std::string> select;
    int supersample = 2;
    bool frameSelection = false;
};

// Renders one frame with no window (EGL surfaceless) and writes a PNG. Throws core errors.
void runRender(const anatomy::Body& body, const RenderRequest& request);

} // namespace myoatlas::app
