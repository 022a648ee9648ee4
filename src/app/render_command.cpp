#include "app/render_command.h"

#include "core/error.h"
#include "core/log.h"
#include "core/timer.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/options.h"

namespace myoatlas::app {

void runRender(const anatomy::Body& body, const RenderRequest& request) {
    auto [w, h] = scene::parseSize(request.size);
    auto view = scene::parseViewName(request.view);
    if (!view)
        throw core::UsageError("--view must be one of anterior, posterior, left, right, superior, inferior (got '" +
                               request.view + "')");
    scene::AppState state;
    state.viewportAspect = static_cast<float>(w) / static_cast<float>(h);
    state.view.layers = scene::parseLayers(request.layers);
    for (const auto& name : request.select) {
        auto found = scene::findStructures(body, name);
        if (found.empty())
            throw core::UsageError("--select: no structure named '" + name + "'");
        for (uint32_t s : found)
            scene::apply(state, body, scene::SelectStructure{s, true, false});
    }
    scene::apply(state, body, scene::SetNamedView{*view});
    if (request.frameSelection)
        scene::apply(state, body, scene::FrameSelection{});

    core::Stopwatch clock;
    platform::EglContext gl;
    render::Renderer renderer(body);
    render::FrameInputs in;
    in.view = &state.view;
    in.width = w;
    in.height = h;
    in.supersample = request.supersample;
    auto stats = renderer.render(in);
    auto image = renderer.readPixels();
    io::writePng(request.output, image);
    core::logInfo("rendered " + std::to_string(stats.drawnStructures) + " structures (" +
                  std::to_string(stats.drawnTriangles) + " triangles) on " + gl.renderer() + " in " +
                  std::to_string(static_cast<int>(clock.millis())) + " ms -> " + request.output.string());
}

} // namespace myoatlas::app
