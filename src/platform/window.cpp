#include "platform/window.h"

#include "core/error.h"
#include "core/log.h"

#include <GLFW/glfw3.h>
#include <epoxy/gl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace myoatlas::platform {
namespace {
std::string gLastGlfwError;
void onGlfwError(int code, const char* description) {
    gLastGlfwError = description ? description : "unknown";
    core::logDebug("GLFW error " + std::to_string(code) + ": " + gLastGlfwError);
}
} // namespace

Window::Window(int width, int height, const std::string& title) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit())
        throw core::GpuError("cannot open a window: " + gLastGlfwError +
                             " (no display? run under Xvfb, or use `myoatlas render` for a headless image)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 5);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        throw core::GpuError("cannot create an OpenGL 4.5 core window: " + gLastGlfwError);
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // layout persistence is the app's settings file, not imgui.ini
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 450 core");
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::shouldClose() const {
    return glfwWindowShouldClose(window_);
}
void Window::requestClose() {
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

void Window::pollEvents(bool idle, double timeoutSeconds) {
    if (idle)
        glfwWaitEventsTimeout(timeoutSeconds);
    else
        glfwPollEvents();
}

void Window::swapBuffers() {
    glfwSwapBuffers(window_);
}
void Window::framebufferSize(int& w, int& h) const {
    glfwGetFramebufferSize(window_, &w, &h);
}
void Window::windowSize(int& w, int& h) const {
    glfwGetWindowSize(window_, &w, &h);
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::max(x, y);
}

void Window::setFullscreen(bool on) {
    if (on == fullscreen_)
        return;
    if (on) {
        glfwGetWindowPos(window_, &savedX_, &savedY_);
        glfwGetWindowSize(window_, &savedW_, &savedH_);
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        if (!monitor)
            return;
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, savedX_, savedY_, savedW_, savedH_, 0);
    }
    fullscreen_ = on;
}

std::string Window::glRenderer() const {
    const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return r ? r : "unknown";
}

void Window::beginImGuiFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::renderImGui() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::refreshImGuiFonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

} // namespace myoatlas::platform
