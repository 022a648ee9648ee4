#include "scene/pain_map.h"

#include "core/log.h"

#include <algorithm>

namespace myoatlas::scene {

PainMap::PainMap(const AtlasContext& context)
    : context_(context), skinHeat_(context.body, context.atlas, context.resolver, context.atlasError),
      session_(skinHeat_) {
    if (context.atlas && context.resolver) {
        muscles_ = MuscleLookup(*context.atlas, *context.resolver);
        markers_.emplace(context.body, *context.atlas, *context.resolver);
    }
}

bool PainMap::update(const AppState& state, double now, const PainMapOptions& options) {
    const bool first = firstUpdate_;
    firstUpdate_ = false;
    const double dt = first ? 0.0 : std::clamp(now - lastNow_, 0.0, 0.25);
    lastNow_ = now;
    if (!skinHeat_.available())
        return false;
    const ViewState& view = state.view;
    // In the window the skin is prepared in the background from the second frame on: the first one, which the
    // user waits for, has both cores (its render runs on them). A pattern or pain shown at once is prepared now.
    if ((options.interactive && !first) || !view.triggerPoints.empty() || !view.painPoints.empty())
        skinHeat_.prepare();
    // A trigger point chosen in the window (panel, marker, study card, quiz): the view turns to its pattern. A
    // lesson's steps keep their own camera.
    for (const auto& ref : view.triggerPoints)
        if (options.interactive && !state.lessonActive &&
            std::find(shownBefore_.begin(), shownBefore_.end(), ref) == shownBefore_.end())
            toFrame_ = ref;
    shownBefore_ = view.triggerPoints;
    session_.update(view.triggerPoints, view.painPoints, view.heatTime, dt, options.speed, first);
    if (session_.version() != sessionVersion_) {
        sessionVersion_ = session_.version();
        ++heatVersion_;
    }
    if (markers_ && markers_->update(view.triggerPoints, muscles_.selected(view.selection), view.painPoints,
                                     {view.camera.distance, view.camera.eye(), options.showSatellites}))
        ++overlayVersion_;
    if (!options.interactive && !view.triggerPoints.empty() && !warnedSkin_ && skinHidden(view)) {
        core::logWarn("the referred-pain map is painted on the skin, which this view hides: add the skin to --layers "
                      "(e.g. skin:0.3)");
        warnedSkin_ = true;
    }
    return session_.busy() || (view.heatTime < 0.0f && session_.travelling());
}

const std::vector<OverlayMesh>& PainMap::overlays() const {
    static const std::vector<OverlayMesh> none;
    return markers_ ? markers_->overlays() : none;
}

void PainMap::markDimmed(std::vector<uint8_t>& dimmed) const {
    if (!session_.shown())
        return;
    const uint32_t skin = this->skin();
    for (size_t s = 0; s < dimmed.size(); ++s)
        if (s != skin)
            dimmed[s] = 1;
}

bool PainMap::skinHidden(const ViewState& view) const {
    const auto skin = skinHeat_.skin();
    return skin && (!view.isVisible(context_.body, *skin) || view.opacity(context_.body, *skin) < 0.05f);
}

bool PainMap::onClick(const Pick& pick, bool painMode, bool additive, Commands& out) {
    if (!skinHeat_.available())
        return false;
    if (painMode) {
        out.push(AddPainPoint{skinHeat_.onSkin(pick.point)});
        return true;
    }
    const TrpMarker* best = markers_ ? markers_->nearestTriggerPoint(pick.point) : nullptr;
    if (!best)
        return false;
    out.push(ShowTriggerPoint{*best->trp, additive});
    return true;
}

const TrpMarker* PainMap::markerUnderPointer(const CameraPose& camera, glm::vec2 viewport, glm::vec2 pointer,
                                             float reach) const {
    if (!markers_ || markers_->markers().empty() || viewport.x <= 0.0f || viewport.y <= 0.0f)
        return nullptr;
    return markers_->underPointer(camera, viewport, pointer, reach);
}

std::optional<CameraPose> PainMap::patternPose(const std::vector<TriggerPointRef>& refs, const CameraPose& current,
                                               float aspect, ViewInsets insets, bool keepDirection) const {
    std::vector<const HeatField*> fields;
    std::vector<glm::vec3> knots;
    for (const auto& ref : refs) {
        if (const auto* f = session_.field(ref))
            fields.push_back(f);
        if (const auto* r = session_.referral(ref))
            knots.push_back(r->trpPosition);
    }
    if (fields.empty() || !skinHeat_.skin())
        return std::nullopt;
    return referralPose(context_.body.meshes[*skinHeat_.skin()], fields, knots, current, aspect, insets, keepDirection);
}

std::optional<CameraPose> PainMap::dueFraming(const AppState& state, ViewInsets insets) {
    if (!toFrame_)
        return std::nullopt;
    const auto& shown = state.view.triggerPoints;
    if (std::find(shown.begin(), shown.end(), *toFrame_) == shown.end()) {
        toFrame_.reset(); // hidden again before its field was built
        return std::nullopt;
    }
    for (const auto& ref : shown)
        if (!session_.field(ref) && session_.referral(ref))
            return std::nullopt; // turn when the heat can start to spread
    toFrame_.reset();
    return patternPose(shown, state.view.camera, state.viewportAspect, insets, false);
}

std::optional<CameraPose> PainMap::framing(const AppState& state, float aspect) const {
    return patternPose(state.view.triggerPoints, state.view.camera, aspect, {}, state.viewNamed);
}

} // namespace myoatlas::scene
