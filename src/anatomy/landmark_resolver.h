#pragma once
// Resolution of the atlas on a loaded body: landmark rules -> points on the bone/skin meshes, trigger point specs ->
// points on their muscle's surface, referral zones -> seed points on the skin (referral_zone.h), line stations and
// tracks -> points and structure indices. GL-free.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/referral_zone.h"
#include "geometry/bvh.h"

#include <map>
#include <memory>
#include <set>

namespace myoatlas::anatomy {

struct ResolvedLandmark {
    std::string id;     // "acromion"
    std::string flatId; // "acromion_r"
    Side side = Side::Midline;
    bool ok = false;
    glm::vec3 position{0.0f};
    glm::vec3 skin{0.0f}; // where a hand finds it: the skin point nearest the feature (== position for skin rules)
    float heightH = 0.0f; // (y - floor) / stature
};

struct ResolvedMuscle {
    std::string id;
    bool meshPresent = true;
    bool surrogate = false;            // the indices are the surrogate surface (mesh absent)
    std::vector<uint32_t> right, left; // structure indices into Body::structures
};

struct ResolvedTriggerPoint {
    std::string id, muscle;
    Side side = Side::Right;
    bool ok = false;
    glm::vec3 raw{0.0f};      // the spec's point before snapping
    glm::vec3 position{0.0f}; // snapped onto the muscle (or surrogate) surface
    float snapMm = 0.0f;      // |raw - position|
    float surfaceMm = 0.0f;   // distance from position to the muscle surface (0 unless snapping failed)
};

struct ResolvedLineElement {
    bool station = false;
    std::string name;
    Side side = Side::Right;
    bool ok = false;
    glm::vec3 position{0.0f};         // stations
    std::vector<std::string> muscles; // tracks
    std::vector<uint32_t> structures; // tracks: muscles' and connective structures on this element's side
};

struct ResolvedLine {
    std::string id;
    Side side = Side::Right; // the side the line starts on
    std::vector<ResolvedLineElement> elements;
};

struct ResolvedEndangermentSite {
    std::string id;
    Side side = Side::Midline;
    std::vector<ResolvedZone> zones;
};

struct ResolvedAtlas {
    float floorY = 0.0f;
    float stature = 0.0f; // skin bounding-box height
    std::vector<ResolvedLandmark> landmarks;
    std::vector<ResolvedMuscle> muscles;
    std::vector<ResolvedTriggerPoint> triggerPoints;
    std::vector<ResolvedLine> lines;
    std::vector<ResolvedEndangermentSite> endangermentSites;
    std::vector<AtlasIssue> issues; // everything that did not resolve

    [[nodiscard]] const ResolvedLandmark* landmark(std::string_view flatId) const;
    [[nodiscard]] const ResolvedTriggerPoint* triggerPoint(std::string_view id, Side side) const;
    [[nodiscard]] const ResolvedMuscle* muscle(std::string_view id) const;
};

// Caches the skin BVH, per-muscle BVHs and landmark positions; one per (atlas, body) pair. Problems are collected in
// issues() with the file and record they come from.
class AtlasResolver {
public:
    // skinTree: a tree over this body's skin made before (another resolver's skinTree(), for the same skin);
    // empty: made here (a few hundredths of a second).
    AtlasResolver(const Atlas& atlas, const Body& body, std::shared_ptr<const geometry::Bvh> skinTree = {});
    ~AtlasResolver();
    AtlasResolver(const AtlasResolver&) = delete;
    AtlasResolver& operator=(const AtlasResolver&) = delete;

    [[nodiscard]] float floorY() const { return floorY_; }
    [[nodiscard]] float stature() const { return stature_; }
    [[nodiscard]] bool hasSkin() const { return skin_ != nullptr; }
    [[nodiscard]] const std::shared_ptr<const geometry::Bvh>& skinTree() const { return skinBvh_; }

    // A landmark reference ("c7", "acromion", "acromion_l") evaluated for a context side.
    std::optional<glm::vec3> landmark(std::string_view ref, Side context);
    std::optional<glm::vec3> point(const PointSpec& spec, Side context);
    // Pushes a point onto the skin (ray toward a direction, else the nearest skin point).
    [[nodiscard]] glm::vec3 toSkin(const glm::vec3& p, Toward toward, Side side) const;
    [[nodiscard]] float distanceToSkin(const glm::vec3& p) const;
    // Structure indices of a set on one side (Midline: both sides).
    [[nodiscard]] std::vector<uint32_t> structures(const StructureSet& set, Side side) const;
    [[nodiscard]] ResolvedMuscle muscle(const Muscle& m) const;

    ResolvedTriggerPoint triggerPoint(const TriggerPoint& trp, Side side);
    std::vector<ResolvedZone> zones(const std::vector<ZoneSpec>& specs, ZoneKind kind, Side side);
    ResolvedReferral referral(const TriggerPoint& trp, Side side);
    ResolvedLine line(const FascialLine& line, Side side);
    ResolvedAtlas resolveAll();

    [[nodiscard]] const std::vector<AtlasIssue>& issues() const { return issues_; }
    void setContext(std::string file, std::string record, std::string field);

private:
    std::optional<glm::vec3> evaluateLandmark(const Landmark& l, Side side);
    const geometry::Bvh* bvhFor(const std::vector<uint32_t>& structures);
    void issue(std::string message);

    const Atlas& atlas_;
    const Body& body_;
    const geometry::Mesh* skin_ = nullptr;
    std::shared_ptr<const geometry::Bvh> skinBvh_; // never null (empty without a skin)
    float floorY_ = 0.0f, stature_ = 0.0f;
    std::map<std::string, std::optional<glm::vec3>> landmarkCache_;
    std::set<std::string> inProgress_;
    std::map<std::vector<uint32_t>, std::unique_ptr<geometry::Bvh>> bvhCache_;
    std::vector<AtlasIssue> issues_;
    std::string file_, record_, field_;
    bool recalledContext_ = false; // the zones being resolved belong to a [RECALL] trigger point
};

// Resolves everything (landmarks on both sides, muscles, trigger points, lines, endangerment sites).
[[nodiscard]] ResolvedAtlas resolveAtlas(const Atlas& atlas, const Body& body);
// The essential and spillover zones of one trigger point as seeds on the skin, radii in metres. Throws
// core::DataError for an unknown id or a side the point does not exist on.
[[nodiscard]] ResolvedReferral resolveReferral(const Atlas& atlas, const Body& body, std::string_view trpId, Side side);

[[nodiscard]] inline Side oppositeSide(Side s) {
    return s == Side::Left ? Side::Right : s == Side::Right ? Side::Left : Side::Midline;
}

} // namespace myoatlas::anatomy
