#include "app/gui.h"

#include "app/frame_modes.h"
#include "app/lesson_feature.h"
#include "app/quiz_feature.h"
#include "app/study_feature.h"
#include "core/atomic_file.h"
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
#include "scene/frame_quality.h"
#include "scene/input_router.h"
#include "scene/picker.h"
#include "ui/panels.h"
#include "ui/presentation.h"
#include "ui/theme.h"

#include <cfloat>
#include <cmath>
#include <future>
#include <imgui.h>
#include <utility>

namespace myoatlas::app {
namespace {

// The shell as the user left it last time (panels, look, presentation monitor).
scene::ShellState shellFromSettings(const io::Settings& settings) {
    scene::ShellState shell;
    shell.uiScale = settings.uiScale;
    shell.theme = settings.theme;
    shell.layersPanel = settings.showLayers;
    shell.browserPanel = settings.showBrowser;
    shell.infoPanel = settings.showInfo;
    shell.presentationScale = settings.presentationScale;
    shell.presentationMonitor = settings.window.presentationMonitor;
    return shell;
}

void storeShell(const scene::ShellState& shell, io::Settings& settings) {
    settings.window.presentationMonitor = shell.presentationMonitor;
    settings.uiScale = shell.uiScale;
    settings.theme = shell.theme;
    settings.showLayers = shell.layersPanel;
    settings.showBrowser = shell.browserPanel;
    settings.showInfo = shell.infoPanel;
    settings.presentationScale = shell.presentationScale;
}

// The frame's input, in the order it happened: key map and gestures (the router) give commands, the modes'
// actions go to their owners, and clicks to the features before they select.
void routeInput(platform::Window& window, scene::InputRouter& router, const scene::AppState& state,
                std::vector<std::unique_ptr<Feature>>& features, scene::Commands& out) {
    const ImGuiIO& io = ImGui::GetIO();
    scene::InputContext context;
    context.viewport = glm::vec2(io.DisplaySize.x, io.DisplaySize.y); // window coordinates, as the events
    context.uiWantsMouse = io.WantCaptureMouse;
    context.uiWantsKeyboard = io.WantCaptureKeyboard;
    context.modes.presentation = state.shell.presentation;
    for (auto& f : features)
        f->markModes(context.modes, state);
    scene::RoutedInput routed = router.route(window.takeEvents(), context, state);
    for (const auto& intent : routed.intents) {
        if (const auto* c = std::get_if<scene::Command>(&intent)) {
            out.push(*c);
        } else if (const auto* action = std::get_if<scene::BoundAction>(&intent)) {
            for (auto& f : features)
                if (f->onAction(*action, state, out))
                    break;
        } else if (const auto* click = std::get_if<scene::BodyClick>(&intent)) {
            bool consumed = false;
            for (auto& f : features)
                if (click->pick && !consumed)
                    consumed = f->onBodyClick(*click, state, out);
            if (consumed)
                continue;
            if (click->pick)
                out.push(scene::SelectStructure{click->pick->structure, click->additive, true});
            else if (!click->additive)
                out.push(scene::ClearSelection{});
        }
    }
}

void applyUiTheme(const scene::ShellState& shell, float contentScale) {
    if (shell.presentation)
        ui::applyTheme(contentScale, shell.uiScale * shell.presentationScale, ui::Theme::HighContrast);
    else
        ui::applyTheme(contentScale, shell.uiScale, ui::parseTheme(shell.theme));
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
    auto ownedWindow = options.window ? options.window : std::make_shared<platform::Window>(winW, winH, "MyoAtlas");
    platform::Window& window = *ownedWindow;
    if (defaultSize && settings.window.x >= 0 && settings.window.y >= 0 && options.frames == 0)
        window.setPosition(settings.window.x, settings.window.y);
    core::logInfo("window open on " + window.glRenderer());
    ui::UiState ui;
    ui.lessonPath = settings.lastLesson;
    if (!loaded.problem.empty())
        ui.status = "Settings were unreadable and were reset: " + loaded.problem;
    scene::AppState state;
    state.shell = shellFromSettings(settings);
    if (options.uiScale != 1.0f)
        state.shell.uiScale = options.uiScale;
    // The window as it is now; when the state differs (--presentation), the first frame goes full screen and
    // rebuilds the look, as F5 does.
    scene::ShellState shown = state.shell;
    state.shell.presentation = options.presentation;
    float contentScale = window.contentScale();
    applyUiTheme(shown, contentScale);
    window.refreshImGuiFonts();

    auto ownedRenderer = options.upload
                             ? std::make_unique<render::Renderer>(body, std::move(*options.upload),
                                                                  options.uploadAdded ? std::move(*options.uploadAdded)
                                                                                      : render::BodyUpload{},
                                                                  options.programs, options.buffers)
                             : std::make_unique<render::Renderer>(body);
    render::Renderer& renderer = *ownedRenderer;
    core::logDebug("renderer ready after " + std::to_string(static_cast<int>(startup.millis())) + " ms");
    FeatureHost host(context, renderer);
    const ModeFeatures modeFeatures = findModeFeatures(host.features());
    scene::ModeSwitch modes;
    scene::AppMode mode = scene::AppMode::Explore;
    std::string caption, lastDump;
    auto* quiz = modeFeatures.quiz;
    if (quiz)
        quiz->setProgress(settings.quiz);
    uint64_t savedQuizVersion = quiz ? quiz->progressVersion() : 0;
    auto* lessons = modeFeatures.lessons;
    if (lessons && !options.lesson.empty())
        lessons->requestOpen(options.lesson, true);
    // Saved on exit and whenever quiz progress changes; smoke runs (--frames) leave the user's settings alone.
    auto saveSettings = [&] {
        if (options.frames > 0)
            return;
        if (!window.fullscreen()) {
            window.position(settings.window.x, settings.window.y);
            window.windowSize(settings.window.width, settings.window.height);
        }
        storeShell(state.shell, settings);
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

    int fbw = 0, fbh = 0;
    window.framebufferSize(fbw, fbh);
    state.viewportAspect = static_cast<float>(fbw) / static_cast<float>(std::max(1, fbh));
    auto view = scene::parseViewName(options.view);
    if (!view)
        throw core::UsageError("unknown view '" + options.view + "'");
    scene::apply(state, body, scene::SetNamedView{*view});

    ui::UiModel model;
    model.body = &body;
    if (auto* study = findFeature<StudyFeature>(host.features()))
        model.search = &study->index(); // the structure browser searches like the study panel
    model.state = &state;
    model.monitorCount = std::max(1, window.monitorCount());
    model.dataDir = dataDir;
    model.loadSummary = std::to_string(body.size()) + " structures, " + std::to_string(body.failures.size()) +
                        " failed to load, " + (report.fromCache ? "warm start (cache) " : "cold start ") +
                        std::to_string(report.seconds).substr(0, 5) + " s";

    std::shared_ptr<LateStructures> late = options.late;
    model.fasciaPending = late != nullptr;
    bool filledLate = false; // structures were filled in this frame: it is drawn again

    scene::InputRouter router(picker.get());
    bool cursorHidden = false;
    scene::ViewState lastView;
    std::optional<uint32_t> lastHovered;
    int lastW = -1, lastH = -1;
    bool firstFrame = true;
    bool refined = false;    // the still frame has been redrawn supersampled
    double lastChange = 0.0; // app clock time of the last change to what the scene shows
    bool changedLastFrame = false;
    scene::FrameBudget budget; // coarser meshes, then half-size frames, while interaction runs under 20 fps
    // Smoke runs (--frames) keep full size after the first frame: their screenshots must not depend on the speed.
    scene::FrameQualityPlan quality(options.frames > 0);
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
        if (late && !firstFrame && late->ready() && !host.readsMeshesInBackground()) {
            // At the start of a frame, with the picker's prebuild stopped and no handout being written: nothing
            // else reads the meshes that change.
            const bool prebuilding = picker->stopPrebuild();
            try {
                auto [filled, layout] = late->fill();
                picker->forget(filled);
                renderer.fillStructures(std::move(*layout));
                host.structuresFilled();
                core::logDebug(late->what + ": " + std::to_string(filled.size()) + " structures filled in at " +
                               std::to_string(core::secondsSinceLaunch()).substr(0, 4) + " s since launch");
            } catch (const std::exception& e) {
                core::logError("the " + late->what + " layer is not shown: " + e.what());
            }
            if (prebuilding)
                picker->prebuildInBackground();
            late.reset();
            model.fasciaPending = false;
            filledLate = true;
        }

        window.beginImGuiFrame();
        scene::Commands commands;
        ui::drawUi(model, ui, commands);
        for (auto& f : host.features())
            f->drawUi(model, ui, commands);
        if (!context.atlasError.empty())
            drawCaption("Atlas not loaded: " + context.atlasError);
        // A mode left is cleared in one place.
        mode = updateMode(modes, modeFeatures, state, commands, true, model.namesHidden);
        routeInput(window, router, state, host.features(), commands);
        mode = updateMode(modes, modeFeatures, state, commands, false, model.namesHidden);
        scene::applyAll(state, body, commands);
        bool moving = scene::advanceCamera(state, clock.now());
        animating = host.update(state, clock.now()) || moving;
        host.sync(dimmed);
        caption = frameCaption(state, host.features(), mode, modeFeatures);
        if (!options.dumpState.empty()) // live, so that a smoke test can check each mode it walks through
            if (auto json = stateJson(state, model.namesHidden, body, host.features(), modeFeatures, mode, caption, -1);
                json != lastDump) {
                core::writeFileAtomically(options.dumpState, json);
                lastDump = std::move(json);
            }
        if (state.shell.presentation) {
            ui::PresentationOverlay overlay;
            overlay.caption = caption;
            if (lessons && lessons->playing()) {
                overlay.progress = lessons->progressText();
                overlay.title = lessons->lesson() ? lessons->lesson()->title : "";
            }
            drawPresentationOverlay(overlay, state.shell);
        } else {
            drawCaption(caption);
        }
        if (state.shell.presentation != shown.presentation)
            // Full screen on the chosen monitor (the primary when it is gone), or back to the window.
            window.setFullscreen(state.shell.presentation, state.shell.presentationMonitor);
        // The laser pointer replaces the cursor on the projected screen, only while it is on.
        if (bool hide = state.shell.presentation && state.shell.laser; hide != cursorHidden) {
            window.setCursorHidden(hide);
            cursorHidden = hide;
        }
        if (quiz && quiz->progressVersion() != savedQuizVersion) {
            savedQuizVersion = quiz->progressVersion();
            saveSettings();
        }
        if (state.shell.quit)
            window.requestClose();

        // The scene is re-rendered only when something it shows changed: llvmpipe frames are expensive.
        bool dirty = firstFrame || std::exchange(filledLate, false) || !(state.view == lastView) ||
                     state.hovered != lastHovered || fbw != lastW || fbh != lastH || host.changedSinceLastSync() ||
                     animating || quality.redrawPending();
        auto renderScene = [&](int supersample, float scale, float lodPixels) {
            render::FrameInputs in;
            in.view = &state.view;
            in.hovered = model.namesHidden ? std::nullopt : state.hovered; // the quiz highlights only its muscle
            in.dimmed = dimmed;
            in.time = static_cast<float>(clock.now());
            in.heatPulse = host.heatPulse();
            in.width = std::max(1, static_cast<int>(static_cast<float>(fbw) * scale));
            in.height = std::max(1, static_cast<int>(static_cast<float>(fbh) * scale));
            in.supersample = supersample;
            in.lodPixels = lodPixels;
            in.occlusion = options.occlusion;
            renderer.render(in);
        };
        if (dirty) {
            if (!(state.view.camera == lastView.camera))
                budget.moving(); // a drag, the wheel, a fly-to: the moving scale learnt before, from this frame on
            budget.setOutputPixels(static_cast<double>(fbw) * static_cast<double>(fbh));
            const scene::FrameQuality q = quality.next(budget);
            renderScene(1, q.scale, q.lodPixels);
            budget.drawn(clock.now(), changedLastFrame);
            lastView = state.view;
            lastHovered = state.hovered;
            lastW = fbw;
            lastH = fbh;
            lastChange = clock.now();
            refined = false;
        } else if (!refined && options.frames == 0 && clock.now() - lastChange > 0.35) {
            // Still for a moment: redraw once, full size and anti-aliased by supersampling.
            renderScene(2, 1.0f, budget.kRestLodPixels);
            refined = true;
            budget.rest();
        }
        changedLastFrame = dirty;
        renderer.blitToScreen(fbw, fbh);
        window.renderImGui();
        // A new theme or scale rebuilds the font atlas, which ImGui locks between NewFrame and Render: apply it
        // only now that this frame's UI is drawn (F5, the scale and theme menus, --presentation).
        if (!state.shell.sameLook(shown)) {
            applyUiTheme(state.shell, contentScale);
            window.refreshImGuiFonts();
        }
        shown = state.shell;
        ++frame;
        const bool last = options.frames > 0 && frame >= options.frames;
        if (last && !options.screenshot.empty()) {
            io::writePng(options.screenshot, window.readPixels());
            core::logInfo("screenshot written to " + options.screenshot.string());
        }
        window.swapBuffers();
        if (firstFrame) {
            // Once it is on screen: software GL finishes drawing a frame in the swap.
            core::logInfo("first frame after " + std::to_string(static_cast<int>(startup.millis())) +
                          " ms (window, upload, first render); " +
                          std::to_string(core::secondsSinceLaunch()).substr(0, 4) + " s since launch");
            picker->prebuildInBackground(); // after the first frame, which needs both cores more
            if (options.firstFrameShown)
                options.firstFrameShown();
            firstFrame = false;
        }
        if (last)
            break;
        ++fpsFrames;
        if (fpsClock.seconds() > 1.0) {
            model.fps = static_cast<float>(fpsFrames / fpsClock.seconds());
            fpsFrames = 0;
            fpsClock.reset();
        }
    }
    saveSettings();
    if (!options.dumpState.empty())
        core::writeFileAtomically(options.dumpState, stateJson(state, model.namesHidden, body, host.features(),
                                                               modeFeatures, mode, caption, frame));
    return 0;
}

} // namespace myoatlas::app
