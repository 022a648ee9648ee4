#include "scene/occlusion.h"

#include <algorithm>

namespace myoatlas::scene {

bool worthTesting(size_t triangles, bool eyeNear, const OcclusionRules& rules) {
    return !eyeNear && triangles >= rules.minTriangles;
}

bool eyeNearBounds(std::span<const geometry::Aabb> boxes, const glm::vec3& eye, float nearPlane) {
    // Points of the near plane inside the view lie within about 1.3 near distances of the eye for the fields of
    // view the camera uses; twice that is a safe margin.
    const float margin = 2.0f * nearPlane;
    return std::any_of(boxes.begin(), boxes.end(), [&](const geometry::Aabb& b) { return b.contains(eye, margin); });
}

void OcclusionHistory::reset(size_t pieces) {
    hidden_.assign(pieces, 0);
    frame_ = 0;
}

bool OcclusionHistory::rechecks(int supersample, const OcclusionRules& rules) {
    return supersample <= 1 || rules.recheckSupersampled;
}

bool OcclusionHistory::dueForRecheck(uint32_t piece, const OcclusionRules& rules) const {
    const uint64_t every = std::max<uint32_t>(1, rules.recheckEvery);
    return (piece + frame_) % every == 0;
}

void OcclusionHistory::seen(uint32_t piece, bool visible) {
    if (piece >= hidden_.size())
        hidden_.resize(piece + 1, 0);
    hidden_[piece] = visible ? 0 : 1;
}

bool OcclusionHistory::hiddenLastFrame(uint32_t piece) const {
    return piece < hidden_.size() && hidden_[piece] != 0;
}

size_t OcclusionHistory::hiddenCount() const {
    return static_cast<size_t>(std::count(hidden_.begin(), hidden_.end(), 1));
}

} // namespace myoatlas::scene
