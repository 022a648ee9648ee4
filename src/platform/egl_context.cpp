#include "platform/egl_context.h"

#include "core/error.h"

#include <epoxy/egl.h> // epoxy dispatches EGL too, so GL and EGL come from one loader
#include <epoxy/gl.h>

namespace myoatlas::platform {

struct EglContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
};

EglContext::EglContext() : impl_(std::make_unique<Impl>()) {
    if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
        throw core::GpuError("EGL: the surfaceless platform (EGL_MESA_platform_surfaceless) is not available; "
                             "install Mesa's libegl-mesa0");
    impl_->display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (impl_->display == EGL_NO_DISPLAY)
        throw core::GpuError("EGL: no surfaceless display (is Mesa's libegl-mesa0 installed?)");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(impl_->display, &major, &minor))
        throw core::GpuError("EGL: eglInitialize failed (error 0x" + std::to_string(eglGetError()) + ")");
    if (!eglBindAPI(EGL_OPENGL_API))
        throw core::GpuError("EGL: desktop OpenGL is not available");
    const EGLint attribs[] = {
        EGL_CONTEXT_MAJOR_VERSION,           4,       EGL_CONTEXT_MINOR_VERSION, 5, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    impl_->context = eglCreateContext(impl_->display, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attribs);
    if (impl_->context == EGL_NO_CONTEXT) {
        eglTerminate(impl_->display);
        throw core::GpuError("EGL: cannot create an OpenGL 4.5 core context (error 0x" + std::to_string(eglGetError()) +
                             ")");
    }
    if (!eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context)) {
        eglDestroyContext(impl_->display, impl_->context);
        eglTerminate(impl_->display);
        throw core::GpuError("EGL: eglMakeCurrent failed");
    }
}

EglContext::~EglContext() {
    eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(impl_->display, impl_->context);
    eglTerminate(impl_->display);
}

std::string EglContext::renderer() const {
    const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return r ? r : "unknown";
}

} // namespace myoatlas::platform
