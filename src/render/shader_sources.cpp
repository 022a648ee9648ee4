#include "render/shader_sources.h"

#include "core/error.h"

#include <sstream>

namespace myoatlas::render {
namespace {

std::string_view raw(std::string_view name) {
    for (const auto& s : embeddedShaders())
        if (name == s.name)
            return s.text;
    throw core::GpuError("shader '" + std::string(name) + "' is not embedded in the program");
}

std::string expandIncludes(std::string_view name, int depth) {
    if (depth > 8)
        throw core::GpuError("shader '" + std::string(name) + "': #include nested too deep");
    std::istringstream in{std::string(raw(name))};
    std::string line, out;
    while (std::getline(in, line)) {
        auto pos = line.find("#include");
        if (pos != std::string::npos && line.find_first_not_of(" \t") == pos) {
            auto a = line.find('"', pos), b = line.rfind('"');
            if (a == std::string::npos || b <= a)
                throw core::GpuError("shader '" + std::string(name) + "': malformed #include: " + line);
            out += expandIncludes(line.substr(a + 1, b - a - 1), depth + 1);
            continue;
        }
        out += line;
        out += '\n';
    }
    return out;
}

} // namespace

const std::vector<ProgramSpec>& programSpecs() {
    static const std::vector<ProgramSpec> specs = {
        {"body_opaque", "body.vert", "body.frag", {"OPAQUE"}},
        {"body_translucent", "body.vert", "body.frag", {"OIT"}},
        {"composite", "fullscreen.vert", "composite.frag", {}},
        {"overlay", "overlay.vert", "overlay.frag", {}},
        {"hull", "hull.vert", "hull.frag", {}},
        {"occlusion_box", "occlusion_box.vert", "occlusion_box.frag", {}},
    };
    return specs;
}

const ProgramSpec& programSpec(std::string_view name) {
    for (const auto& s : programSpecs())
        if (name == s.name)
            return s;
    throw core::GpuError("no shader program named '" + std::string(name) + "'");
}

std::string shaderText(std::string_view name, const std::vector<std::string>& defines) {
    std::string text = expandIncludes(name, 0);
    auto eol = text.find('\n');
    if (text.rfind("#version", 0) != 0 || eol == std::string::npos)
        throw core::GpuError("shader '" + std::string(name) + "' must start with #version");
    std::string header = text.substr(0, eol + 1);
    for (const auto& d : defines)
        header += "#define " + d + "\n";
    // No #line: compiler messages then number lines as the printed, preprocessed listing does.
    return header + text.substr(eol + 1);
}

} // namespace myoatlas::render
