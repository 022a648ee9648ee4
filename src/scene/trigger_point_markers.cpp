#include "scene/trigger_point_markers.h"

#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
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
constexpr glm::vec4 kChainColor{0.47f, 0.92f, 1.0f, 0.55f}; // faint: the links must not hide the referral
constexpr glm::vec4 kBandColor{0.98f, 0.62f, 0.22f, 1.0f};  // amber: a rope under the skin, not heat, not a marker
constexpr glm::vec4 kOtherBandColor{0.55f, 0.78f, 0.86f, 1.0f};
constexpr float kOtherScale = 0.78f;      // trigger points not shown are drawn smaller than the one taught
constexpr float kBandRadiusScale = 0.4f;  // of the knot's radius
constexpr float kNoduleElongation = 1.5f; // the knot is a lump stretched along the band

// Seen alone (no centreline): the band runs along the body's long axis, the usual fibre direction of limb muscles.
glm::vec3 fallbackFibre(const glm::vec3& normal) {
    glm::vec3 f = glm::vec3(0, 1, 0) - normal * glm::dot(normal, glm::vec3(0, 1, 0));
    return glm::length(f) > 1e-3f ? glm::normalize(f) : glm::vec3(1, 0, 0);
}

} // namespace

struct TrpMarkers::MuscleShape {
    geometry::MuscleCentreline centreline;
    geometry::Bvh surface;
};

float noduleRadius(float cameraDistance) {
    // Screen height at distance d is 2 d tan(fovY / 2) = 0.62 d for the default field of view: 6 px of 1080.
    return std::max(0.0025f, 0.0034f * std::max(cameraDistance, 0.0f));
}

const TrpMarkers::MuscleShape* TrpMarkers::shape(const std::string& muscle, Side side) {
    const std::string key = muscle + "/" + std::string(anatomy::sideName(side));
    auto it = shapes_.find(key);
    if (it != shapes_.end())
        return it->second.get();
    std::shared_ptr<MuscleShape> out;
    if (const anatomy::Muscle* m = atlas_.muscle(muscle); m && m->meshPresent) {
        anatomy::ResolvedMuscle rm = resolver_.muscle(*m);
        const std::vector<uint32_t>& parts = side == Side::Left && !rm.left.empty() ? rm.left
                                             : rm.right.empty()                     ? rm.left
                                                                                    : rm.right;
        std::vector<const geometry::Mesh*> meshes;
        for (uint32_t s : parts)
            if (s < body_.meshes.size() && !body_.meshes[s].indices.empty())
                meshes.push_back(&body_.meshes[s]);
        if (!meshes.empty()) {
            out = std::make_shared<MuscleShape>();
            out->centreline = geometry::muscleCentreline(meshes);
            out->surface.build(meshes);
        }
    }
    shapes_.emplace(key, out);
    return out.get();
}

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
        for (size_t i = 0; i + 1 < m.band.size(); ++i) { // a click on the taut band means its knot too
            const glm::vec3 ab = m.band[i + 1] - m.band[i];
            const float t = std::clamp(glm::dot(p - m.band[i], ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
            d = std::min(d, glm::length(m.band[i] + t * ab - p));
        }
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
                        const std::vector<glm::vec3>& painPoints, const TrpMarkerView& view) {
    const anatomy::Atlas& atlas = atlas_;
    // The knot's size follows the zoom in steps of about 12%, so a zoom rebuilds only now and then.
    auto knotAt = [&](const glm::vec3& p) {
        const float d = view.eye ? glm::length(*view.eye - p) : view.cameraDistance;
        return noduleRadius(std::exp(std::round(std::log(std::max(d, 0.05f)) * 8.0f) / 8.0f));
    };
    // Everything the markers depend on, as one key: rebuild only when it changes.
    std::string key = (view.showSatellites ? "S" : "");
    auto keyOfSize = [&](const anatomy::TriggerPoint& trp, Side side) {
        if (const glm::vec3* p = position(trp, side))
            key += std::to_string(knotAt(*p)) + ",";
    };
    for (const auto& r : shown_)
        if (const anatomy::TriggerPoint* trp = atlas.triggerPoint(r.id)) {
            keyOfSize(*trp, sideOf(r.side));
            for (const auto& sid : trp->satellites)
                if (const anatomy::TriggerPoint* sat = atlas.triggerPoint(sid))
                    keyOfSize(*sat, sideOf(r.side));
        }
    for (const auto& m : selected)
        for (const anatomy::TriggerPoint* trp : atlas.triggerPointsOf(m.id))
            keyOfSize(*trp, m.side);
    for (const auto& p : painPoints)
        key += std::to_string(knotAt(p)) + ",";
    for (const auto& r : shown_) { // two appends: GCC 12 warns falsely (-Wrestrict) on "s" + std::string&&
        key += 's';
        key += keyOf(r);
    }
    for (const auto& m : selected)
        key += "m" + m.id + std::string(anatomy::sideName(m.side));
    for (const auto& p : painPoints)
        for (float c : {p.x, p.y, p.z}) {
            key += 'p';
            key += std::to_string(c);
        }
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
        const float knot = knotAt(*p);
        m.radius = shown ? knot : knot * kOtherScale;
        m.color = shown ? kShownColor : kOtherColor;
        // The taut band: along the fibres through the knot, each point kept on the muscle.
        const MuscleShape* ms = shape(trp.muscle, side);
        m.fibre = ms && ms->centreline.points.size() >= 2 ? geometry::fibreDirectionAt(ms->centreline, *p)
                                                          : fallbackFibre(m.normal);
        const float muscleLength = ms ? ms->centreline.length : 0.1f;
        const float half = std::clamp(0.2f * muscleLength, 0.015f, 0.045f);
        for (int i = -4; i <= 4; ++i) {
            glm::vec3 q = *p + m.fibre * (half * static_cast<float>(i) / 4.0f);
            if (ms) {
                geometry::ClosestPoint c = ms->surface.closestPoint(q, 2.0f * half);
                if (c.found)
                    q = c.point;
            }
            m.band.push_back(q);
        }
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
        const bool muscleSelected = std::any_of(selected.begin(), selected.end(), [&](const MarkedMuscle& m) {
            return m.id == trp->muscle && m.side == sideOf(ref.side);
        });
        if (!view.showSatellites && !muscleSelected)
            continue; // satellites clutter the view unless asked for or the key muscle is studied
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
    // A selected muscle's own trigger points; a satellite of another muscle's trigger point waits for its primary.
    auto isSatellite = [&](const std::string& id) {
        for (const auto& t : atlas.triggerPoints)
            if (std::find(t.satellites.begin(), t.satellites.end(), id) != t.satellites.end())
                return true;
        return false;
    };
    for (const auto& m : selected)
        for (const anatomy::TriggerPoint* trp : atlas.triggerPointsOf(m.id))
            if (view.showSatellites || isShown(trp->id, m.side) || !isSatellite(trp->id))
                addTrp(*trp, m.side, isShown(trp->id, m.side));
    for (size_t i = 0; i < painPoints.size(); ++i) {
        TrpMarker m;
        m.position = painPoints[i];
        m.normal = normalAt(m.position, Side::Midline);
        m.radius = knotAt(m.position) * kOtherScale;
        m.color = kPainColor;
        m.label = "Pain point " + std::to_string(i + 1);
        markers_.push_back(std::move(m));
    }

    overlays_.clear();
    OverlayMesh dots;
    dots.onTop = true; // markers read through faded (and opaque) layers
    for (const TrpMarker& m : markers_) {
        if (m.band.size() >= 2) {
            geometry::TubeOptions to;
            to.sides = 10;
            for (size_t i = 0; i < m.band.size(); ++i) { // thickest at the knot, tapering to the band's ends
                const float x = std::abs(2.0f * static_cast<float>(i) / static_cast<float>(m.band.size() - 1) - 1.0f);
                to.radii.push_back(m.radius * kBandRadiusScale * (1.0f - 0.45f * x));
            }
            geometry::TubeMesh tube = geometry::buildTube(m.band, to);
            const glm::vec4 color = m.color == kShownColor ? kBandColor : kOtherBandColor;
            const auto base = static_cast<uint32_t>(dots.mesh.positions.size());
            dots.mesh.positions.insert(dots.mesh.positions.end(), tube.mesh.positions.begin(),
                                       tube.mesh.positions.end());
            dots.mesh.normals.insert(dots.mesh.normals.end(), tube.mesh.normals.begin(), tube.mesh.normals.end());
            for (uint32_t i : tube.mesh.indices)
                dots.mesh.indices.push_back(base + i);
            dots.colors.resize(dots.mesh.positions.size(), color);
            appendNodule(dots, m.position, m.normal, m.fibre, m.radius, kNoduleElongation, m.color);
        } else {
            appendMarker(dots, m.position, m.normal, m.radius, m.color);
        }
    }
    if (!dots.mesh.indices.empty())
        overlays_.push_back(std::move(dots));
    for (const auto& [a, b] : chain) {
        const glm::vec3 path[] = {a, b};
        geometry::TubeOptions to;
        to.radius = 0.0008f; // a thread, not a bar: it crosses the head and the referral painted on it
        to.sides = 8;
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

MuscleLookup::MuscleLookup(const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver) {
    for (const anatomy::Muscle& m : atlas.muscles) {
        if (!m.meshPresent)
            continue; // its surrogate structures (bones) are not the muscle
        const anatomy::ResolvedMuscle rm = resolver.muscle(m);
        for (auto side : {anatomy::Side::Right, anatomy::Side::Left})
            for (uint32_t s : side == anatomy::Side::Right ? rm.right : rm.left)
                if (!ofStructure_.count(s))
                    ofStructure_[s] = MarkedMuscle{m.id, side};
    }
}

std::vector<MarkedMuscle> MuscleLookup::selected(const std::vector<uint32_t>& selection) const {
    std::vector<MarkedMuscle> out;
    for (uint32_t s : selection) {
        auto it = ofStructure_.find(s);
        if (it == ofStructure_.end())
            continue;
        bool seen = false;
        for (const auto& o : out)
            seen = seen || (o.id == it->second.id && o.side == it->second.side);
        if (!seen)
            out.push_back(it->second);
    }
    return out;
}

} // namespace myoatlas::scene
