#include "render/gl_program.h"

#include "core/error.h"
#include "render/shader_sources.h"

#include <cstdlib>
#include <cstring>
#include <glm/gtc/type_ptr.hpp>
#include <sstream>

namespace myoatlas::render {
namespace {

bool gChecks = [] {
    const char* e = std::getenv("MYOATLAS_GL_CHECKS");
    return e && *e && *e != '0';
}();

std::string numbered(const std::string& src) {
    std::istringstream in(src);
    std::ostringstream out;
    std::string line;
    int n = 0;
    while (std::getline(in, line))
        out << (++n) << ": " << line << "\n";
    return out.str();
}

GLuint compile(GLenum type, const std::string& name, const std::string& src) {
    GLuint s = glCreateShader(type);
    const char* p = src.c_str();
    glShaderSource(s, 1, &p, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
        std::string log(static_cast<size_t>(std::max(len, 1)), '\0');
        glGetShaderInfoLog(s, len, nullptr, log.data());
        log.resize(std::strlen(log.c_str())); // drop the terminator GL writes, or what() stops at it
        glDeleteShader(s);
        throw core::GpuError("shader program '" + name + "': " + (type == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                             " stage does not compile:\n" + log + "\n" + numbered(src));
    }
    return s;
}

} // namespace

void setGlChecks(bool on) {
    gChecks = on;
}

void checkGl(const char* where) {
    if (!gChecks)
        return;
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        std::ostringstream msg;
        msg << "GL error 0x" << std::hex << e << " at " << where;
        throw core::GpuError(msg.str());
    }
}

GlProgram::GlProgram(std::string name, const std::string& vertex, const std::string& fragment,
                     const std::vector<std::string>& defines)
    : name_(std::move(name)) {
    GLuint vs = compile(GL_VERTEX_SHADER, name_, shaderText(vertex, defines));
    GLuint fs = 0;
    try {
        fs = compile(GL_FRAGMENT_SHADER, name_, shaderText(fragment, defines));
    } catch (...) {
        glDeleteShader(vs);
        throw;
    }
    id_ = glCreateProgram();
    glAttachShader(id_, vs);
    glAttachShader(id_, fs);
    glLinkProgram(id_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(id_, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetProgramiv(id_, GL_INFO_LOG_LENGTH, &len);
        std::string log(static_cast<size_t>(std::max(len, 1)), '\0');
        glGetProgramInfoLog(id_, len, nullptr, log.data());
        log.resize(std::strlen(log.c_str()));
        glDeleteProgram(id_);
        id_ = 0;
        throw core::GpuError("shader program '" + name_ + "' does not link:\n" + log);
    }
}

GlProgram::GlProgram(std::string_view specName)
    : GlProgram(programSpec(specName).name, programSpec(specName).vertex, programSpec(specName).fragment,
                programSpec(specName).defines) {}

GlProgram::~GlProgram() {
    if (id_)
        glDeleteProgram(id_);
}

GlProgram::GlProgram(GlProgram&& o) noexcept
    : name_(std::move(o.name_)), id_(o.id_), locations_(std::move(o.locations_)) {
    o.id_ = 0;
}

GlProgram& GlProgram::operator=(GlProgram&& o) noexcept {
    if (this != &o) {
        if (id_)
            glDeleteProgram(id_);
        name_ = std::move(o.name_);
        id_ = o.id_;
        locations_ = std::move(o.locations_);
        o.id_ = 0;
    }
    return *this;
}

GLint GlProgram::location(const char* uniform) {
    auto it = locations_.find(uniform);
    if (it != locations_.end())
        return it->second;
    GLint loc = glGetUniformLocation(id_, uniform);
    locations_.emplace(uniform, loc);
    return loc;
}

void GlProgram::set(const char* u, const glm::mat4& m) {
    glProgramUniformMatrix4fv(id_, location(u), 1, GL_FALSE, glm::value_ptr(m));
}

} // namespace myoatlas::render
