#include "scene/still_request.h"

#include "anatomy/atlas.h"
#include "core/error.h"
#include "core/text_checks.h"
#include "scene/options.h"

#include <cstring>

namespace myoatlas::scene {

void checkStillRequest(const anatomy::Atlas* atlas, const StillRequest& request) {
    if (request.time != StillRequest{}.time)
        core::requireFiniteInRange(request.time, 0.0, 86400.0, "--time (seconds)");
    if (!atlas)
        return;
    for (const auto& id : request.triggerPoints)
        if (!atlas->triggerPoint(id))
            throw core::UsageError("--trp: unknown trigger point '" + id + "'");
    for (const auto& id : request.lines) {
        std::string base = id;
        for (const char* suffix : {"_left", "_right"})
            if (base.size() > std::strlen(suffix) && base.ends_with(suffix))
                base.resize(base.size() - std::strlen(suffix));
        if (!atlas->line(id) && !atlas->line(base))
            throw core::UsageError("--line: unknown Anatomy Trains line '" + id +
                                   "' (ids: SBL, SFL, LL, ... or LL_left, LL_right)");
    }
    if (request.technique.empty())
        return;
    const auto* t = atlas->technique(request.technique);
    if (!t)
        throw core::UsageError("--technique: unknown technique '" + request.technique + "'");
    if (request.variant.empty() || t->variant(request.variant)) {
        auto count = static_cast<int>(t->stepsOf(request.variant).size());
        if (request.step < 0 || request.step >= count)
            throw core::UsageError("--step " + std::to_string(request.step) + ": " + request.technique + " has " +
                                   std::to_string(count) + " steps, numbered 0 to " + std::to_string(count - 1));
    }
}

void applyStillRequest(const AtlasContext& context, const StillRequest& request, AppState& state, float aspect) {
    const auto& body = context.body;
    auto view = parseViewName(request.view.empty() ? "anterior" : request.view);
    if (!view)
        throw core::UsageError("--view must be one of anterior, posterior, left, right, superior, inferior (got '" +
                               request.view + "')");
    if (request.side != "left" && request.side != "right")
        throw core::UsageError("--side must be left or right (got '" + request.side + "')");
    checkStillRequest(context.atlas, request);
    state.viewportAspect = aspect;
    state.viewNamed = !request.view.empty();
    state.view.layers = parseLayers(request.layers);
    for (const auto& name : request.select) {
        auto found = findStructures(body, name);
        if (found.empty())
            throw core::UsageError("--select: no structure named '" + name + "'");
        for (uint32_t s : found)
            apply(state, body, SelectStructure{s, true, false});
    }
    apply(state, body, SetNamedView{*view});
    if (request.frameSelection)
        apply(state, body, FrameSelection{});
    for (const auto& id : request.triggerPoints)
        apply(state, body, ShowTriggerPoint{{id, request.side}, true});
    apply(state, body, SetHeatTime{request.time});
    for (const auto& line : request.lines)
        apply(state, body, ShowLine{line, true, false});
    if (!request.technique.empty())
        apply(state, body,
              SetTechnique{{request.technique, request.target, request.side, request.step, request.variant}});
    if (!request.caption.empty())
        apply(state, body, SetCaption{request.caption});
}

} // namespace myoatlas::scene
