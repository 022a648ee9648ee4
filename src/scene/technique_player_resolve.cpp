// Techniques resolved on the body: the contact on the skin over the target, the fibre direction from the muscle's
// centreline, stroke paths walked on the skin, stretch arrows, endangerment sites near the contact.
#include "core/error.h"
#include "scene/technique_player.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <limits>

namespace myoatlas::scene {

using anatomy::Side;

struct TechniqueResolver::MuscleData {
    std::vector<uint32_t> structures;
    std::vector<const geometry::Mesh*> meshes;
    geometry::Bvh bvh;
    geometry::MuscleCentreline centreline;
    std::string name;
};

namespace {

constexpr float kLift = 0.002f; // strokes float 2 mm over the skin so they do not z-fight with it

glm::vec3 tangential(const glm::vec3& v, const glm::vec3& n) {
    glm::vec3 t = v - glm::dot(v, n) * n;
    float len = glm::length(t);
    return len > 1e-6f ? t / len : glm::vec3(0.0f);
}

int pressureLevel(const std::string& p) {
    if (p.size() == 2 && p[0] == 'L' && p[1] >= '1' && p[1] <= '4')
        return p[1] - '0';
    return 0;
}

float contactRadius(ToolKind tool) {
    switch (tool) {
    case ToolKind::Hand:
        return 0.045f;
    case ToolKind::Thumb:
        return 0.012f;
    case ToolKind::Fingertips:
        return 0.010f;
    case ToolKind::Ball:
        return 0.020f;
    case ToolKind::Roller:
        return 0.050f;
    case ToolKind::Cup:
        return 0.025f;
    case ToolKind::Scraper:
        return 0.020f;
    case ToolKind::Stick:
        return 0.030f;
    case ToolKind::Gun:
        return 0.012f;
    case ToolKind::Stone:
        return 0.035f;
    case ToolKind::Needle:
        return 0.004f;
    }
    return 0.02f;
}

// Stroke length by kind: friction sweeps are short (Cyriax: cover the structure), glides a few cm, rolling and
// scraping 10-15 cm (FACTS 3.8, 3.11), never more than most of the muscle.
float strokeLength(StrokeKind kind, float muscleLength) {
    float cap = std::max(0.03f, 0.6f * muscleLength);
    switch (kind) {
    case StrokeKind::AcrossFibres:
        return 0.03f;
    case StrokeKind::Glide:
        return std::min(0.06f, cap);
    case StrokeKind::AlongFibres:
        return std::min(0.12f, cap);
    case StrokeKind::Scrape:
        return std::min(0.12f, cap);
    default:
        return 0.0f;
    }
}

} // namespace

TechniqueResolver::TechniqueResolver(const anatomy::Atlas& atlas, const anatomy::Body& body,
                                     anatomy::AtlasResolver& resolver)
    : atlas_(atlas), body_(body), resolver_(resolver), skin_(body.skin()) {
    if (skin_)
        skinBvh_.build(body.meshes[*skin_]);
}

TechniqueResolver::~TechniqueResolver() = default;

geometry::ClosestPoint TechniqueResolver::nearestSkin(const glm::vec3& p) const {
    if (skinBvh_.empty())
        return {};
    return skinBvh_.closestPoint(p);
}

glm::vec3 TechniqueResolver::skinNormal(const geometry::ClosestPoint& cp) const {
    if (!cp.found || !skin_)
        return glm::vec3(0.0f, 0.0f, 1.0f);
    const auto& m = body_.meshes[*skin_];
    // Interpolated vertex normals are smoother than the face normal on a coarse skin.
    const uint32_t* idx = &m.indices[static_cast<size_t>(cp.triangle) * 3];
    glm::vec3 a = m.positions[idx[0]], b = m.positions[idx[1]], c = m.positions[idx[2]];
    glm::vec3 face = m.triangleNormal(cp.triangle);
    glm::vec3 n = face;
    if (m.normals.size() == m.positions.size()) {
        glm::vec3 e0 = b - a, e1 = c - a, ep = cp.point - a;
        float d00 = glm::dot(e0, e0), d01 = glm::dot(e0, e1), d11 = glm::dot(e1, e1);
        float d20 = glm::dot(ep, e0), d21 = glm::dot(ep, e1), den = d00 * d11 - d01 * d01;
        if (std::abs(den) > 1e-20f) {
            float v = (d11 * d20 - d01 * d21) / den, w = (d00 * d21 - d01 * d20) / den, u = 1.0f - v - w;
            glm::vec3 s = u * m.normals[idx[0]] + v * m.normals[idx[1]] + w * m.normals[idx[2]];
            if (glm::length(s) > 1e-6f)
                n = glm::normalize(s);
        }
    }
    if (glm::dot(n, face) < 0.0f)
        n = -n;
    return n;
}

TechniqueResolver::MuscleData& TechniqueResolver::muscleData(const anatomy::Muscle& m, Side side) {
    auto key = std::make_pair(m.id, static_cast<int>(side));
    auto& slot = muscles_[key];
    if (slot)
        return *slot;
    slot = std::make_unique<MuscleData>();
    auto rm = resolver_.muscle(m);
    slot->structures = side == Side::Left ? rm.left : rm.right;
    slot->name = m.name;
    for (uint32_t s : slot->structures)
        slot->meshes.push_back(&body_.meshes[s]);
    if (!slot->meshes.empty()) {
        slot->bvh.build(slot->meshes);
        slot->centreline = geometry::muscleCentreline(slot->meshes);
    }
    return *slot;
}

std::vector<uint32_t> TechniqueResolver::overlying(const geometry::Ray& ray, float tMax,
                                                   const std::vector<uint32_t>& target) {
    if (muscleBvh_.empty()) {
        std::vector<const geometry::Mesh*> meshes;
        for (uint32_t s = 0; s < body_.size(); ++s)
            if (body_.structures[s].category == anatomy::Category::Muscle) {
                muscleIndex_.push_back(s);
                meshes.push_back(&body_.meshes[s]);
            }
        muscleBvh_.build(meshes);
    }
    std::vector<uint8_t> mask(muscleIndex_.size(), 1);
    for (size_t i = 0; i < muscleIndex_.size(); ++i)
        if (std::find(target.begin(), target.end(), muscleIndex_[i]) != target.end())
            mask[i] = 0;
    std::vector<uint32_t> out;
    geometry::Ray r = ray;
    float left = tMax;
    for (int guard = 0; guard < 8 && left > 0.0f; ++guard) {
        auto h = muscleBvh_.intersect(r, left, mask);
        if (!h.hit)
            break;
        uint32_t s = muscleIndex_[h.mesh];
        if (std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(s);
        mask[h.mesh] = 0; // each structure once; the next hit is a further one
        left -= h.t;
        r.origin = h.point;
    }
    return out;
}

const geometry::MuscleCentreline& TechniqueResolver::centreline(const std::string& muscleId, Side side) {
    const auto* m = atlas_.muscle(muscleId);
    if (!m)
        throw core::UsageError("unknown muscle '" + muscleId + "'");
    return muscleData(*m, side).centreline;
}

const std::vector<anatomy::ResolvedEndangermentSite>& TechniqueResolver::endangermentSites(Side side) {
    auto& slot = sites_[static_cast<int>(side)];
    if (!slot.empty())
        return slot;
    for (const auto& site : atlas_.endangermentSites) {
        anatomy::ResolvedEndangermentSite r;
        r.id = site.id;
        r.side = site.sided ? side : Side::Midline;
        resolver_.setContext("safety.json", site.id, "zones");
        r.zones = resolver_.zones(site.zones, anatomy::ZoneKind::Essential, r.side);
        slot.push_back(std::move(r));
    }
    return slot;
}

std::vector<EndangermentNear> TechniqueResolver::endangermentNear(const anatomy::Technique& t, const glm::vec3& contact,
                                                                  Side side, float reach) {
    bool all = std::find(t.endangermentSites.begin(), t.endangermentSites.end(), "all") != t.endangermentSites.end();
    std::vector<EndangermentNear> out;
    for (const auto& rs : endangermentSites(side)) {
        if (!all &&
            std::find(t.endangermentSites.begin(), t.endangermentSites.end(), rs.id) == t.endangermentSites.end())
            continue;
        float best = std::numeric_limits<float>::infinity();
        for (const auto& z : rs.zones)
            for (const auto& s : z.seeds)
                best = std::min(best, glm::length(s - contact) - z.radius);
        if (best > 0.10f) // only what lies within 10 cm of the contact
            continue;
        const auto* site = atlas_.endangermentSite(rs.id);
        EndangermentNear e;
        e.id = rs.id;
        e.name = site ? site->name : rs.id;
        e.structuresAtRisk = site ? site->structuresAtRisk : "";
        e.note = site ? site->note : "";
        e.side = rs.side;
        e.distanceMm = best * 1000.0f;
        // The tool covers an area, not a point: a roller beside the carotid presses on it too.
        e.containsTarget = best < reach;
        e.zones = rs.zones;
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.distanceMm < b.distanceMm; });
    return out;
}

// The contact: over a trigger point, the nearest skin point (pressing along the skin normal reaches it); over a
// muscle, the skin point over the belly where the muscle comes closest to the skin with no other muscle in between,
// away from endangerment sites where possible.
void TechniqueResolver::placeContact(ResolvedTechnique& r, MuscleData& md, const std::optional<glm::vec3>& trp,
                                     const std::vector<glm::vec3>& muscleTrps) {
    if (trp) {
        auto cp = nearestSkin(*trp);
        if (!cp.found)
            throw core::DataError("body", "no skin to place the contact on");
        r.targetPoint = *trp;
        r.contact = cp.point;
        r.normal = skinNormal(cp);
        return;
    }
    const float reach = contactRadius(r.tool); // keep the whole contact area off the sites where possible
    const auto& cl = md.centreline;
    glm::vec3 axis = cl.axes.axes[0];
    float lo = cl.axes.extentMin.x, hi = cl.axes.extentMax.x, len = std::max(hi - lo, 1e-4f);
    struct Candidate {
        float score;
        glm::vec3 vertex;
        geometry::ClosestPoint skin;
    };
    std::vector<Candidate> candidates;
    size_t total = 0;
    for (const auto* m : md.meshes)
        total += m->positions.size();
    size_t stride = std::max<size_t>(1, total / 4000);
    std::vector<glm::vec3> dangerSeeds;
    std::vector<float> dangerRadii;
    // Only the sites this technique may not touch on this muscle push the contact away: where it is taught (the SCM
    // pincer grip in the anterior triangle) the contact stays on the muscle's trigger points.
    const anatomy::Technique* technique = atlas_.technique(r.techniqueId);
    for (const auto& rs : endangermentSites(r.side)) {
        if (technique && anatomy::judgeContact(atlas_, *technique, r.muscleId, std::string_view(rs.id)).allowed())
            continue;
        for (const auto& z : rs.zones)
            for (const auto& s : z.seeds) {
                dangerSeeds.push_back(s);
                dangerRadii.push_back(z.radius);
            }
    }
    // Within 4 cm of a trigger point of the muscle; wider where the sampled surface there is too sparse.
    for (float trpRadius : {0.04f, 0.08f, std::numeric_limits<float>::infinity()}) {
        size_t counter = 0;
        for (const auto* m : md.meshes)
            for (const auto& v : m->positions) {
                if (counter++ % stride)
                    continue;
                float s = (glm::dot(v - cl.axes.centroid, axis) - lo) / len; // 0..1 along the muscle
                float near = 0.0f;
                if (!muscleTrps.empty()) {
                    // Where the muscle's trigger points are (the upper trapezius's lie at mid-fibre over the shoulder,
                    // not at the middle of its centreline up the neck).
                    near = std::numeric_limits<float>::infinity();
                    for (const auto& p : muscleTrps)
                        near = std::min(near, glm::length(v - p));
                    if (near > trpRadius)
                        continue;
                } else if (s < 0.2f || s > 0.8f) {
                    continue;
                }
                auto cp = nearestSkin(v);
                if (!cp.found)
                    continue;
                float danger = 0.0f;
                for (size_t i = 0; i < dangerSeeds.size(); ++i)
                    if (glm::length(cp.point - dangerSeeds[i]) < dangerRadii[i] + reach + 0.01f)
                        danger = 0.05f;
                // Depth first; a mild pull toward the trigger points (or the middle of the belly when the muscle has
                // none); endangerment sites strongly avoided.
                float pull = muscleTrps.empty() ? 0.02f * std::abs(s - 0.5f) * 2.0f : near;
                candidates.push_back({cp.distance + pull + danger, v, cp});
            }
        if (!candidates.empty())
            break;
    }
    if (candidates.empty())
        throw core::DataError("body", "muscle " + r.muscleId + " has no surface to place a contact over");
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.score < b.score; });
    // Prefer a candidate where pressing straight in (along the inward skin normal) meets the target first, with no
    // other muscle in between; the target point is where that line enters the target.
    const Candidate* chosen = &candidates.front();
    std::optional<glm::vec3> entry;
    size_t tries = std::min<size_t>(candidates.size(), 60);
    for (size_t i = 0; i < tries; i += 2) {
        const auto& c = candidates[i];
        glm::vec3 n = skinNormal(c.skin);
        geometry::Ray ray{c.skin.point, -n};
        auto hit = md.bvh.intersect(ray, c.skin.distance + 0.02f);
        if (!hit.hit || !overlying(ray, hit.t, md.structures).empty())
            continue;
        chosen = &c;
        entry = hit.point;
        break;
    }
    r.targetPoint = entry.value_or(chosen->vertex);
    r.contact = chosen->skin.point;
    r.normal = skinNormal(chosen->skin);
}
std::vector<glm::vec3> TechniqueResolver::strokeOnSkin(const ResolvedTechnique& r, MuscleData& md,
                                                       StrokeKind kind) const {
    float length = strokeLength(kind, r.muscleLengthM);
    if (length <= 0.0f)
        return {};
    const float step = 0.004f;
    int half = std::max(1, static_cast<int>(std::round(length * 0.5f / step)));
    // Walks from the contact over the skin; each step goes along the wanted direction in the local tangent plane
    // and is pulled back onto the skin.
    auto walk = [&](float sign) {
        std::vector<glm::vec3> pts;
        glm::vec3 p = r.contact, n = r.normal;
        glm::vec3 prev = sign * (kind == StrokeKind::AcrossFibres ? r.crossDir : r.fibreDir);
        for (int i = 0; i < half; ++i) {
            glm::vec3 want = prev;
            if (kind != StrokeKind::AcrossFibres && !md.centreline.points.empty()) {
                glm::vec3 f = geometry::fibreDirectionAt(md.centreline, p);
                want = glm::dot(f, prev) < 0.0f ? -f : f;
            } else if (kind == StrokeKind::AcrossFibres && !md.centreline.points.empty()) {
                glm::vec3 f = tangential(geometry::fibreDirectionAt(md.centreline, p), n);
                glm::vec3 c = glm::cross(n, f);
                if (glm::length(c) > 1e-6f)
                    want = glm::dot(c, prev) < 0.0f ? -glm::normalize(c) : glm::normalize(c);
            }
            glm::vec3 d = tangential(want, n);
            if (d == glm::vec3(0.0f))
                break;
            auto cp = nearestSkin(p + d * step);
            if (!cp.found)
                break;
            p = cp.point;
            n = skinNormal(cp);
            prev = d;
            pts.push_back(p + n * kLift);
        }
        return pts;
    };
    auto back = walk(-1.0f), fwd = walk(1.0f);
    std::vector<glm::vec3> path(back.rbegin(), back.rend());
    path.push_back(r.contact + r.normal * kLift);
    path.insert(path.end(), fwd.begin(), fwd.end());
    if (kind == StrokeKind::Scrape && path.size() > 1 && path.front().y < path.back().y)
        std::reverse(path.begin(), path.end()); // gua sha strokes run downward
    return path;
}

ResolvedTechnique TechniqueResolver::resolve(std::string_view techniqueId, std::string_view targetId, Side side,
                                             std::string_view variantId) {
    const anatomy::Technique* t = atlas_.technique(techniqueId);
    if (!t)
        throw core::UsageError("unknown technique '" + std::string(techniqueId) + "'");
    const anatomy::TechniqueVariant* variant = variantId.empty() ? nullptr : t->variant(variantId);
    if (!variantId.empty() && !variant) {
        std::string known;
        for (const auto& v : t->variants)
            known += (known.empty() ? "" : ", ") + v.id;
        throw core::UsageError("'" + std::string(variantId) + "' is not a variant of " + t->id +
                               (known.empty() ? " (it has none)" : " (variants: " + known + ")"));
    }
    if (side != Side::Left && side != Side::Right)
        throw core::UsageError("the side must be left or right");
    auto targets = suitableTargets(atlas_, *t);
    auto found = std::find_if(targets.begin(), targets.end(), [&](const auto& x) { return x.id == targetId; });
    if (found == targets.end())
        throw core::UsageError("'" + std::string(targetId) + "' is not a suitable target for " + t->id +
                               " (see the technique's targets)");
    ResolvedTechnique r;
    r.techniqueId = t->id;
    r.techniqueName = t->name;
    if (variant) {
        r.variantId = variant->id;
        r.variantName = variant->name;
        r.variantNote = variant->note;
    }
    r.targetId = found->id;
    r.targetLabel = found->label;
    r.muscleId = found->muscle;
    r.kind = found->kind;
    r.side = side;
    r.tool = toolFor(*t);
    const anatomy::Muscle* muscle = atlas_.muscle(r.muscleId);
    r.muscleName = muscle->name;
    MuscleData& md = muscleData(*muscle, side);
    if (md.meshes.empty())
        throw core::DataError("muscles.json", "record " + muscle->id + ": no mesh on the " +
                                                  std::string(anatomy::sideName(side)) + " side");
    r.targetStructures = md.structures;
    r.muscleLengthM = md.centreline.length > 0.0f ? md.centreline.length : md.centreline.axes.length();

    std::optional<glm::vec3> trpPoint;
    if (r.kind == TargetKind::TriggerPoint) {
        const auto* trp = atlas_.triggerPoint(r.targetId);
        if (std::find(trp->sides.begin(), trp->sides.end(), side) == trp->sides.end())
            throw core::UsageError(trp->id + " is not described on the " + std::string(anatomy::sideName(side)) +
                                   " side");
        auto rt = resolver_.triggerPoint(*trp, side);
        if (!rt.ok)
            throw core::DataError("trigger_points.json", "record " + trp->id + ": does not resolve on this body");
        trpPoint = rt.position;
    }
    std::vector<glm::vec3> muscleTrps; // where the muscle's trigger points lie on this side
    if (!trpPoint)
        for (const auto* trp : atlas_.triggerPointsOf(r.muscleId)) {
            if (std::find(trp->sides.begin(), trp->sides.end(), side) == trp->sides.end())
                continue;
            auto rt = resolver_.triggerPoint(*trp, side);
            if (rt.ok)
                muscleTrps.push_back(rt.position);
        }
    placeContact(r, md, trpPoint, muscleTrps);
    r.depthMm = glm::length(r.targetPoint - r.contact) * 1000.0f;
    if (r.depthMm > 0.01f) { // muscles crossed before the line from the contact first enters the target
        glm::vec3 d = r.targetPoint - r.contact;
        geometry::Ray ray{r.contact, glm::normalize(d)};
        auto first = md.bvh.intersect(ray, glm::length(d) + 0.001f);
        float reach = first.hit ? first.t : glm::length(d);
        for (uint32_t s : overlying(ray, reach - 0.0005f, md.structures))
            r.overlying.push_back(body_.structures[s].name);
    }

    // Fibre direction: the centreline tangent nearest the target, laid into the skin's tangent plane.
    glm::vec3 fibre = geometry::fibreDirectionAt(md.centreline, r.targetPoint);
    glm::vec3 ft = tangential(fibre, r.normal);
    if (ft == glm::vec3(0.0f))
        ft = tangential(md.centreline.axes.axes[0], r.normal);
    if (ft == glm::vec3(0.0f))
        ft = tangential(glm::vec3(0, 1, 0), r.normal);
    if (ft.y < 0.0f) // point the fibre direction upward for a stable, readable sign
        ft = -ft;
    r.fibreDir = ft;
    r.crossDir = glm::normalize(glm::cross(r.normal, ft));

    // Pressure into the tissue: along the inward normal, or straight at a trigger point when that is not far off it.
    glm::vec3 inward = -r.normal;
    if (trpPoint && glm::length(*trpPoint - r.contact) > 1e-4f) {
        glm::vec3 toTrp = glm::normalize(*trpPoint - r.contact);
        if (glm::dot(toTrp, inward) > std::cos(glm::radians(50.0f)))
            inward = toTrp;
    }

    geometry::Aabb frame;
    frame.expand(r.contact - glm::vec3(0.09f));
    frame.expand(r.contact + glm::vec3(0.09f));
    frame.expand(r.targetPoint);

    const std::vector<anatomy::TechniqueStep> sequence = t->stepsOf(r.variantId);
    for (size_t i = 0; i < sequence.size(); ++i) {
        const auto& s = sequence[i];
        ResolvedTechniqueStep rs;
        rs.index = static_cast<int>(i);
        rs.text = s.text;
        rs.patientText = s.patientText;
        rs.feelFor = s.feelFor;
        rs.stretchText = s.stretch;
        rs.pressureLevel = pressureLevel(s.pressure);
        rs.stroke = parseStrokeKind(s.stroke);
        rs.durationS = s.durationS;
        rs.hands = rs.pressureLevel > 0 || rs.stroke != StrokeKind::None;
        rs.contact = r.contact;
        rs.normal = r.normal;
        rs.contactRadius = contactRadius(r.tool);
        rs.pressureDir = rs.pressureLevel > 0 ? inward : glm::vec3(0.0f);
        rs.toolAxis = rs.stroke == StrokeKind::AcrossFibres ? r.crossDir : r.fibreDir;
        if (rs.stroke == StrokeKind::AcrossFibres || rs.stroke == StrokeKind::AlongFibres ||
            rs.stroke == StrokeKind::Glide || rs.stroke == StrokeKind::Scrape) {
            rs.strokePath = strokeOnSkin(r, md, rs.stroke);
            rs.reciprocating = rs.stroke == StrokeKind::AcrossFibres || rs.stroke == StrokeKind::AlongFibres;
            if (rs.strokePath.size() > 1 && rs.stroke != StrokeKind::AcrossFibres)
                rs.toolAxis = tangential(rs.strokePath.back() - rs.strokePath.front(), r.normal);
            for (const auto& p : rs.strokePath)
                frame.expand(p);
        }
        if (!s.stretch.empty()) {
            rs.hasStretch = true;
            rs.lengthen = s.stretch.find("shorten") == std::string::npos;
            rs.stretchDir = r.fibreDir;
            float half = std::clamp(0.2f * r.muscleLengthM, 0.04f, 0.10f);
            glm::vec3 base = r.contact + r.normal * 0.035f;
            rs.stretchFrom = base - r.fibreDir * half;
            rs.stretchTo = base + r.fibreDir * half;
            frame.expand(rs.stretchFrom);
            frame.expand(rs.stretchTo);
        }
        r.steps.push_back(std::move(rs));
    }

    r.safety = safetyChecklist(atlas_, *t);
    r.precautions = atlas_.precautions;
    r.endangerment = endangermentNear(*t, r.contact, side, contactRadius(r.tool));
    r.contactKinds = t->contactKinds;
    r.informationOnly = t->informationOnly;
    if (std::find(r.contactKinds.begin(), r.contactKinds.end(), anatomy::ContactKind::Needle) != r.contactKinds.end()) {
        if (boneBvh_.empty()) {
            std::vector<const geometry::Mesh*> bones;
            for (uint32_t s = 0; s < body_.size(); ++s)
                if (body_.structures[s].category == anatomy::Category::Bone ||
                    body_.structures[s].category == anatomy::Category::Cartilage) // ribs and costal cartilages
                    bones.push_back(&body_.meshes[s]);
            if (!bones.empty())
                boneBvh_.build(bones);
        }
        if (!boneBvh_.empty()) {
            auto hit = boneBvh_.intersect(geometry::Ray{r.contact, -r.normal}, 0.08f);
            r.boneDepthMm = hit.hit ? hit.t * 1000.0f : -1.0f;
        }
    }
    std::vector<std::string> inside;
    for (const auto& e : r.endangerment)
        if (e.containsTarget)
            inside.push_back(e.id);
    r.verdict = anatomy::judgeContact(atlas_, *t, r.muscleId, inside);
    if (r.verdict.ruling != anatomy::ContactRuling::Allowed)
        r.warning = r.verdict.message;
    for (const auto& v : t->variants)
        r.variants.push_back({v.id, v.name});
    for (const auto& [k, v] : t->dosage)
        r.dosage.push_back(k + ": " + v);
    r.frame = frame;
    return r;
}

CameraPose framingPose(const ResolvedTechnique& r, float aspect, float fovY) {
    CameraPose pose;
    pose.fovY = fovY;
    pose.target = r.frame.valid() ? r.frame.center() : r.contact;
    // 35 degrees off the normal, toward the fibres' upper end: the pressure arrow (along the normal) keeps a
    // length on screen and a stroke across the fibres keeps all of its length.
    const float tilt = 0.61f;
    glm::vec3 n = glm::normalize(r.normal * std::cos(tilt) + r.fibreDir * std::sin(tilt));
    pose.yaw = std::atan2(n.x, n.z);
    pose.pitch = std::clamp(std::asin(std::clamp(n.y, -1.0f, 1.0f)), -1.2f, 1.2f);
    float radius = std::max(r.frame.valid() ? r.frame.radius() : 0.1f, 0.05f);
    float halfFov = fovY * 0.5f, halfFovX = std::atan(std::tan(halfFov) * aspect);
    pose.distance = radius / std::sin(std::min(halfFov, halfFovX)) * 0.92f;
    return pose;
}

} // namespace myoatlas::scene
