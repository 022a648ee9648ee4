#pragma once
// RGBA8 images and PNG files (stb).
#include <cstdint>
#include <filesystem>
#include <vector>

namespace myoatlas::io {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba; // row 0 is the top row

    [[nodiscard]] bool empty() const { return rgba.empty(); }
    [[nodiscard]] const uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
    void flipVertically();
};

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
