#pragma once
// RGBA8 pixels in memory. What the renderer and the window hand out; file formats are io's (io/image_io.h).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace myoatlas::core {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba; // row 0 is the top row

    [[nodiscard]] bool empty() const { return rgba.empty(); }
    [[nodiscard]] const uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
    // GL reads rows bottom-up.
    void flipVertically() {
        size_t row = static_cast<size_t>(width) * 4;
        std::vector<uint8_t> tmp(row);
        for (int y = 0; y < height / 2; ++y) {
            uint8_t* a = &rgba[static_cast<size_t>(y) * row];
            uint8_t* b = &rgba[static_cast<size_t>(height - 1 - y) * row];
            std::memcpy(tmp.data(), a, row);
            std::memcpy(a, b, row);
            std::memcpy(b, tmp.data(), row);
        }
    }
};

} // namespace myoatlas::core
