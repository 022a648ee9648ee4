#pragma once
// Start-up: the body, the atlas, the generated fascia and the resolver, loaded in the order the rest needs, with
// progress on stderr for the subcommands and in the window (opened first) for the interactive program.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "app/feature.h"
#include "app/gui.h"
#include "io/body_loader.h"
#include "io/fascia_layer.h"

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <string>

namespace myoatlas::app {

// Held by pointer: the resolver and the context keep references into the body.
struct World {
    std::future<void> cacheWrite; // the body's cache file being written (it holds its own copy of the content)
    bool fasciaPending = false;   // FasciaTiming::Later, not in its cache: its structures are empty, to be filled in
    io::FasciaReport fascia;      // then: its key (computed, the cache read) for io::generateAndCacheFascia
    anatomy::Body body;
    io::LoadReport report;
    std::filesystem::path atlasDir;
    std::unique_ptr<anatomy::Atlas> atlas; // absent when it failed to load; atlasError says why
    std::string atlasError;
    std::unique_ptr<anatomy::AtlasResolver> resolver;
    [[nodiscard]] FeatureContext context() { return FeatureContext{body, atlas.get(), resolver.get(), atlasError}; }
};

// `bodyOnly`: stop after the body (no atlas, no fascia). `beside`: runs on another thread with the body as soon as it
// is loaded, beside the atlas and the fascia (which only read it), and is joined before anything is added to it.
// Throws what io::loadBody throws (and what `beside` throws).
// `timing`: the generated fascia joins the body (WithTheBody), or its structures join empty (Later: the window fills
// them in once generated, see io::plannedFasciaStructures) so that the body shows two seconds sooner on a first start.
enum class FasciaTiming { WithTheBody, Later };
[[nodiscard]] std::unique_ptr<World> loadWorld(const io::LoadOptions& options, bool bodyOnly = false,
                                               const std::function<void(const anatomy::Body&)>& beside = {},
                                               FasciaTiming timing = FasciaTiming::WithTheBody);

// Opens the window, shows the loading screen while the world loads on another thread, then runs the program in
// the same window. A failed load is shown in the window until it is closed; returns its exit code.
int runGuiAfterLoading(io::LoadOptions options, GuiOptions gui);

} // namespace myoatlas::app
