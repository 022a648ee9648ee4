#pragma once
// A linked GL program built from embedded shaders. Compile/link failures throw core::GpuError with the numbered
// source and the program's name.
#include <epoxy/gl.h>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace myoatlas::render {

class GlProgram {
public:
    GlProgram() = default;
    GlProgram(std::string name, const std::string& vertex, const std::string& fragment,
              const std::vector<std::string>& defines = {});
    // Builds one of the programs listed in programSpecs().
    explicit GlProgram(std::string_view specName);
    ~GlProgram();
    GlProgram(GlProgram&& o) noexcept;
    GlProgram& operator=(GlProgram&& o) noexcept;
    GlProgram(const GlProgram&) = delete;
    GlProgram& operator=(const GlProgram&) = delete;

    void use() const { glUseProgram(id_); }
    [[nodiscard]] GLuint id() const { return id_; }
    [[nodiscard]] GLint location(const char* uniform);
    void set(const char* u, int v) { glProgramUniform1i(id_, location(u), v); }
    void set(const char* u, float v) { glProgramUniform1f(id_, location(u), v); }
    void set(const char* u, const glm::vec3& v) { glProgramUniform3f(id_, location(u), v.x, v.y, v.z); }
    void set(const char* u, const glm::mat4& m);

private:
    std::string name_;
    GLuint id_ = 0;
    std::unordered_map<std::string, GLint> locations_;
};

// Throws core::GpuError naming `where` if the GL error flag is set and checks are on (tests turn them on;
// MYOATLAS_GL_CHECKS=1 does too).
void checkGl(const char* where);
void setGlChecks(bool on);

} // namespace myoatlas::render
