#pragma once
// A referral zone resolved onto this body: the contract between the atlas (which knows where patterns are,
// in landmark terms) and the heat field (which paints them on the skin with geodesic distance).
#include <glm/vec3.hpp>
#include <string>
#include <vector>

namespace myoatlas::anatomy {

enum class ZoneKind : unsigned char { Essential, Spillover };

struct ResolvedZone {
    ZoneKind kind = ZoneKind::Essential;
    std::vector<glm::vec3> seeds; // points on (or within a few mm of) the skin: the zone's core
    float radius = 0.03f;         // metres of geodesic distance over which the zone fades out from its seeds
    std::string label;            // e.g. "temple", for tooltips
    // How much the atlas trusts the zone (0..1], drawn as the heat's intensity: a measured frequency, 1 for a
    // published chart, less for a chart written from memory, a disputed one or an estimate.
    float weight = 1.0f;
    std::string evidence; // what the weight rests on, e.g. "seen in ~50% (shin2005)", "contested"
};

struct ResolvedReferral {
    std::string trpId;           // e.g. "TRAPU-TP1"
    std::string side;            // "left" or "right"
    glm::vec3 trpPosition{0.0f}; // on the muscle surface
    std::vector<ResolvedZone> zones;
};

} // namespace myoatlas::anatomy
