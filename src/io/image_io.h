#pragma once
// PNG files (stb) and image comparison, for the RGBA8 images the renderer and the window produce.
#include "core/image.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace myoatlas::io {

using Image = core::Image;

void writePng(const std::filesystem::path& path, const Image& image); // throws core::DataError
[[nodiscard]] Image readPng(const std::filesystem::path& path);       // throws core::DataError

struct ImageDiff {
    double maxDelta = 0.0;  // largest per-channel difference, 0..255
    double meanDelta = 0.0; // mean per-channel difference, 0..255
    Image diff;             // visualisation: differences amplified
};
// Images must be the same size; throws core::Error otherwise.
[[nodiscard]] ImageDiff compareImages(const Image& a, const Image& b);

} // namespace myoatlas::io
