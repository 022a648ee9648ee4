#include "app/render_command.h"

#include "core/error.h"
#include "core/log.h"
#include "core/text_checks.h"
#include "core/timer.h"
#include "io/image_io.h"
#include "platform/egl_context.h"
#include "platform/imgui_offscreen.h"
#include "render/renderer.h"
#include "scene/options.h"
#include "ui/presentation.h"

#include <cstring>

namespace myoatlas::app {

void checkContentRequest(const FeatureContext& context, const RenderRequest& request) {
    // Numbers the user typed are checked, never clamped in silence; names must exist, as `heat` demands.
    if (request.time != RenderRequest{}.time)
        core::requireFiniteInRange(request.time, 0.0, 86400.0, "--time (seconds)");
    if (!context.atlas)
        return; // the caller reports the missing atlas when content was asked for
    const auto& atlas = *context.atlas;
    for (const auto& id : request.triggerPoints)
        if (!atlas.triggerPoint(id))
            throw core::UsageError("--trp: unknown trigger point '" + id + "'");
    for (const auto& id : request.lines) {
        std::string base = id;
        for (const char* suffix : {"_left", "_right"})
            if (base.size() > std::strlen(suffix) && base.ends_with(suffix))
                base.resize(base.size() - std::strlen(suffix));
        if (!atlas.line(id) && !atlas.line(base))
            throw core::UsageError("--line: unknown Anatomy Trains line '" + id +
                                   "' (ids: SBL, SFL, LL, ... or LL_left, LL_right)");
    }
    if (!request.technique.empty()) {
        const auto* t = atlas.technique(request.technique);
        if (!t)
            throw core::UsageError("--technique: unknown technique '" + request.technique + "'");
        if (request.variant.empty() || t->variant(request.variant)) {
            auto count = static_cast<int>(t->stepsOf(request.variant).size());
            if (request.step < 0 || request.step >= count)
                throw core::UsageError("--step " + std::to_string(request.step) + ": " + request.technique + " has " +
                                       std::to_string(count) + " steps, numbered 0 to " + std::to_string(count - 1));
        }
    }
}

void applyRequest(const FeatureContext& context, const RenderRequest& request, scene::AppState& state, float aspect) {
    const auto& body = context.body;
    auto view = scene::parseViewName(request.view.empty() ? "anterior" : request.view);
    if (!view)
        throw core::UsageError("--view must be one of anterior, posterior, left, right, superior, inferior (got '" +
                               request.view + "')");
    if (request.side != "left" && request.side != "right")
        throw core::UsageError("--side must be left or right (got '" + request.side + "')");
    checkContentRequest(context, request);
    state.viewportAspect = aspect;
    state.viewNamed = !request.view.empty();
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
    for (const auto& id : request.triggerPoints)
        scene::apply(state, body, scene::ShowTriggerPoint{{id, request.side}, true});
    scene::apply(state, body, scene::SetHeatTime{request.time});
    for (const auto& line : request.lines)
        scene::apply(state, body, scene::ShowLine{line, true, false});
    if (!request.technique.empty())
        scene::apply(
            state, body,
            scene::SetTechnique{{request.technique, request.target, request.side, request.step, request.variant}});
    if (!request.caption.empty())
        scene::apply(state, body, scene::SetCaption{request.caption});
}

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

void runRender(FeatureContext& context, const RenderRequest& request) {
    auto [w, h] = scene::parseSize(request.size);
    scene::AppState state;
    applyRequest(context, request, state, static_cast<float>(w) / static_cast<float>(h));
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
