#include "app/render_command.h"

#include "core/error.h"
#include "core/log.h"
#include "core/timer.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "platform/imgui_offscreen.h"
#include "render/renderer.h"
#include "scene/options.h"
#include "ui/presentation.h"

namespace myoatlas::app {

io::Image renderOffscreen(FeatureContext& context, scene::AppState& state, const OffscreenOptions& options) {
    core::Stopwatch clock;
    platform::EglContext gl;
    render::Renderer renderer(context.body);
    FeatureHost host(context, renderer);
    // A deterministic frame: the features evaluate at the requested time (or their steady state).
    host.update(state, options.time < 0.0f ? 1e6 : options.time);
    if (options.featureFraming)
        for (auto& f : host.features())
            if (auto pose = f->framing(state, static_cast<float>(options.width) / static_cast<float>(options.height))) {
                state.view.camera = *pose;
                state.view.camera.distance *= options.framingZoom;
                break;
            }
    std::vector<uint8_t> dimmed;
    host.sync(dimmed);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = options.width;
    in.height = options.height;
    in.supersample = options.supersample;
    in.occlusion = options.occlusion;
    in.dimmed = dimmed;
    in.time = std::max(0.0f, options.time);
    in.heatPulse = host.heatPulse();
    auto stats = renderer.render(in);
    std::string caption = options.captions ? state.view.caption : std::string();
    for (auto& f : host.features())
        if (auto c = options.captions ? f->caption(state) : std::string(); !c.empty())
            caption += (caption.empty() ? "" : "\n") + c;
    if (!caption.empty()) {
        int fw = 0, fh = 0;
        renderer.bindFinalTarget(fw, fh);
        // Text sized to the picture: the same share of the height as the window's caption at 1000 px.
        platform::drawImGuiOffscreen(fw, fh, static_cast<float>(fh) / 1000.0f,
                                     [&] { ui::drawCaptionBar(caption, false); });
    }
    core::logDebug("offscreen frame: " + std::to_string(stats.drawnStructures) + " structures, " +
                   std::to_string(stats.drawnTriangles) + " triangles on " + gl.renderer() + " in " +
                   std::to_string(static_cast<int>(clock.millis())) + " ms");
    return renderer.readPixels();
}

io::Image renderStill(FeatureContext& context, const scene::StillRequest& request, const OffscreenOptions& options) {
    scene::AppState state;
    scene::applyStillRequest(context, request, state,
                             static_cast<float>(options.width) / static_cast<float>(options.height));
    return renderOffscreen(context, state, options);
}

void runRender(FeatureContext& context, const RenderRequest& request) {
    auto [w, h] = scene::parseSize(request.size);
    scene::AppState state;
    scene::applyStillRequest(context, request, state, static_cast<float>(w) / static_cast<float>(h));
    core::Stopwatch clock;
    OffscreenOptions options;
    options.width = w;
    options.height = h;
    options.supersample = request.supersample;
    options.occlusion = !request.noOcclusion;
    options.time = request.time;
    // A still of a technique step or a pain map looks at what it shows, unless the caller framed something.
    options.featureFraming = !request.frameSelection && request.select.empty();
    io::writePng(request.output, renderOffscreen(context, state, options));
    core::logInfo("rendered " + request.output.string() + " in " + std::to_string(static_cast<int>(clock.millis())) +
                  " ms");
}

} // namespace myoatlas::app
