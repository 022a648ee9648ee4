#pragma once
// Orbit camera around a target point, in the body frame (+Y up, +Z anterior, +X subject's left).
#include "geometry/bvh.h"
#include "geometry/mesh.h"

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>
#include <string_view>

namespace myoatlas::scene {

enum class ViewName : unsigned char { Anterior, Posterior, Left, Right, Superior, Inferior };
inline constexpr ViewName kAllViews[] = {ViewName::Anterior, ViewName::Posterior, ViewName::Left,
                                         ViewName::Right,    ViewName::Superior,  ViewName::Inferior};
[[nodiscard]] std::string_view viewName(ViewName v);  // "anterior", ...
[[nodiscard]] std::string_view viewLabel(ViewName v); // "Anterior (front)"
[[nodiscard]] std::optional<ViewName> parseViewName(std::string_view s);

struct CameraPose {
    glm::vec3 target{0.0f, 0.8f, 0.1f};
    float distance = 2.5f;
    float yaw = 0.0f;   // radians; 0 looks at the front of the body (camera on +Z)
    float pitch = 0.0f; // radians; positive looks down from above
    float fovY = 0.6f;  // radians

    [[nodiscard]] glm::vec3 eye() const;
    [[nodiscard]] glm::mat4 view() const;
    [[nodiscard]] glm::mat4 projection(float aspect) const;
    [[nodiscard]] float nearPlane() const; // metres from the eye
    [[nodiscard]] bool operator==(const CameraPose&) const = default;
};

// Orbit/pan/zoom operations, pure functions of the pose.
class Camera {
public:
    CameraPose pose;

    void orbit(float dYaw, float dPitch);
    void pan(float dxPixels, float dyPixels, float viewportHeight);
    void zoom(float factor); // < 1 moves closer
    // Zooms keeping the point under the pointer where it is: the target moves along with the distance towards
    // where the ray crosses the plane through the target facing the camera.
    void zoomTowards(float factor, const geometry::Ray& ray);
    // Places the camera for a named view so that the box fills the viewport.
    void setView(ViewName view, const geometry::Aabb& box, float aspect);
    // Keeps the direction, recentres and refits on the box.
    void frame(const geometry::Aabb& box, float aspect);
    // Ray through a pixel (origin top-left) of a viewport of the given size.
    [[nodiscard]] geometry::Ray rayThrough(glm::vec2 pixel, glm::vec2 viewport) const;
    // Projects a world point to pixel coordinates; nullopt when behind the camera.
    [[nodiscard]] std::optional<glm::vec2> project(const glm::vec3& p, glm::vec2 viewport) const;
};

// Smooth interpolation between poses (for lesson transitions); t in [0,1], eased.
[[nodiscard]] CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t);

} // namespace myoatlas::scene
