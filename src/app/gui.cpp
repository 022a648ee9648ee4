#include "app/gui.h"

#include "app/lesson_feature.h"
#include "app/quiz_feature.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/log.h"
#include "core/shutdown.h"
#include "core/timer.h"
#include "io/image_io.h"
#include "io/settings.h"
#include "platform/window.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/frame_budget.h"
#include "scene/picker.h"
#include "ui/panels.h"
#include "ui/presentation.h"
#include "ui/theme.h"

#include <GLFW/glfw3.h>
#include <cfloat>
#include <cmath>
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
        if (state.lessonActive) {
            // The clicker keys (arrows, PageUp/PageDown, space) belong to the lesson.
        } else if (ImGui::IsKeyPressed(GLFW_KEY_LEFT))
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
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
            if (ui.presentation) {
                ui.presentation = false;
                ui.presentationChanged = true;
            } else if (!state.lessonActive) {
                out.push(scene::ClearSelection{});
            }
        }
        // Presentation mode: F5 toggles it, B blacks the screen out, L toggles the laser pointer.
        if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) {
            ui.presentation = !ui.presentation;
            ui.presentationChanged = true;
        }
        if (ui.presentation && ImGui::IsKeyPressed(GLFW_KEY_B, false))
            ui.blackout = !ui.blackout;
        if (ui.presentation && ImGui::IsKeyPressed(GLFW_KEY_L, false))
            ui.laserPointer = !ui.laserPointer;
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

void applyUiTheme(const ui::UiState& ui, float contentScale) {
    if (ui.presentation)
        ui::applyTheme(contentScale, ui.uiScale * ui.presentationScale, ui::Theme::HighContrast);
    else
        ui::applyTheme(contentScale, ui.uiScale, ui::parseTheme(ui.theme));
}

template <class T> T* findFeature(std::vector<std::unique_ptr<Feature>>& features) {
    for (auto& f : features)
        if (auto* p = dynamic_cast<T*>(f.get()))
            return p;
    return nullptr;
}

} // namespace

void drawCaption(const std::string& text) {
    ui::drawCaptionBar(text, false);
}

int runGui(FeatureContext& context, const io::LoadReport& report, const std::string& dataDir,
           const GuiOptions& options) {
    const anatomy::Body& body = context.body;
    core::Stopwatch startup;
    // Settings of the last run: a corrupt file is reported, kept aside and replaced with defaults.
    const auto settingsPath = io::defaultSettingsPath();
    auto loaded = io::loadSettings(settingsPath);
    if (!loaded.problem.empty())
        core::logWarn("settings: " + loaded.problem);
    io::Settings settings = loaded.settings;
    // An explicit --window-size wins over the saved layout.
    bool defaultSize = options.width == GuiOptions{}.width && options.height == GuiOptions{}.height;
    int winW = defaultSize ? settings.window.width : options.width;
    int winH = defaultSize ? settings.window.height : options.height;
    platform::Window window(winW, winH, "MyoAtlas");
    if (defaultSize && settings.window.x >= 0 && settings.window.y >= 0 && options.frames == 0)
        window.setPosition(settings.window.x, settings.window.y);
    core::logInfo("window open on " + window.glRenderer());
    ui::UiState ui;
    ui.uiScale = options.uiScale != 1.0f ? options.uiScale : settings.uiScale;
    ui.theme = settings.theme;
    ui.showLayers = settings.showLayers;
    ui.showBrowser = settings.showBrowser;
    ui.showInfo = settings.showInfo;
    ui.presentationScale = settings.presentationScale;
    ui.presentationMonitor = settings.window.presentationMonitor;
    ui.lessonPath = settings.lastLesson;
    if (options.presentation) {
        // Switched on like F5 does: the first frame goes full screen and applies the presentation theme.
        ui.presentation = true;
        ui.presentationChanged = true;
    }
    if (!loaded.problem.empty())
        ui.status = "Settings were unreadable and were reset: " + loaded.problem;
    float contentScale = window.contentScale();
    applyUiTheme(ui, contentScale);
    window.refreshImGuiFonts();

    render::Renderer renderer(body);
    FeatureHost host(context, renderer);
    auto* quiz = findFeature<QuizFeature>(host.features());
    if (quiz)
        quiz->setProgress(settings.quiz);
    uint64_t savedQuizVersion = quiz ? quiz->progressVersion() : 0;
    auto* lessons = findFeature<LessonFeature>(host.features());
    if (lessons && !options.lesson.empty())
        lessons->requestOpen(options.lesson, true);
    ui.monitorCount = std::max(1, window.monitorCount());
    // Saved on exit and whenever quiz progress changes; smoke runs (--frames) leave the user's settings alone.
    auto saveSettings = [&] {
        if (options.frames > 0)
            return;
        if (!window.fullscreen()) {
            window.position(settings.window.x, settings.window.y);
            window.windowSize(settings.window.width, settings.window.height);
        }
        settings.window.presentationMonitor = ui.presentationMonitor;
        settings.uiScale = ui.uiScale;
        settings.theme = ui.theme;
        settings.showLayers = ui.showLayers;
        settings.showBrowser = ui.showBrowser;
        settings.showInfo = ui.showInfo;
        settings.presentationScale = ui.presentationScale;
        if (lessons && !lessons->path().empty())
            settings.lastLesson = lessons->path().string();
        if (quiz)
            settings.quiz = quiz->progress();
        try {
            io::saveSettings(settingsPath, settings);
        } catch (const core::Error& e) {
            core::logWarn(std::string("settings not saved: ") + e.what());
        }
    };
    core::SteadyClock clock;
    std::vector<uint8_t> dimmed;
    // Per-structure BVHs are built the first time a ray reaches them: nothing to wait for at start.
    auto picker = std::make_unique<scene::Picker>(body);

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
    bool refined = false;    // the still frame has been redrawn supersampled
    double lastChange = 0.0; // app clock time of the last change to what the scene shows
    bool changedLastFrame = false;
    scene::FrameBudget budget; // half-size frames while interaction runs slower than 10 fps
    bool animating = false;
    int frame = 0;
    core::Stopwatch fpsClock;
    int fpsFrames = 0;
    core::installShutdownHandlers(); // SIGINT/SIGTERM end the loop below, so the settings are still saved
    while (!window.shouldClose() && !core::shutdownRequested()) {
        bool idle = !firstFrame && options.frames == 0 && !animating;
        window.pollEvents(idle, 0.1);
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
        if (ui.presentation) {
            ui::PresentationOverlay overlay;
            overlay.caption = caption;
            if (lessons && lessons->playing()) {
                overlay.progress = lessons->progressText();
                overlay.title = lessons->lesson() ? lessons->lesson()->title : "";
            }
            drawPresentationOverlay(overlay, ui);
        } else {
            drawCaption(caption);
        }
        if (ui.presentationChanged) {
            ui.presentationChanged = false;
            ui.blackout = false;
            // Full screen on the chosen monitor (the primary when it is gone), or back to the window.
            window.setFullscreen(ui.presentation, ui.presentationMonitor);
            window.setCursorHidden(ui.presentation); // the laser pointer replaces it on the projected screen
            ui.themeChanged = true;
        }
        if (quiz && quiz->progressVersion() != savedQuizVersion) {
            savedQuizVersion = quiz->progressVersion();
            saveSettings();
        }
        if (ui.requestQuit)
            window.requestClose();

        // The scene is re-rendered only when something it shows changed: llvmpipe frames are expensive.
        bool dirty = firstFrame || !(state.view == lastView) || state.hovered != lastHovered || fbw != lastW ||
                     fbh != lastH || host.changedSinceLastSync() || animating;
        auto renderScene = [&](int supersample, float scale) {
            render::FrameInputs in;
            in.view = &state.view;
            in.hovered = state.hovered;
            in.dimmed = dimmed;
            in.time = static_cast<float>(clock.now());
            in.heatPulse = host.heatPulse();
            in.width = std::max(1, static_cast<int>(static_cast<float>(fbw) * scale));
            in.height = std::max(1, static_cast<int>(static_cast<float>(fbh) * scale));
            in.supersample = supersample;
            renderer.render(in);
        };
        if (dirty) {
            // Smoke runs (--frames) keep full size: their screenshots must not depend on the machine's speed.
            renderScene(1, options.frames > 0 ? 1.0f : budget.scale());
            budget.drawn(clock.now(), changedLastFrame);
            lastView = state.view;
            lastHovered = state.hovered;
            lastW = fbw;
            lastH = fbh;
            lastChange = clock.now();
            refined = false;
        } else if (!refined && options.frames == 0 && clock.now() - lastChange > 0.35) {
            // Still for a moment: redraw once, full size and anti-aliased by supersampling.
            renderScene(2, 1.0f);
            refined = true;
            budget.rest();
        }
        changedLastFrame = dirty;
        renderer.blitToScreen(fbw, fbh);
        window.renderImGui();
        // A new theme or scale rebuilds the font atlas, which ImGui locks between NewFrame and Render: apply it
        // only now that this frame's UI is drawn (F5, the scale and theme menus, --presentation).
        if (ui.scaleChanged || ui.themeChanged) {
            ui.themeChanged = false;
            applyUiTheme(ui, contentScale);
            window.refreshImGuiFonts();
            ui.scaleChanged = false;
        }
        if (firstFrame) {
            picker->prebuildInBackground(); // after the first frame, which needs both cores more
            core::logInfo("first frame after " + std::to_string(static_cast<int>(startup.millis())) +
                          " ms (window, upload, first render)");
            firstFrame = false;
        }
        ++frame;
        if (options.frames > 0 && frame >= options.frames) {
            if (!options.screenshot.empty()) {
                io::writePng(options.screenshot, window.readPixels());
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
    saveSettings();
    return 0;
}

} // namespace myoatlas::app
