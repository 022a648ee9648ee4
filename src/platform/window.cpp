#include "platform/window.h"

#include "core/error.h"
#include "core/log.h"

#include <GLFW/glfw3.h>
#include <algorithm>
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

struct InputOf {
    static Window::Input& of(GLFWwindow* w) { return *static_cast<Window::Input*>(glfwGetWindowUserPointer(w)); }
};

scene::EventQueue& queueOf(GLFWwindow* w) {
    return InputOf::of(w).events;
}

// Installed over ImGui's backend's key callback (which chains to ours): a release of a key pressed since the frame
// started goes to the event queue now and to ImGui after the next frame starts (Window::Input).
void keyOverImGui(GLFWwindow* win, int key, int scancode, int action, int mods) {
    auto& input = InputOf::of(win);
    // Modifiers are passed on at once: ImGui derives its modifier flags from them, and a modifier tapped between two
    // frames does nothing anyway.
    const bool modifier = key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_SHIFT ||
                          key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
                          key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
    const bool sameFrame = !modifier && std::find(input.pressedSinceFrame.begin(), input.pressedSinceFrame.end(),
                                                  key) != input.pressedSinceFrame.end();
    if (action == GLFW_RELEASE && sameFrame) {
        input.events.push(
            scene::KeyEvent{static_cast<scene::Key>(key), scene::KeyAction::Release, static_cast<unsigned>(mods)});
        input.releasesForImGui.push_back(key);
        return;
    }
    if (action == GLFW_PRESS)
        input.pressedSinceFrame.push_back(key);
    ImGui_ImplGlfw_KeyCallback(win, key, scancode, action, mods);
}

// Installed before ImGui's backend, which chains to them: both see every event.
void installInputCallbacks(GLFWwindow* w) {
    glfwSetKeyCallback(w, [](GLFWwindow* win, int key, int, int action, int mods) {
        scene::KeyAction a = action == GLFW_PRESS    ? scene::KeyAction::Press
                             : action == GLFW_REPEAT ? scene::KeyAction::Repeat
                                                     : scene::KeyAction::Release;
        queueOf(win).push(scene::KeyEvent{static_cast<scene::Key>(key), a, static_cast<unsigned>(mods)});
    });
    glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int c) { queueOf(win).push(scene::CharEvent{c}); });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int button, int action, int mods) {
        if (button > GLFW_MOUSE_BUTTON_MIDDLE)
            return;
        auto b = button == GLFW_MOUSE_BUTTON_LEFT    ? scene::MouseButton::Left
                 : button == GLFW_MOUSE_BUTTON_RIGHT ? scene::MouseButton::Right
                                                     : scene::MouseButton::Middle;
        queueOf(win).push(scene::MouseButtonEvent{b, action == GLFW_PRESS, static_cast<unsigned>(mods), glfwGetTime()});
    });
    glfwSetCursorPosCallback(w, [](GLFWwindow* win, double x, double y) {
        queueOf(win).push(scene::CursorEvent{glm::vec2(static_cast<float>(x), static_cast<float>(y))});
    });
    glfwSetScrollCallback(
        w, [](GLFWwindow* win, double, double dy) { queueOf(win).push(scene::ScrollEvent{static_cast<float>(dy)}); });
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
    glfwSetWindowUserPointer(window_, &input_);
    installInputCallbacks(window_);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // layout persistence is the app's settings file, not imgui.ini
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    glfwSetKeyCallback(window_, keyOverImGui);
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

void Window::position(int& x, int& y) const {
    glfwGetWindowPos(window_, &x, &y);
}
void Window::setPosition(int x, int y) {
    glfwSetWindowPos(window_, x, y);
}

int Window::monitorCount() const {
    int count = 0;
    glfwGetMonitors(&count);
    return count;
}

void Window::setFullscreen(bool on, int monitor) {
    if (!on) {
        if (fullscreen_)
            glfwSetWindowMonitor(window_, nullptr, savedX_, savedY_, savedW_, savedH_, 0);
        fullscreen_ = false;
        return;
    }
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count); // the primary first
    if (count == 0)
        return;
    int index = monitor >= 0 && monitor < count ? monitor : 0;
    if (fullscreen_ && index == monitor_)
        return;
    if (!fullscreen_) { // the windowed geometry, for the way back
        glfwGetWindowPos(window_, &savedX_, &savedY_);
        glfwGetWindowSize(window_, &savedW_, &savedH_);
    }
    const GLFWvidmode* mode = glfwGetVideoMode(monitors[index]);
    if (!mode)
        return;
    glfwSetWindowMonitor(window_, monitors[index], 0, 0, mode->width, mode->height, mode->refreshRate);
    fullscreen_ = true;
    monitor_ = index;
}

void Window::setCursorHidden(bool hidden) {
    glfwSetInputMode(window_, GLFW_CURSOR, hidden ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
}

core::Image Window::readPixels() const {
    int w = 0, h = 0;
    framebufferSize(w, h);
    core::Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    img.flipVertically();
    return img;
}

std::string Window::glRenderer() const {
    const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return r ? r : "unknown";
}

void Window::beginImGuiFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame(); // a key pressed since the last frame counts as pressed in this one, even if already released
    input_.pressedSinceFrame.clear();
    // Released for ImGui only (the event queue has had them). Never a modifier (see keyOverImGui): ImGui checks
    // during the frame that its modifier flags still match what NewFrame saw.
    ImGuiIO& io = ImGui::GetIO();
    for (int key : input_.releasesForImGui)
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown))
            io.KeysDown[key] = false;
    input_.releasesForImGui.clear();
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
