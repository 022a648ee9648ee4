#include "anatomy/landmark_resolver.h"

#include "anatomy/zone_evidence.h"
#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace myoatlas::anatomy {

namespace {

constexpr float kMidlineBand = 0.01f; // a shared file whose centre lies within 1 cm of x = 0 serves both sides
constexpr float kStrokeStep = 0.01f;  // referral strokes are sampled every centimetre

// +1 on the subject's left (+X), -1 on the right; midline contexts use +1.
float lateralSign(Side side) {
    return side == Side::Right ? -1.0f : 1.0f;
}

glm::vec3 towardVector(Toward t, Side side) {
    float s = lateralSign(side);
    switch (t) {
    case Toward::Anterior:
        return {0, 0, 1};
    case Toward::Posterior:
        return {0, 0, -1};
    case Toward::Lateral:
        return {s, 0, 0};
    case Toward::Medial:
        return {-s, 0, 0};
    case Toward::Superior:
        return {0, 1, 0};
    case Toward::Inferior:
        return {0, -1, 0};
    case Toward::Nearest:
        break;
    }
    return {0, 0, 0};
}

} // namespace

const ResolvedLandmark* ResolvedAtlas::landmark(std::string_view flatId) const {
    for (const auto& l : landmarks)
        if (l.flatId == flatId)
            return &l;
    return nullptr;
}

const ResolvedTriggerPoint* ResolvedAtlas::triggerPoint(std::string_view id, Side side) const {
    for (const auto& t : triggerPoints)
        if (t.id == id && t.side == side)
            return &t;
    return nullptr;
}

const ResolvedMuscle* ResolvedAtlas::muscle(std::string_view id) const {
    for (const auto& m : muscles)
        if (m.id == id)
            return &m;
    return nullptr;
}

AtlasResolver::AtlasResolver(const Atlas& atlas, const Body& body, std::shared_ptr<const geometry::Bvh> skinTree)
    : atlas_(atlas), body_(body), skinBvh_(std::move(skinTree)) {
    if (auto s = body.skin()) {
        skin_ = &body.meshes[*s];
        if (!skinBvh_) {
            auto tree = std::make_shared<geometry::Bvh>();
            tree->build(*skin_);
            skinBvh_ = std::move(tree);
        }
        auto b = skin_->bounds();
        floorY_ = b.min.y;
        stature_ = b.max.y - b.min.y;
    } else {
        issues_.push_back({IssueSeverity::Error, "body", "", "", "the body has no skin mesh (FMA7163)"});
        skinBvh_ = std::make_shared<geometry::Bvh>();
    }
}

AtlasResolver::~AtlasResolver() = default;

void AtlasResolver::setContext(std::string file, std::string record, std::string field) {
    file_ = std::move(file);
    record_ = std::move(record);
    field_ = std::move(field);
}

void AtlasResolver::issue(std::string message) {
    issues_.push_back({IssueSeverity::Error, file_, record_, field_, std::move(message)});
}

std::vector<uint32_t> AtlasResolver::structures(const StructureSet& set, Side side) const {
    std::vector<uint32_t> out;
    auto add = [&](const std::vector<std::string>& ids) {
        for (const auto& fma : ids)
            for (uint32_t i : body_.findByFma(fma))
                out.push_back(i);
    };
    if (side != Side::Left)
        add(set.right);
    if (side != Side::Right)
        add(set.left);
    for (const auto& fma : set.shared)
        for (uint32_t i : body_.findByFma(fma)) {
            float cx = body_.meshes[i].bounds().center().x;
            bool both = side == Side::Midline || std::abs(cx) < kMidlineBand;
            if (both || (cx < 0.0f) == (side == Side::Right))
                out.push_back(i);
        }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

const geometry::Bvh* AtlasResolver::bvhFor(const std::vector<uint32_t>& structures) {
    if (structures.empty())
        return nullptr;
    auto& slot = bvhCache_[structures];
    if (!slot) {
        std::vector<const geometry::Mesh*> meshes;
        for (uint32_t i : structures)
            meshes.push_back(&body_.meshes[i]);
        slot = std::make_unique<geometry::Bvh>();
        slot->build(meshes);
    }
    return slot.get();
}

glm::vec3 AtlasResolver::toSkin(const glm::vec3& p, Toward toward, Side side) const {
    if (!skin_)
        return p;
    if (toward != Toward::Nearest) {
        geometry::Ray ray{p, towardVector(toward, side)};
        auto hit = skinBvh_->intersect(ray, 1.0f);
        if (hit.hit)
            return hit.point;
    }
    auto c = skinBvh_->closestPoint(p);
    return c.found ? c.point : p;
}

float AtlasResolver::distanceToSkin(const glm::vec3& p) const {
    if (!skin_)
        return std::numeric_limits<float>::infinity();
    return skinBvh_->closestPoint(p).distance;
}

std::optional<glm::vec3> AtlasResolver::evaluateLandmark(const Landmark& l, Side side) {
    const LandmarkRule& rule = l.rule;
    const float s = lateralSign(side);
    if (rule.op == LandmarkOp::Point)
        return point(rule.from, side);
    if (rule.op == LandmarkOp::Skin) {
        auto p = point(rule.from, side);
        if (!p)
            return std::nullopt;
        if (!skin_) {
            issue("no skin mesh to place the landmark on");
            return std::nullopt;
        }
        return toSkin(*p, rule.toward, side);
    }
    auto idx = structures(rule.structures, side);
    if (idx.empty()) {
        issue("no structure of the rule is in the body");
        return std::nullopt;
    }
    // Bounds in the lateral frame (x * s) for the `within` box.
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (uint32_t i : idx)
        for (const auto& v : body_.meshes[i].positions) {
            glm::vec3 q(v.x * s, v.y, v.z);
            lo = glm::min(lo, q);
            hi = glm::max(hi, q);
        }
    auto inside = [&](const glm::vec3& v) {
        glm::vec3 q(v.x * s, v.y, v.z);
        for (int a = 0; a < 3; ++a) {
            float u = (q[a] - lo[a]) / std::max(hi[a] - lo[a], 1e-9f);
            if (u < rule.lo[a] || u > rule.hi[a])
                return false;
        }
        return true;
    };
    const glm::vec3 dir(rule.direction.x * s, rule.direction.y, rule.direction.z);
    glm::vec3 best(0.0f), sum(0.0f);
    float bestScore = -1e30f;
    size_t count = 0;
    for (uint32_t i : idx)
        for (const auto& v : body_.meshes[i].positions) {
            if (!inside(v))
                continue;
            ++count;
            sum += v;
            float score = glm::dot(dir, v);
            if (score > bestScore) {
                bestScore = score;
                best = v;
            }
        }
    if (count == 0) {
        issue("the rule's within box holds no vertex");
        return std::nullopt;
    }
    return rule.op == LandmarkOp::Extreme ? best : sum / static_cast<float>(count);
}

std::optional<glm::vec3> AtlasResolver::landmark(std::string_view ref, Side context) {
    auto r = findLandmarkRef(atlas_, ref);
    if (!r.landmark) {
        issue("unknown landmark \"" + std::string(ref) + "\"");
        return std::nullopt;
    }
    Side side = r.landmark->sided ? r.explicitSide.value_or(context) : Side::Midline;
    if (r.landmark->sided && side == Side::Midline) {
        issue("sided landmark \"" + std::string(ref) + "\" used without a side");
        return std::nullopt;
    }
    std::string flat = flatLandmarkName(*r.landmark, side);
    if (auto it = landmarkCache_.find(flat); it != landmarkCache_.end())
        return it->second;
    if (!inProgress_.insert(flat).second) {
        issue("landmark \"" + flat + "\" depends on itself");
        return std::nullopt;
    }
    auto saved = std::make_tuple(file_, record_, field_);
    setContext("landmarks.json", r.landmark->id, "rule");
    auto p = evaluateLandmark(*r.landmark, side);
    std::tie(file_, record_, field_) = saved;
    inProgress_.erase(flat);
    landmarkCache_[flat] = p;
    return p;
}

std::optional<glm::vec3> AtlasResolver::point(const PointSpec& spec, Side context) {
    Side side = spec.opposite ? oppositeSide(context) : context;
    auto a = landmark(spec.at, side);
    if (!a)
        return std::nullopt;
    glm::vec3 p = *a;
    if (!spec.to.empty()) {
        auto b = landmark(spec.to, side);
        if (!b)
            return std::nullopt;
        p = p + (*b - p) * spec.t;
    }
    p += glm::vec3(spec.offsetMm.x * lateralSign(side), spec.offsetMm.y, spec.offsetMm.z) * 0.001f;
    return p;
}

ResolvedMuscle AtlasResolver::muscle(const Muscle& m) const {
    ResolvedMuscle r;
    r.id = m.id;
    r.meshPresent = m.meshPresent;
    r.surrogate = !m.meshPresent;
    const StructureSet& set = m.meshPresent ? m.fma : m.surrogate;
    r.right = structures(set, Side::Right);
    r.left = structures(set, Side::Left);
    return r;
}

ResolvedTriggerPoint AtlasResolver::triggerPoint(const TriggerPoint& trp, Side side) {
    ResolvedTriggerPoint r;
    r.id = trp.id;
    r.muscle = trp.muscle;
    r.side = side;
    setContext("trigger_points.json", trp.id, "location");
    const Muscle* m = atlas_.muscle(trp.muscle);
    if (!m) {
        issue("unknown muscle \"" + trp.muscle + "\"");
        return r;
    }
    auto raw = point(trp.location, side);
    if (!raw)
        return r;
    r.raw = *raw;
    auto idx = structures(m->meshPresent ? m->fma : m->surrogate, side);
    const geometry::Bvh* bvh = bvhFor(idx);
    if (!bvh) {
        issue("muscle " + m->id + " has no mesh on the " + std::string(sideName(side)) + " side");
        return r;
    }
    auto c = bvh->closestPoint(*raw);
    if (!c.found) {
        issue("no surface point found on muscle " + m->id);
        return r;
    }
    r.position = c.point;
    r.snapMm = c.distance * 1000.0f;
    r.surfaceMm = bvh->closestPoint(c.point).distance * 1000.0f;
    r.ok = true;
    return r;
}

std::vector<ResolvedZone> AtlasResolver::zones(const std::vector<ZoneSpec>& specs, ZoneKind kind, Side side) {
    std::vector<ResolvedZone> out;
    std::string baseField = field_;
    for (size_t i = 0; i < specs.size(); ++i) {
        const ZoneSpec& z = specs[i];
        field_ = baseField + "[" + std::to_string(i) + "]";
        for (Side zoneSide : {side, oppositeSide(side)}) {
            if (zoneSide != side && (!z.bilateral || side == Side::Midline))
                continue;
            ResolvedZone rz;
            rz.kind = kind;
            rz.label = zoneSide == side ? z.label : z.label + " (opposite side)";
            rz.radius = (z.stroke ? z.sizeMm * 0.5f : z.sizeMm) * 0.001f;
            auto w = zoneWeight(z, recalledContext_);
            rz.weight = w.weight;
            rz.evidence = std::move(w.label);
            std::vector<glm::vec3> raw;
            bool ok = true;
            for (const auto& ps : z.points) {
                auto p = point(ps, zoneSide);
                ok = ok && p.has_value();
                if (p)
                    raw.push_back(*p);
            }
            if (!ok)
                continue;
            if (!z.stroke) {
                rz.seeds.push_back(toSkin(raw.front(), z.toward, zoneSide));
            } else {
                for (size_t k = 0; k + 1 < raw.size(); ++k) {
                    float len = glm::length(raw[k + 1] - raw[k]);
                    int n = std::max(1, static_cast<int>(std::ceil(len / kStrokeStep)));
                    for (int j = 0; j < n; ++j)
                        rz.seeds.push_back(
                            toSkin(raw[k] + (raw[k + 1] - raw[k]) * (float(j) / float(n)), z.toward, zoneSide));
                }
                rz.seeds.push_back(toSkin(raw.back(), z.toward, zoneSide));
            }
            out.push_back(std::move(rz));
        }
    }
    field_ = baseField;
    return out;
}

ResolvedReferral AtlasResolver::referral(const TriggerPoint& trp, Side side) {
    ResolvedReferral r;
    r.trpId = trp.id;
    r.side = std::string(sideName(side));
    auto t = triggerPoint(trp, side);
    r.trpPosition = t.position;
    recalledContext_ = trp.recall;
    setContext("trigger_points.json", trp.id, "referral.essential");
    auto ess = zones(trp.essential, ZoneKind::Essential, side);
    setContext("trigger_points.json", trp.id, "referral.spillover");
    auto spill = zones(trp.spillover, ZoneKind::Spillover, side);
    recalledContext_ = false;
    r.zones = std::move(ess);
    r.zones.insert(r.zones.end(), spill.begin(), spill.end());
    return r;
}

ResolvedLine AtlasResolver::line(const FascialLine& line, Side side) {
    ResolvedLine r;
    r.id = line.id;
    r.side = side;
    for (size_t i = 0; i < line.elements.size(); ++i) {
        const LineElement& el = line.elements[i];
        ResolvedLineElement e;
        e.station = el.station;
        e.name = el.name;
        e.side = el.opposite ? oppositeSide(side) : side;
        setContext("lines.json", line.id, "elements[" + std::to_string(i) + "]");
        if (el.station) {
            auto p = point(el.point, e.side);
            e.ok = p.has_value();
            e.position = p.value_or(glm::vec3(0.0f));
        } else {
            e.muscles = el.muscles;
            for (const auto& mid : el.muscles)
                if (const Muscle* m = atlas_.muscle(mid))
                    for (uint32_t s : structures(m->meshPresent ? m->fma : StructureSet{}, e.side))
                        e.structures.push_back(s);
            for (uint32_t s : structures(el.structures, e.side))
                e.structures.push_back(s);
            std::sort(e.structures.begin(), e.structures.end());
            e.structures.erase(std::unique(e.structures.begin(), e.structures.end()), e.structures.end());
            e.ok = !e.structures.empty() || el.conceptual || el.meshAbsent;
            if (!e.ok)
                issue("track \"" + el.name + "\" resolves to no structure in the body");
        }
        r.elements.push_back(std::move(e));
    }
    return r;
}

ResolvedAtlas AtlasResolver::resolveAll() {
    ResolvedAtlas out;
    out.floorY = floorY_;
    out.stature = stature_;
    for (const auto& l : atlas_.landmarks) {
        std::vector<Side> sides =
            l.sided ? std::vector<Side>{Side::Right, Side::Left} : std::vector<Side>{Side::Midline};
        for (Side side : sides) {
            ResolvedLandmark rl;
            rl.id = l.id;
            rl.flatId = flatLandmarkName(l, side);
            rl.side = side;
            setContext("landmarks.json", l.id, "rule");
            auto p = landmark(rl.flatId, side);
            rl.ok = p.has_value();
            rl.position = p.value_or(glm::vec3(0.0f));
            // A bony feature is found through the skin: the palpable point is the skin nearest it.
            rl.skin = rl.ok && skin_ ? toSkin(rl.position, Toward::Nearest, side) : rl.position;
            rl.heightH = stature_ > 0.0f ? (rl.position.y - floorY_) / stature_ : 0.0f;
            out.landmarks.push_back(std::move(rl));
        }
    }
    for (const auto& m : atlas_.muscles)
        out.muscles.push_back(muscle(m));
    for (const auto& t : atlas_.triggerPoints)
        for (Side side : t.sides)
            out.triggerPoints.push_back(triggerPoint(t, side));
    for (const auto& l : atlas_.lines)
        for (Side side : {Side::Right, Side::Left})
            out.lines.push_back(line(l, side));
    for (const auto& s : atlas_.endangermentSites) {
        std::vector<Side> sides =
            s.sided ? std::vector<Side>{Side::Right, Side::Left} : std::vector<Side>{Side::Midline};
        for (Side side : sides) {
            setContext("safety.json", s.id, "zones");
            out.endangermentSites.push_back({s.id, side, zones(s.zones, ZoneKind::Essential, side)});
        }
    }
    out.issues = issues_;
    return out;
}

ResolvedAtlas resolveAtlas(const Atlas& atlas, const Body& body) {
    AtlasResolver resolver(atlas, body);
    return resolver.resolveAll();
}

ResolvedReferral resolveReferral(const Atlas& atlas, const Body& body, std::string_view trpId, Side side) {
    const TriggerPoint* trp = atlas.triggerPoint(trpId);
    if (!trp)
        throw core::DataError("trigger_points.json", "unknown trigger point \"" + std::string(trpId) + "\"");
    if (std::find(trp->sides.begin(), trp->sides.end(), side) == trp->sides.end())
        throw core::DataError("trigger_points.json", "record " + trp->id + " field sides: no " +
                                                         std::string(sideName(side)) + " trigger point");
    AtlasResolver resolver(atlas, body);
    auto r = resolver.referral(*trp, side);
    if (!resolver.issues().empty())
        throw core::DataError(resolver.issues().front().file, resolver.issues().front().toString());
    return r;
}

} // namespace myoatlas::anatomy
