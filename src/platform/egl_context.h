#pragma once
// An OpenGL 4.5 core context with no window and no X server (EGL_MESA_platform_surfaceless): headless renders
// and the GL tests. Rendering goes to framebuffer objects.
#include <memory>
#include <string>

namespace myoatlas::platform {

class EglContext {
public:
    // Throws core::GpuError with the reason when no context can be made.
    EglContext();
    ~EglContext();
    EglContext(const EglContext&) = delete;
    EglContext& operator=(const EglContext&) = delete;

    [[nodiscard]] std::string renderer() const; // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace myoatlas::platform
