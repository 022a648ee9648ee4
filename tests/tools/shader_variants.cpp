// Writes every program's stages, preprocessed exactly as the renderer compiles them, for glslangValidator.
// Usage: shader_variants OUTDIR  (prints one file path per line)
#include "render/shader_sources.h"

#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: shader_variants OUTDIR\n";
        return 2;
    }
    std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    for (const auto& spec : myoatlas::render::programSpecs()) {
        for (auto [stage, file] : {std::pair{"vert", spec.vertex}, std::pair{"frag", spec.fragment}}) {
            auto path = out / (std::string(spec.name) + "." + stage);
            std::ofstream(path) << myoatlas::render::shaderText(file, spec.defines);
            std::cout << path.string() << "\n";
        }
    }
    return 0;
}
