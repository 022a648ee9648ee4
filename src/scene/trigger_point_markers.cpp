#include "scene/trigger_point_markers.h"

#include "geometry/tube_builder.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace myoatlas::scene {
namespace {

using anatomy::Side;

std::string keyOf(const TriggerPointRef& ref) {
    return ref.id + "/" + ref.side;
}

Side sideOf(const std::string& side) {
    return side == "left" ? Side::Left : Side::Right;
}

// Marker colours: bright and light so they read over red heat and red muscle on a projector; the dark rim
// separates them from any background. Lightness differs too, for colour-blind viewers.
constexpr glm::vec4 kShownColor{1.0f, 0.97f, 0.75f, 1.0f};
constexpr glm::vec4 kOtherColor{0.47f, 0.92f, 1.0f, 1.0f};
constexpr glm::vec4 kPainColor{0.43f, 0.55f, 1.0f, 1.0f};
constexpr glm::vec4 kChainColor{0.47f, 0.92f, 1.0f, 1.0f};
constexpr float kShownRadius = 0.009f; // metres: about 10 px across in a whole-body view on a 1080p projector
constexpr float kOtherRadius = 0.007f;

} // namespace

std::string trpLabel(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp) {
    if (!trp.name.empty())
        return trp.name;
    const anatomy::Muscle* m = atlas.muscle(trp.muscle);
    std::string muscle = m ? m->name : trp.muscle;
    return muscle + " " + (trp.tsNumber.empty() ? trp.id : trp.tsNumber);
}

TrpMarkers::TrpMarkers(const anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver)
    : body_(body), atlas_(atlas), resolver_(resolver) {}

const TrpMarker* TrpMarkers::underPointer(const CameraPose& camera, glm::vec2 viewport, glm::vec2 pointer,
                                          float reach) const {
    const glm::mat4 vp = camera.projection(viewport.x / std::max(1.0f, viewport.y)) * camera.view();
    const glm::vec3 eye = camera.eye();
    const TrpMarker* best = nullptr;
    float bestScore = 2.0f * reach;
    for (const TrpMarker& m : markers_) {
        glm::vec4 clip = vp * glm::vec4(m.position, 1.0f);
        if (clip.w <= 0.0f)
            continue;
        float sx = (clip.x / clip.w * 0.5f + 0.5f) * viewport.x;
        float sy = (0.5f - clip.y / clip.w * 0.5f) * viewport.y;
        float d = std::hypot(sx - pointer.x, sy - pointer.y);
        if (d >= reach)
            continue;
        bool facing = glm::dot(m.normal, eye - m.position) >= 0.0f;
        float score = d + (facing ? 0.0f : reach);
        if (score < bestScore) {
            bestScore = score;
            best = &m;
        }
    }
    return best;
}

const TrpMarker* TrpMarkers::nearestTriggerPoint(const glm::vec3& p) const {
    const TrpMarker* best = nullptr;
    float bestDist = 0.0f;
    for (const TrpMarker& m : markers_) {
        float d = glm::length(m.position - p);
        if (m.trp && d < std::max(m.radius * 2.5f, 0.02f) && (!best || d < bestDist)) {
            best = &m;
            bestDist = d;
        }
    }
    return best;
}

glm::vec3 TrpMarkers::normalAt(const glm::vec3& p, Side side) const {
    {
        glm::vec3 d = resolver_.toSkin(p, anatomy::Toward::Nearest, side) - p;
        if (glm::length(d) > 0.001f)
            return glm::normalize(d);
    }
    // On the skin already (pain points): away from the body's long axis.
    glm::vec3 c = body_.bounds().center();
    glm::vec3 d(p.x - c.x, 0.0f, p.z - c.z);
    return glm::length(d) > 1e-4f ? glm::normalize(d) : glm::vec3(0, 0, 1);
}

const glm::vec3* TrpMarkers::position(const anatomy::TriggerPoint& trp, Side side) {
    std::string key = trp.id + "/" + std::string(anatomy::sideName(side));
    auto it = positions_.find(key);
    if (it == positions_.end()) {
        anatomy::ResolvedTriggerPoint r = resolver_.triggerPoint(trp, side);
        it = positions_.emplace(key, r.ok ? std::optional<glm::vec3>(r.position) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
}

bool TrpMarkers::update(const std::vector<TriggerPointRef>& shown_, const std::vector<MarkedMuscle>& selected,
                        const std::vector<glm::vec3>& painPoints) {
    const anatomy::Atlas& atlas = atlas_;
    // Everything the markers depend on, as one key: rebuild only when it changes.
    std::string key;
    for (const auto& r : shown_)
        key += "s" + keyOf(r);
    for (const auto& m : selected)
        key += "m" + m.id + std::string(anatomy::sideName(m.side));
    for (const auto& p : painPoints)
        key += "p" + std::to_string(p.x) + "," + std::to_string(p.y) + "," + std::to_string(p.z);
    if (key == key_)
        return false;
    key_ = key;

    markers_.clear();
    auto isShown = [&](const std::string& id, Side side) {
        return std::find(shown_.begin(), shown_.end(), TriggerPointRef{id, std::string(anatomy::sideName(side))}) !=
               shown_.end();
    };
    auto addTrp = [&](const anatomy::TriggerPoint& trp, Side side, bool shown) {
        const glm::vec3* p = position(trp, side);
        if (!p)
            return;
        if (std::any_of(markers_.begin(), markers_.end(), [&](const TrpMarker& m) {
                return m.trp && m.trp->id == trp.id && sideOf(m.trp->side) == side;
            }))
            return;
        TrpMarker m;
        m.position = *p;
        m.normal = normalAt(*p, side);
        m.radius = shown ? kShownRadius : kOtherRadius;
        m.color = shown ? kShownColor : kOtherColor;
        m.label = trpLabel(atlas, trp) + " (" + std::string(anatomy::sideName(side)) + ")";
        m.trp = TriggerPointRef{trp.id, std::string(anatomy::sideName(side))};
        markers_.push_back(std::move(m));
    };
    std::vector<std::pair<glm::vec3, glm::vec3>> chain; // key trigger point -> satellite
    for (const auto& ref : shown_)
        if (const anatomy::TriggerPoint* trp = atlas.triggerPoint(ref.id))
            addTrp(*trp, sideOf(ref.side), true);
    for (const auto& ref : shown_) {
        const anatomy::TriggerPoint* trp = atlas.triggerPoint(ref.id);
        if (!trp)
            continue;
        const glm::vec3* from = position(*trp, sideOf(ref.side));
        for (const auto& sid : trp->satellites) {
            const anatomy::TriggerPoint* sat = atlas.triggerPoint(sid);
            if (!sat)
                continue;
            Side side = sideOf(ref.side);
            if (!sat->sides.empty() && std::find(sat->sides.begin(), sat->sides.end(), side) == sat->sides.end())
                side = sat->sides.front();
            addTrp(*sat, side, isShown(sid, side));
            if (const glm::vec3* to = position(*sat, side); from && to)
                chain.emplace_back(*from, *to);
        }
    }
    for (const auto& m : selected)
        for (const anatomy::TriggerPoint* trp : atlas.triggerPointsOf(m.id))
            addTrp(*trp, m.side, isShown(trp->id, m.side));
    for (size_t i = 0; i < painPoints.size(); ++i) {
        TrpMarker m;
        m.position = painPoints[i];
        m.normal = normalAt(m.position, Side::Midline);
        m.radius = kOtherRadius;
        m.color = kPainColor;
        m.label = "Pain point " + std::to_string(i + 1);
        markers_.push_back(std::move(m));
    }

    overlays_.clear();
    OverlayMesh dots;
    dots.onTop = true; // markers read through faded (and opaque) layers
    for (const TrpMarker& m : markers_)
        appendMarker(dots, m.position, m.normal, m.radius, m.color);
    if (!dots.mesh.indices.empty())
        overlays_.push_back(std::move(dots));
    for (const auto& [a, b] : chain) {
        const glm::vec3 path[] = {a, b};
        geometry::TubeOptions to;
        to.radius = 0.0022f;
        to.sides = 10;
        geometry::TubeMesh tube = geometry::buildTube(path, to);
        if (tube.mesh.indices.empty())
            continue;
        OverlayMesh o;
        o.mesh = std::move(tube.mesh);
        o.colors.assign(o.mesh.vertexCount(), kChainColor);
        o.params = std::move(tube.arcLength);
        o.flowSpeed = 0.08f; // bright bands travel from the key trigger point to its satellite
        o.flowWavelength = 0.04f;
        o.onTop = true;
        overlays_.push_back(std::move(o));
    }
    return true;
}

} // namespace myoatlas::scene
