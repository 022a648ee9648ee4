#pragma once
// Shader sources embedded at build time, and the preprocessing shared by the renderer and the offline checks:
// `#include "file"` is inlined and variant `#define`s are inserted after `#version`.
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::render {

struct ShaderSource {
    const char* name;
    const char* text;
};

[[nodiscard]] const std::vector<ShaderSource>& embeddedShaders();

// Every program the renderer links, with its variant defines: the renderer and the offline glslangValidator
// check both read this list, so a variant cannot escape the check.
struct ProgramSpec {
    const char* name;
    const char* vertex;
    const char* fragment;
    std::vector<std::string> defines;
};
[[nodiscard]] const std::vector<ProgramSpec>& programSpecs();
[[nodiscard]] const ProgramSpec& programSpec(std::string_view name);

// Throws core::GpuError when the shader or an included file is not embedded.
[[nodiscard]] std::string shaderText(std::string_view name, const std::vector<std::string>& defines = {});

} // namespace myoatlas::render
