#pragma once
#include "anatomy/body.h"
#include "app/feature.h"
#include "io/body_loader.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace myoatlas::platform {
class Window;
}
namespace myoatlas::render {
struct BodyUpload;
struct ShaderPrograms;
} // namespace myoatlas::render

namespace myoatlas::app {

// Structures the window shows before their meshes exist (the fascia on a first start, generated while the body is
// already on screen): `ready` says whether their meshes have come; `fill`, called once at the start of a frame
// when nothing else reads the body's meshes, moves them into the body and returns the structures filled and the
// renderer's layout for them (after the body's: render::layoutAfter). `fill` throws what making them threw; the
// structures then stay empty.
struct LateStructures {
    std::function<bool()> ready;
    std::function<std::pair<std::vector<uint32_t>, std::shared_ptr<render::BodyUpload>>()> fill;
    std::string what; // for the log and the layer panel, e.g. "fascia"
};

struct GuiOptions {
    int width = 1600, height = 1000;
    int frames = 0;                   // stop after this many frames (0: run until closed); for smoke tests
    std::filesystem::path screenshot; // with frames: write the last frame (with the UI) here
    std::string view = "anterior";
    float uiScale = 1.0f;
    std::filesystem::path lesson;    // open this lesson and play it from the first step
    bool presentation = false;       // start in presentation mode (as if F5 had been pressed)
    std::filesystem::path dumpState; // on exit, write what the program showed as JSON (smoke tests drive it)
    bool occlusion = true;           // render::FrameInputs::occlusion (off to compare)

    // Already open (it showed the loading screen); empty: open one.
    std::shared_ptr<platform::Window> window;
    // Made while the loading screen showed (empty: made when the window's renderer is): the renderer's programs,
    // compiled in that window's context (declared after it, so released while it is still open), and the body's
    // meshes laid out for upload (moved from): the body as loaded, then what joined it (render::layoutAdded; may be
    // empty).
    std::shared_ptr<render::ShaderPrograms> programs;
    std::shared_ptr<render::BodyUpload> upload, uploadAdded;
    std::shared_ptr<render::BodyBuffers> buffers; // made from `upload` while loading (may be empty)
    std::shared_ptr<LateStructures> late;         // empty: the body is whole
    std::function<void()> firstFrameShown;        // called once the first frame is on screen (may be empty)
};

// The interactive program: window, panels, camera, picking. Returns the process exit code.
int runGui(FeatureContext& context, const io::LoadReport& report, const std::string& dataDir,
           const GuiOptions& options);

} // namespace myoatlas::app
