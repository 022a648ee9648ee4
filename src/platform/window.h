#pragma once
// The GLFW window with an OpenGL 4.5 core context, and the Dear ImGui GLFW/OpenGL3 backends bound to it.
#include "core/image.h"
#include "scene/input.h"

#include <memory>
#include <string>

struct GLFWwindow;

namespace myoatlas::platform {

class Window {
public:
    // What the GLFW callbacks feed (the window's user pointer). ImGui 1.86 reads keys as held at each frame's start,
    // so a key pressed and released between two frames (Enter in a search box during a slow frame) never reaches a
    // widget: such a release is passed on to ImGui only after the next frame has started.
    struct Input {
        scene::EventQueue events;
        std::vector<int> pressedSinceFrame; // keys ImGui saw go down since the last frame started
        std::vector<int> releasesForImGui;  // their releases, held back until the next frame has started
    };
    // Throws core::GpuError when GLFW cannot open a display or a 4.5 core context.
    Window(int width, int height, const std::string& title);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] bool shouldClose() const;
    void requestClose();
    // Polls events; when `idle`, waits up to `timeoutSeconds` for one (saves the CPU on llvmpipe).
    void pollEvents(bool idle, double timeoutSeconds = 0.25);
    // Keys, characters, buttons, pointer moves and the wheel since the last call, in the order they happened
    // (ImGui receives them too, through its backend).
    [[nodiscard]] std::vector<scene::InputEvent> takeEvents() { return input_.events.take(); }
    void swapBuffers();
    void framebufferSize(int& width, int& height) const;
    void windowSize(int& width, int& height) const;
    [[nodiscard]] float contentScale() const;
    void position(int& x, int& y) const;
    void setPosition(int x, int y);
    // Full screen on monitor `monitor` (0 is the primary; one out of range falls back to it), moving between
    // monitors while full screen; off restores the windowed position and size from before.
    void setFullscreen(bool fullscreen, int monitor = 0);
    [[nodiscard]] bool fullscreen() const { return fullscreen_; }
    [[nodiscard]] int fullscreenMonitor() const { return monitor_; }
    [[nodiscard]] int monitorCount() const;
    void setCursorHidden(bool hidden);
    // The back buffer as drawn so far this frame (top row first): the window's own screenshot.
    [[nodiscard]] core::Image readPixels() const;
    [[nodiscard]] std::string glRenderer() const;

    // ImGui frame boundaries (the backends are created with the window).
    void beginImGuiFrame();
    void renderImGui();
    // Rebuilds the font texture after the atlas changed.
    void refreshImGuiFonts();

private:
    GLFWwindow* window_ = nullptr;
    Input input_;
    bool fullscreen_ = false;
    int monitor_ = 0;
    int savedX_ = 0, savedY_ = 0, savedW_ = 0, savedH_ = 0;
};

} // namespace myoatlas::platform
