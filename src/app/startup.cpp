#include "app/startup.h"

#include "core/error.h"
#include "core/log.h"
#include "core/shutdown.h"
#include "core/timer.h"
#include "io/fascia_layer.h"
#include "io/modelled_muscles.h"
#include "io/settings.h"
#include "platform/window.h"
#include "render/renderer.h"
#include "ui/loading_screen.h"
#include "ui/theme.h"

#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

namespace myoatlas::app {
namespace {

void report(const io::LoadOptions& options, io::LoadProgress::Stage stage) {
    if (options.progress)
        options.progress(io::LoadProgress{stage, 0, 0});
}

} // namespace

std::unique_ptr<World> loadWorld(const io::LoadOptions& options, bool bodyOnly,
                                 const std::function<void(const anatomy::Body&)>& beside, FasciaTiming timing) {
    core::Stopwatch clock;
    auto lap = [&clock](const char* what) {
        core::logDebug(std::string(what) + " at " + std::to_string(clock.seconds()).substr(0, 5) + " s");
    };
    auto world = std::make_unique<World>();
    world->atlasDir = io::locateAssets() / "atlas";
    // The atlas needs nothing from the body: it is read beside it.
    std::future<anatomy::Atlas> atlas;
    if (!bodyOnly)
        atlas = std::async(std::launch::async, [dir = world->atlasDir] { return anatomy::loadAtlasOrThrow(dir); });
    // The body's cache is written beside what follows, not before it: its content is encoded beside `beside` and the
    // atlas (which only read the body), the file written while the rest goes on (World::cacheWrite).
    io::LoadOptions bodyOptions = options;
    bodyOptions.deferCacheWrite = true;
    world->body = io::loadBody(bodyOptions, &world->report);
    lap("body loaded");
    if (!world->body.failures.empty())
        core::logWarn(std::to_string(world->body.failures.size()) + " of " + std::to_string(world->report.filesListed) +
                      " files failed to load and were skipped");
    auto writeCache = [&world](std::string payload) {
        world->cacheWrite = std::async(std::launch::async, [payload = std::move(payload), report = world->report] {
            io::writeBodyCacheLater(payload, report);
        });
    };
    if (bodyOnly) {
        if (beside)
            beside(world->body);
        writeCache(io::encodeBodyCacheLater(world->body, world->report));
        report(options, io::LoadProgress::Stage::Done);
        return world;
    }
    // Until the fascia is appended the body is only read: by the fascia, by `beside` and by the cache's encoding.
    std::future<void> besideDone;
    if (beside)
        besideDone = std::async(std::launch::async, [&beside, &body = world->body] { beside(body); });
    std::future<std::string> encoded = std::async(std::launch::async, [&body = world->body, &report = world->report] {
        return io::encodeBodyCacheLater(body, report);
    });
    // The atlas: without it the body still shows, and the teaching features say why they are off.
    try {
        world->atlas = std::make_unique<anatomy::Atlas>(atlas.get());
    } catch (const core::Error& e) {
        world->atlasError = e.what();
        core::logError(world->atlasError);
    }
    lap("atlas loaded");
    // Generated fascia joins the body before anything keeps pointers into its meshes (resolver, renderer); later,
    // its structures join empty and are filled in by the window (FasciaTiming::Later).
    io::FasciaReport fascia;
    std::optional<io::GeneratedFascia> sheets;
    if (timing == FasciaTiming::WithTheBody)
        sheets = io::obtainGeneratedFascia(world->body, world->atlas.get(),
                                           {options.cacheDir, options.useCache, options.progress}, fascia);
    if (besideDone.valid())
        besideDone.get();
    writeCache(encoded.get());
    if (sheets) {
        io::appendGeneratedFascia(world->body, std::move(*sheets), fascia);
        lap("fascia added");
    } else {
        for (auto& s : io::plannedFasciaStructures(world->body, world->atlas.get())) {
            world->body.structures.push_back(std::move(s));
            world->body.meshes.emplace_back();
        }
        // From its cache the layer costs milliseconds: filled in at once. Generated, it is filled in by the window.
        if (auto cached = io::cachedFascia(world->body, world->atlas.get(),
                                           {options.cacheDir, options.useCache, options.progress}, fascia)) {
            const auto places = io::placeFascia(world->body, *cached);
            (void)io::fillFasciaPlaceholders(world->body, std::move(*cached), places, fascia);
            lap("fascia filled in from its cache");
        } else {
            world->fasciaPending = true;
            world->fascia = fascia;
            lap("fascia planned");
        }
    }
    if (world->atlas) {
        // One tree over the skin for both resolvers (the skin does not change): the first resolves the modelled
        // muscles' attachments on the body without them, the world's resolves on the body with them.
        std::shared_ptr<const geometry::Bvh> skinTree;
        {
            anatomy::AtlasResolver withoutThem(*world->atlas, world->body);
            (void)io::addModelledMuscles(world->body, *world->atlas, &withoutThem);
            skinTree = withoutThem.skinTree();
        }
        world->resolver = std::make_unique<anatomy::AtlasResolver>(*world->atlas, world->body, skinTree);
    }
    lap("world ready");
    report(options, io::LoadProgress::Stage::Done);
    return world;
}

int runGuiAfterLoading(io::LoadOptions options, GuiOptions gui) {
    // The same size rule as the program's own window, which this one becomes.
    const auto settings = io::loadSettings(io::defaultSettingsPath()).settings;
    const bool defaultSize = gui.width == GuiOptions{}.width && gui.height == GuiOptions{}.height;
    std::mutex mutex;
    io::LoadProgress progress;
    std::condition_variable finishedChanged;
    bool finished = false;
    std::unique_ptr<World> world;
    std::shared_ptr<render::BodyUpload> upload, uploadAdded;
    // The body's layout, made beside the atlas; once `laidOut`, only read (by both threads): the window uploads it
    // while the loader adds the rest of the body.
    auto bodyLayout = std::make_shared<render::BodyUpload>();
    bool laidOut = false;
    std::exception_ptr failure;
    options.progress = [&](const io::LoadProgress& p) {
        std::lock_guard lock(mutex);
        progress = p;
    };
    // The fascia layer, filled in by the window once generated (two seconds of a first start, a few milliseconds
    // from its cache): the sheets, where they go, and their layout after the body's.
    struct LateFascia {
        io::GeneratedFascia sheets;
        io::FasciaReport report;
        std::vector<uint32_t> places;
        std::shared_ptr<render::BodyUpload> layout;
    };
    std::promise<LateFascia> lateMade;
    std::future<LateFascia> late = lateMade.get_future();
    // The fascia is generated once the first frame is on screen: before, it took the cores that frame needs (on a
    // first start the frame also compiles llvmpipe's shaders), and the body showed half a second later.
    std::promise<void> shownMade;
    std::future<void> shown = shownMade.get_future();
    // The body loads beside the window, which keeps drawing (and answering its window manager) meanwhile; then the
    // fascia, beside the body on screen.
    std::thread loader([&] {
        core::logDebug("loading from " + std::to_string(core::secondsSinceLaunch()).substr(0, 4) + " s since launch");
        World* loaded = nullptr;
        render::UploadEnd end;
        try {
            // The renderer's part that needs no GL, while the loading screen shows: the body's meshes as soon as they
            // are loaded, beside the atlas and the cache's encoding, then what joined them (the fascia's structures,
            // empty for now, and the modelled muscles).
            auto u = bodyLayout;
            auto w = loadWorld(
                options, false,
                [&](const anatomy::Body& body) {
                    core::Stopwatch prepare;
                    *u = render::prepareBodyUpload(body);
                    core::logDebug("body laid out for upload in " + std::to_string(prepare.seconds()).substr(0, 5) +
                                   " s");
                    std::lock_guard lock(mutex);
                    laidOut = true;
                    finishedChanged.notify_one();
                },
                FasciaTiming::Later);
            // Laid out apart, not appended: growing the body's layout would copy all of it once more.
            auto added = std::make_shared<render::BodyUpload>(render::layoutAdded(*u, w->body));
            end = render::uploadEnd(*added);
            std::lock_guard lock(mutex);
            loaded = w.get();
            world = std::move(w);
            upload = std::move(u);
            uploadAdded = std::move(added);
        } catch (...) {
            std::lock_guard lock(mutex);
            failure = std::current_exception();
        }
        {
            std::lock_guard lock(mutex);
            finished = true;
            finishedChanged.notify_one();
        }
        if (!loaded || !loaded->fasciaPending)
            return;
        (void)shown.wait_for(std::chrono::seconds(5)); // a window that never shows its body does not hold it back
        // The window only reads the body until this is delivered, and fills it in at the start of a frame after.
        try {
            LateFascia made;
            made.report = loaded->fascia; // its key is known and its cache was read: generated only
            made.sheets = io::generateAndCacheFascia(loaded->body, loaded->atlas.get(),
                                                     {options.cacheDir, options.useCache, {}}, made.report);
            made.places = io::placeFascia(loaded->body, made.sheets);
            std::vector<uint32_t> slots;
            std::vector<const geometry::Mesh*> meshes;
            for (size_t i = 0; i < made.places.size(); ++i)
                if (made.places[i] != io::kNoPlace) {
                    slots.push_back(made.places[i]);
                    meshes.push_back(&made.sheets.meshes[i]);
                }
            made.layout = std::make_shared<render::BodyUpload>(render::layoutAfter(end, slots, meshes));
            lateMade.set_value(std::move(made));
        } catch (...) {
            lateMade.set_exception(std::current_exception());
        }
    });
    // The body loads from the start: opening the window (display, GL context, fonts) takes about a tenth of a second,
    // a fifth of a warm start.
    std::shared_ptr<platform::Window> window;
    try {
        window = std::make_shared<platform::Window>(defaultSize ? settings.window.width : gui.width,
                                                    defaultSize ? settings.window.height : gui.height, "MyoAtlas");
        (void)ui::applyTheme(window->contentScale(), gui.uiScale != 1.0f ? gui.uiScale : settings.uiScale,
                             ui::parseTheme(settings.theme));
        window->refreshImGuiFonts();
    } catch (...) {
        // No window (no display, GL too old): said as main says it, and the process ends here, since the loader
        // cannot be interrupted and works on this function's state (the cache files are written atomically).
        const core::Failure f = core::failureOf(std::current_exception());
        core::logError(f.expected ? f.message : "unexpected: " + f.message);
        std::_Exit(static_cast<int>(f.code));
    }
    // Held with the programs compiled in its context below, which go before it (a failed load returns early).
    gui.window = window;
    auto isFinished = [&] {
        std::lock_guard lock(mutex);
        return finished;
    };
    core::Stopwatch clock, stageClock;
    io::LoadProgress::Stage shownStage = io::LoadProgress::Stage::Cache;
    ui::LoadingView view;
    bool triedShaders = false;
    bool triedUpload = false; // the body's buffers: made once, as soon as it is laid out
    int code = 0;
    for (bool done = false; !done;) {
        window->pollEvents(false);
        if (!view.error.empty() && (window->shouldClose() || core::shutdownRequested()))
            return code;
        if (window->shouldClose() || core::shutdownRequested()) {
            // Parsing cannot be interrupted; the cache files are written atomically, so leaving now is safe.
            core::logInfo("closed while loading");
            std::_Exit(0);
        }
        if (isFinished() && view.error.empty()) {
            if (!failure)
                break; // the loader goes on with the fascia
            loader.join();
            const core::Failure f = core::failureOf(failure);
            core::logError(f.expected ? f.message : "unexpected: " + f.message);
            view.error = f.message;
            code = static_cast<int>(f.code);
        }
        {
            std::lock_guard lock(mutex);
            if (progress.stage != shownStage) {
                shownStage = progress.stage;
                stageClock.reset();
            }
            view.text = describeProgress(progress);
            view.fraction = progressFraction(progress, stageClock.seconds());
        }
        view.seconds = clock.seconds();
        window->beginImGuiFrame();
        ui::drawLoadingScreen(view);
        window->renderImGui();
        window->swapBuffers();
        // The renderer's programs compile in the window's context while the loader works (once the bar is shown).
        if (!triedShaders) {
            triedShaders = true;
            try {
                core::Stopwatch compile;
                gui.programs = render::compileShaderPrograms();
                int fbw = 0, fbh = 0;
                window->framebufferSize(fbw, fbh);
                render::warmUpPipelines(gui.programs, fbw, fbh);
                core::logDebug("shaders compiled and run in " + std::to_string(compile.seconds()).substr(0, 5) + " s");
            } catch (const core::Error& e) {
                // The renderer compiles them again once loaded, and reports the failure as it always did.
                core::logDebug(std::string("shaders not compiled while loading: ") + e.what());
            }
        }
        // A failed load waits for the user to read it and close the window; a smoke run (--frames) does not wait.
        if (!view.error.empty() && gui.frames > 0)
            done = true;
        // Ten frames a second while loading, but not a frame's wait once the load is done: on software GL each
        // frame of the loading screen costs the loader CPU time (at 30 a second it took about a sixth of a core).
        std::unique_lock lock(mutex);
        finishedChanged.wait_for(lock, std::chrono::milliseconds(100),
                                 [&] { return (finished && view.error.empty()) || (laidOut && !triedUpload); });
        const bool uploadNow = laidOut && !std::exchange(triedUpload, true);
        lock.unlock();
        // The body's buffers are filled from its layout as soon as it is made, beside the loader adding the fascia
        // and the modelled muscles (which go into the buffers' room later): the renderer made after loading no
        // longer copies the whole body.
        if (uploadNow) {
            try {
                core::Stopwatch uploading;
                gui.buffers = std::make_shared<render::BodyBuffers>(*bodyLayout);
                core::logDebug("body uploaded while loading in " + std::to_string(uploading.seconds()).substr(0, 5) +
                               " s");
            } catch (const core::Error& e) {
                core::logDebug(std::string("body not uploaded while loading: ") + e.what());
            }
        }
    }
    if (!view.error.empty())
        return code;
    core::logInfo("loaded in " + std::to_string(clock.seconds()).substr(0, 5) + " s (" +
                  std::to_string(core::secondsSinceLaunch()).substr(0, 4) + " s since launch)");
    gui.upload = std::move(upload);
    gui.uploadAdded = std::move(uploadAdded);
    if (world->fasciaPending) {
        gui.late = std::make_shared<LateStructures>();
        gui.late->what = "fascia";
        gui.late->ready = [&late] { return late.wait_for(std::chrono::seconds(0)) == std::future_status::ready; };
        gui.late->fill = [&late, &world] {
            LateFascia made = late.get();
            auto filled = io::fillFasciaPlaceholders(world->body, std::move(made.sheets), made.places, made.report);
            return std::make_pair(std::move(filled), std::move(made.layout));
        };
    }
    gui.firstFrameShown = [&shownMade] { shownMade.set_value(); };
    auto context = world->context();
    // The loader may still be generating the fascia when the window closes: it cannot be interrupted, and the cache
    // files are written atomically, so the process then ends at once.
    auto stillGenerating = [&late, pending = world->fasciaPending] {
        return pending && late.valid() && late.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    };
    int result = 0;
    try {
        result = runGui(context, world->report, options.dataDir.string(), gui);
    } catch (...) {
        if (!stillGenerating()) {
            loader.join();
            throw;
        }
        const core::Failure f = core::failureOf(std::current_exception());
        core::logError(f.expected ? f.message : "unexpected: " + f.message);
        std::_Exit(static_cast<int>(f.code));
    }
    if (stillGenerating()) {
        core::logInfo("closed while the fascia layer was being generated");
        std::_Exit(result);
    }
    loader.join();
    return result;
}

} // namespace myoatlas::app
