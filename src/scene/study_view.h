#pragma once
// Where to look from to study something: the camera turns the body so the selected structures face the viewer
// (away from the bones they lie on), and "auto-peel" takes off the layers above them. GL-free.
#include "anatomy/body.h"
#include "scene/camera.h"

#include <cstdint>
#include <vector>

namespace myoatlas::scene {

// Unit direction from the structures toward the viewer who should see them: from the centre of the bones under
// them (the skeleton they wrap) out through their centre, flattened toward the horizontal so the body stays upright.
// Falls back to the body's vertical axis when no bone lies near (a structure with no skeleton under it).
[[nodiscard]] glm::vec3 facingDirection(const anatomy::Body& body, const std::vector<uint32_t>& structures);

// A pose looking along -dir at the box, fitted like Camera::frame. The yaw is taken on the side nearest the current
// yaw so a flight never spins the long way; pitch is limited so the body never turns upside down.
[[nodiscard]] CameraPose poseFacing(const geometry::Aabb& box, const glm::vec3& dir, const CameraPose& current,
                                    float aspect);

// Both: the pose that shows the structures face on.
[[nodiscard]] CameraPose facingPose(const anatomy::Body& body, const std::vector<uint32_t>& structures,
                                    const CameraPose& current, float aspect);

// The peel (ViewState::peel: layers with a smaller index are hidden) that uncovers the structures: everything
// outside the layer that holds most of them (connective bands count as superficial). 0 when nothing is selected.
[[nodiscard]] int autoPeelFor(const anatomy::Body& body, const std::vector<uint32_t>& structures);

} // namespace myoatlas::scene
