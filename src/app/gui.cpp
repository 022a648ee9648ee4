#include "app/gui.h"

#include "core/error.h"
#include "core/log.h"
#include "core/clock.h"
#include "core/timer.h"
#include "io/image_io.h"
#include "platform/window.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/picker.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <GLFW/glfw3.h>
#include <cmath>
#include <epoxy/gl.h>
#include <cfloat>
#include <future>
#include <imgui.h>

namespace myoatlas::app {
namespace {

struct InputState {
    bool dragging = false;
    glm::vec2 pressPos{0.0f};
};

// Mouse and keys that reach the scene (ImGui did not want them), turned into camera moves and commands.
void handleInput(scene::AppState& state, InputState& input, const scene::Picker* picker,
                 std::vector<std::unique_ptr<Feature>>& features, ui::UiState& ui, scene::Commands& out) {
    ImGuiIO& io = ImGui::GetIO();
    glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
    // ImGui works in window coordinates; the framebuffer may be larger (HiDPI).
    glm::vec2 winSize(io.DisplaySize.x, io.DisplaySize.y);
    auto& cam = state.camera;
    cam.pose = state.view.camera;
    if (!io.WantCaptureMouse) {
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            input.pressPos = mouse;
            input.dragging = false;
        }
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) {
            input.dragging = true;
            cam.orbit(-io.MouseDelta.x * 0.008f, io.MouseDelta.y * 0.008f);
        }
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2.0f) ||
            ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2.0f))
            cam.pan(io.MouseDelta.x, io.MouseDelta.y, winSize.y);
        if (io.MouseWheel != 0.0f)
            cam.zoom(std::pow(0.88f, io.MouseWheel));
        bool mouseInWindow = mouse.x >= 0 && mouse.y >= 0 && mouse.x < winSize.x && mouse.y < winSize.y;
        if (picker && mouseInWindow) {
            auto ray = cam.rayThrough(mouse, winSize);
            auto hit = picker->pick(ray, state.view);
            state.hovered = hit ? std::optional<uint32_t>(hit->structure) : std::nullopt;
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !input.dragging) {
                bool consumed = false;
                for (auto& f : features)
                    if (hit && !consumed)
                        consumed = f->onBodyClick(*hit, state, out);
                if (consumed)
                    ;
                else if (hit)
                    out.push(scene::SelectStructure{hit->structure, io.KeyCtrl || io.KeyShift, true});
                else if (!io.KeyCtrl)
                    out.push(scene::ClearSelection{});
            }
        } else {
            state.hovered.reset();
        }
    } else {
        state.hovered.reset();
    }
    if (!io.WantCaptureKeyboard) {
        const int viewKeys[] = {GLFW_KEY_1, GLFW_KEY_2, GLFW_KEY_3, GLFW_KEY_4, GLFW_KEY_5, GLFW_KEY_6};
        for (int i = 0; i < 6; ++i)
            if (ImGui::IsKeyPressed(viewKeys[i], false))
                out.push(scene::SetNamedView{scene::kAllViews[i]});
        const float step = 0.08f;
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT))
            cam.orbit(step * 2, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT))
            cam.orbit(-step * 2, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_UP))
            cam.orbit(0, step);
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN))
            cam.orbit(0, -step);
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
            cam.zoom(0.88f);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
            cam.zoom(1.0f / 0.88f);
        if (ImGui::IsKeyPressed(GLFW_KEY_F, false))
            out.push(scene::FrameSelection{});
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false))
            out.push(scene::FrameBody{});
        if (ImGui::IsKeyPressed(GLFW_KEY_H, false))
            out.push(scene::HideSelection{});
        if (ImGui::IsKeyPressed(GLFW_KEY_I, false))
            out.push(scene::IsolateSelection{});
        if (ImGui::IsKeyPressed(GLFW_KEY_A, false))
            out.push(scene::ShowAll{});
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false))
            out.push(scene::ClearSelection{});
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT_BRACKET, false))
            out.push(scene::SetPeel{state.view.peel + 1});
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT_BRACKET, false))
            out.push(scene::SetPeel{state.view.peel - 1});
        if (ImGui::IsKeyPressed(GLFW_KEY_F1, false))
            ui.showHelp = !ui.showHelp;
        if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false))
            ui.requestQuit = true;
    }
    state.view.camera = cam.pose;
}

io::Image readDefaultFramebuffer(int w, int h) {
    io::Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<size_t>(w) * h * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    img.flipVertically();
    return img;
}

} // namespace

void drawCaption(const std::string& text) {
    if (text.empty())
        return;
    // Bottom centre over the scene, large, on a dark band: readable from the back of a classroom.
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize() * 1.6f;
    float wrap = vp->Size.x * 0.8f;
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    ImVec2 pos(vp->Pos.x + (vp->Size.x - extent.x) * 0.5f, vp->Pos.y + vp->Size.y - extent.y - size * 1.2f);
    float pad = size * 0.4f;
    dl->AddRectFilled(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + extent.x + pad, pos.y + extent.y + pad),
                      IM_COL32(10, 12, 16, 200), pad);
    dl->AddText(font, size, pos, IM_COL32(245, 245, 240, 255), text.c_str(), nullptr, wrap);
}

int runGui(FeatureContext& context, const io::LoadReport& report, const std::string& dataDir,
           const GuiOptions& options) {
    const anatomy::Body& body = context.body;
    core::Stopwatch startup;
    platform::Window window(options.width, options.height, "MyoAtlas");
    core::logInfo("window open on " + window.glRenderer());
    ui::UiState ui;
    ui.uiScale = options.uiScale;
    float contentScale = window.contentScale();
    ui::applyTheme(contentScale, ui.uiScale);

    render::Renderer renderer(body);
    FeatureHost host(context, renderer);
    core::SteadyClock clock;
    std::vector<uint8_t> dimmed;
    // The BVH for picking builds in the background; the first frames do not wait for it.
    auto pickerFuture = std::async(std::launch::async, [&body] { return std::make_unique<scene::Picker>(body); });
    std::unique_ptr<scene::Picker> picker;

    scene::AppState state;
    int fbw = 0, fbh = 0;
    window.framebufferSize(fbw, fbh);
    state.viewportAspect = static_cast<float>(fbw) / static_cast<float>(std::max(1, fbh));
    auto view = scene::parseViewName(options.view);
    if (!view)
        throw core::UsageError("unknown view '" + options.view + "'");
    scene::apply(state, body, scene::SetNamedView{*view});

    ui::UiModel model;
    model.body = &body;
    model.state = &state;
    model.dataDir = dataDir;
    model.loadSummary = std::to_string(body.size()) + " structures, " + std::to_string(body.failures.size()) +
                        " failed to load, " + (report.fromCache ? "warm start (cache) " : "cold start ") +
                        std::to_string(report.seconds).substr(0, 5) + " s";

    InputState input;
    scene::ViewState lastView;
    std::optional<uint32_t> lastHovered;
    int lastW = -1, lastH = -1;
    bool firstFrame = true;
    bool animating = false;
    int frame = 0;
    core::Stopwatch fpsClock;
    int fpsFrames = 0;
    while (!window.shouldClose()) {
        bool idle = !firstFrame && options.frames == 0 && !animating;
        window.pollEvents(idle, 0.1);
        if (!picker && pickerFuture.valid() &&
            pickerFuture.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            picker = pickerFuture.get();
        window.framebufferSize(fbw, fbh);
        if (fbw <= 0 || fbh <= 0)
            continue; // minimised
        state.viewportAspect = static_cast<float>(fbw) / static_cast<float>(fbh);

        window.beginImGuiFrame();
        scene::Commands commands;
        ui::drawUi(model, ui, commands);
        for (auto& f : host.features())
            f->drawUi(model, ui, commands);
        if (!context.atlasError.empty())
            drawCaption("Atlas not loaded: " + context.atlasError);
        handleInput(state, input, picker.get(), host.features(), ui, commands);
        scene::applyAll(state, body, commands);
        bool moving = scene::advanceCamera(state, clock.now());
        animating = host.update(state, clock.now()) || moving;
        host.sync(dimmed);
        std::string caption = state.view.caption;
        for (auto& f : host.features())
            if (auto c = f->caption(state); !c.empty())
                caption += (caption.empty() ? "" : "\n") + c;
        drawCaption(caption);
        if (ui.requestQuit)
            window.requestClose();
        if (ui.scaleChanged) {
            ui::applyTheme(contentScale, ui.uiScale);
            window.refreshImGuiFonts();
            ui.scaleChanged = false;
        }

        // The scene is re-rendered only when something it shows changed: llvmpipe frames are expensive.
        bool dirty = firstFrame || !(state.view == lastView) || state.hovered != lastHovered || fbw != lastW ||
                     fbh != lastH || host.changedSinceLastSync() || animating;
        if (dirty) {
            render::FrameInputs in;
            in.view = &state.view;
            in.hovered = state.hovered;
            in.dimmed = dimmed;
            in.time = static_cast<float>(clock.now());
            in.heatPulse = host.heatPulse();
            in.width = fbw;
            in.height = fbh;
            renderer.render(in);
            lastView = state.view;
            lastHovered = state.hovered;
            lastW = fbw;
            lastH = fbh;
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, fbw, fbh);
        renderer.blitToScreen(fbw, fbh);
        window.renderImGui();
        if (firstFrame) {
            core::logInfo("first frame after " + std::to_string(static_cast<int>(startup.millis())) +
                          " ms (window, upload, first render)");
            firstFrame = false;
        }
        ++frame;
        if (options.frames > 0 && frame >= options.frames) {
            if (!options.screenshot.empty()) {
                io::writePng(options.screenshot, readDefaultFramebuffer(fbw, fbh));
                core::logInfo("screenshot written to " + options.screenshot.string());
            }
            window.swapBuffers();
            break;
        }
        window.swapBuffers();
        ++fpsFrames;
        if (fpsClock.seconds() > 1.0) {
            model.fps = static_cast<float>(fpsFrames / fpsClock.seconds());
            fpsFrames = 0;
            fpsClock.reset();
        }
    }
    if (pickerFuture.valid())
        pickerFuture.wait();
    return 0;
}

} // namespace myoatlas::app
