// Checks a screenshot is a real picture: size, and enough distinct colours and non-background pixels.
// Usage: image_check FILE MIN_WIDTH MIN_HEIGHT
#include "io/image_io.h"

#include <iostream>
#include <set>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: image_check FILE MIN_WIDTH MIN_HEIGHT\n";
        return 2;
    }
    try {
        auto img = myoatlas::io::readPng(argv[1]);
        int minW = std::stoi(argv[2]), minH = std::stoi(argv[3]);
        std::set<uint32_t> colours;
        size_t bright = 0;
        for (size_t i = 0; i < img.rgba.size(); i += 4) {
            colours.insert(uint32_t(img.rgba[i]) << 16 | uint32_t(img.rgba[i + 1]) << 8 | img.rgba[i + 2]);
            if (img.rgba[i] > 120)
                ++bright; // body and UI text are bright; the background is dark
        }
        double brightShare = double(bright) / double(img.width * img.height);
        std::cout << img.width << "x" << img.height << ", " << colours.size() << " colours, " << brightShare * 100
                  << "% bright pixels\n";
        if (img.width < minW || img.height < minH) {
            std::cerr << "image too small\n";
            return 1;
        }
        if (colours.size() < 500 || brightShare < 0.03) {
            std::cerr << "image looks blank\n";
            return 1;
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
