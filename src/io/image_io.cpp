#include "io/image_io.h"

#include "core/atomic_file.h"
#include "core/error.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#include <stb_image_write.h>

namespace myoatlas::io {

void writePng(const std::filesystem::path& path, const Image& image) {
    if (image.empty())
        throw core::DataError(path.string(), "nothing to write (empty image)");
    // Encoded in memory, then written through the one atomic writer: a full disk or a missing permission leaves
    // the old file as it was and says why.
    std::string png;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.rgba.data(), image.width * 4))
        throw core::DataError(path.string(), "cannot encode PNG");
    core::writeFileAtomically(path, png);
}

Image readPng(const std::filesystem::path& path) {
    int w = 0, h = 0, n = 0;
    const std::string bytes = core::readRegularFile(path);
    if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
        throw core::DataError(path.string(), "too large for a PNG this program reads");
    unsigned char* data = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                                static_cast<int>(bytes.size()), &w, &h, &n, 4);
    if (!data)
        throw core::DataError(path.string(), std::string("cannot read PNG: ") + stbi_failure_reason());
    Image img;
    img.width = w;
    img.height = h;
    img.rgba.assign(data, data + static_cast<size_t>(w) * h * 4);
    stbi_image_free(data);
    return img;
}

ImageDiff compareImages(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height)
        throw core::Error("image sizes differ: " + std::to_string(a.width) + "x" + std::to_string(a.height) + " vs " +
                          std::to_string(b.width) + "x" + std::to_string(b.height));
    ImageDiff d;
    d.diff.width = a.width;
    d.diff.height = a.height;
    d.diff.rgba.resize(a.rgba.size());
    double sum = 0.0;
    for (size_t i = 0; i < a.rgba.size(); i += 4) {
        int m = 0;
        for (int c = 0; c < 4; ++c) {
            int delta = std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c]));
            sum += delta;
            m = std::max(m, delta);
        }
        d.maxDelta = std::max<double>(d.maxDelta, m);
        auto v = static_cast<uint8_t>(std::min(255, m * 8));
        d.diff.rgba[i] = v;
        d.diff.rgba[i + 1] = 0;
        d.diff.rgba[i + 2] = 0;
        d.diff.rgba[i + 3] = 255;
    }
    d.meanDelta = a.rgba.empty() ? 0.0 : sum / static_cast<double>(a.rgba.size());
    return d;
}

} // namespace myoatlas::io
