#include "scene/study_view.h"

#include "scene/view_state.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace myoatlas::scene {
namespace {

// The part of b inside a (invalid when they do not meet).
geometry::Aabb intersection(const geometry::Aabb& a, const geometry::Aabb& b) {
    geometry::Aabb out;
    out.min = glm::max(a.min, b.min);
    out.max = glm::min(a.max, b.max);
    return out;
}

bool isBone(const anatomy::Structure& s) {
    return s.category == anatomy::Category::Bone || s.category == anatomy::Category::Cartilage;
}

} // namespace

glm::vec3 facingDirection(const anatomy::Body& body, const std::vector<uint32_t>& structures) {
    geometry::Aabb box = boundsOf(body, structures);
    if (!box.valid())
        return {0.0f, 0.0f, 1.0f};
    // Out from the body's vertical axis through the structures, level: what lies on the back is seen from behind,
    // an arm or the side of the hip from that side, a pair of muscles from the front or back. Students read the
    // body upright, so the camera does not tilt.
    const geometry::Aabb all = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
    glm::vec3 d = box.center() - all.center();
    d.y = 0.0f;
    // A limb's muscles lie around its bones, not around the trunk's axis: between the two, weighted toward the
    // limb's own bones where they are known.
    auto isLimb = [](const anatomy::Structure& s) {
        return s.region == anatomy::Region::UpperLimb || s.region == anatomy::Region::LowerLimb;
    };
    const bool limbStructures = std::all_of(structures.begin(), structures.end(),
                                            [&](uint32_t s) { return s < body.size() && isLimb(body.structures[s]); });
    glm::vec3 local(0.0f);
    float weight = 0.0f;
    geometry::Aabb near = box;
    near.min -= glm::vec3(0.02f);
    near.max += glm::vec3(0.02f);
    for (uint32_t i = 0; i < body.size(); ++i) {
        const auto& s = body.structures[i];
        if (!limbStructures || !isBone(s) || !isLimb(s) ||
            std::find(structures.begin(), structures.end(), i) != structures.end())
            continue;
        auto part = intersection(near, s.bounds);
        if (!part.valid())
            continue;
        glm::vec3 e = part.extent();
        float w = e.x * e.y * e.z;
        local += part.center() * w;
        weight += w;
    }
    if (weight > 0.0f) {
        glm::vec3 fromBone = box.center() - local / weight;
        fromBone.y = 0.0f;
        if (glm::length(fromBone) > 1e-3f && glm::length(d) > 1e-3f)
            d = glm::normalize(d) + 1.5f * glm::normalize(fromBone);
    }
    // Never from the midline side of one side's structures: the other limb or the trunk would be in the way.
    const float offset = box.center().x - all.center().x;
    if (std::abs(offset) > 0.05f && d.x * offset < 0.0f)
        d.x = 0.0f;
    if (glm::length(d) < 0.005f)
        return {0.0f, 0.0f, 1.0f}; // on the axis: keep the anterior view
    return glm::normalize(d);
}

CameraPose poseFacing(const geometry::Aabb& box, const glm::vec3& dir, const CameraPose& current, float aspect) {
    Camera cam;
    cam.pose = current;
    float yaw = std::atan2(dir.x, dir.z);
    yaw = current.yaw + std::remainder(yaw - current.yaw, glm::two_pi<float>());
    cam.pose.yaw = yaw;
    cam.pose.pitch = std::clamp(std::asin(std::clamp(dir.y, -1.0f, 1.0f)), -0.7f, 0.7f);
    cam.frame(box, aspect);
    // A small structure still shows its surroundings: never closer than a hand's width around it.
    cam.pose.distance = std::max(cam.pose.distance, 0.35f);
    return cam.pose;
}

CameraPose facingPose(const anatomy::Body& body, const std::vector<uint32_t>& structures, const CameraPose& current,
                      float aspect) {
    geometry::Aabb box = boundsOf(body, structures);
    if (!box.valid())
        return current;
    return poseFacing(box, facingDirection(body, structures), current, aspect);
}

int autoPeelFor(const anatomy::Body& body, const std::vector<uint32_t>& structures) {
    // The layer holding most of the structures (by bounding volume): a deep muscle with a small part in the
    // superficial layer (gluteus medius) is uncovered down to the deep layer, the part drawn with it.
    std::array<float, anatomy::kLayerCount> volume{};
    bool any = false;
    for (uint32_t s : structures) {
        if (s >= body.size())
            continue;
        const auto& st = body.structures[s];
        // Tendons and bands (the iliotibial tract) lie just under the fascia: uncover them like a superficial
        // muscle rather than stripping the body down to them.
        const auto layer = st.layer == anatomy::Layer::Connective ? anatomy::Layer::SuperficialMuscle : st.layer;
        const glm::vec3 e = st.bounds.valid() ? st.bounds.extent() : glm::vec3(0.0f);
        volume[anatomy::index(layer)] += std::max(e.x * e.y * e.z, 1e-9f);
        any = true;
    }
    if (!any)
        return 0;
    size_t best = 0;
    for (size_t l = 0; l < volume.size(); ++l)
        if (volume[l] >= volume[best])
            best = l; // ties go to the deeper layer
    return static_cast<int>(best);
}

} // namespace myoatlas::scene
