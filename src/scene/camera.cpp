#include "scene/camera.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace myoatlas::scene {
namespace {
constexpr float kMaxPitch = 1.55f;
struct ViewInfo {
    std::string_view name, label;
    float yaw, pitch;
};
constexpr ViewInfo kViews[] = {
    {"anterior", "Anterior (front)", 0.0f, 0.0f},
    {"posterior", "Posterior (back)", 3.14159265f, 0.0f},
    {"left", "Left side", 1.57079633f, 0.0f},
    {"right", "Right side", -1.57079633f, 0.0f},
    {"superior", "Superior (from above)", 0.0f, kMaxPitch},
    {"inferior", "Inferior (from below)", 0.0f, -kMaxPitch},
};
} // namespace

std::string_view viewName(ViewName v) {
    return kViews[static_cast<size_t>(v)].name;
}
std::string_view viewLabel(ViewName v) {
    return kViews[static_cast<size_t>(v)].label;
}

std::optional<ViewName> parseViewName(std::string_view s) {
    for (size_t i = 0; i < std::size(kViews); ++i)
        if (kViews[i].name == s)
            return static_cast<ViewName>(i);
    if (s == "front")
        return ViewName::Anterior;
    if (s == "back")
        return ViewName::Posterior;
    return std::nullopt;
}

glm::vec3 CameraPose::eye() const {
    // yaw 0 puts the eye on +Z (in front of the body); positive yaw swings it toward +X (the subject's left).
    glm::vec3 dir(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
    return target + dir * distance;
}

glm::mat4 CameraPose::view() const {
    glm::vec3 e = eye();
    glm::vec3 up(0.0f, 1.0f, 0.0f);
    if (std::abs(pitch) > 1.5f) // looking straight down/up: use the body's front as up on screen
        up = glm::vec3(-std::sin(yaw), 0.0f, -std::cos(yaw)) * (pitch > 0 ? 1.0f : -1.0f);
    return glm::lookAt(e, target, up);
}

float CameraPose::nearPlane() const {
    return std::max(0.005f, distance * 0.02f);
}

glm::mat4 CameraPose::projection(float aspect) const {
    return glm::perspective(fovY, aspect, nearPlane(), distance + 4.0f);
}

void Camera::orbit(float dYaw, float dPitch) {
    pose.yaw = std::remainder(pose.yaw + dYaw, glm::two_pi<float>());
    pose.pitch = std::clamp(pose.pitch + dPitch, -kMaxPitch, kMaxPitch);
}

void Camera::pan(float dxPixels, float dyPixels, float viewportHeight) {
    float worldPerPixel = 2.0f * pose.distance * std::tan(pose.fovY * 0.5f) / std::max(1.0f, viewportHeight);
    glm::mat4 v = pose.view();
    glm::vec3 right(v[0][0], v[1][0], v[2][0]);
    glm::vec3 up(v[0][1], v[1][1], v[2][1]);
    pose.target += (-dxPixels * right + dyPixels * up) * worldPerPixel;
}

void Camera::zoom(float factor) {
    pose.distance = std::clamp(pose.distance * factor, 0.05f, 20.0f);
}

void Camera::zoomTowards(float factor, const geometry::Ray& ray) {
    float before = pose.distance;
    zoom(factor);
    float applied = pose.distance / before; // the clamp may have cut the step short
    glm::vec3 forward = glm::normalize(pose.target - pose.eye());
    float denom = glm::dot(ray.direction, forward);
    if (std::abs(denom) < 1e-4f)
        return;
    float t = glm::dot(pose.target - ray.origin, forward) / denom;
    if (t <= 0.0f)
        return;
    glm::vec3 under = ray.origin + ray.direction * t;
    pose.target += (under - pose.target) * (1.0f - applied);
}

void Camera::frame(const geometry::Aabb& box, float aspect) {
    if (!box.valid())
        return;
    pose.target = box.center();
    // Fit the bounding sphere of the box in the smaller of the two fields of view.
    float r = std::max(box.radius(), 0.01f);
    float halfFov = pose.fovY * 0.5f;
    float halfFovX = std::atan(std::tan(halfFov) * aspect);
    pose.distance = r / std::sin(std::min(halfFov, halfFovX)) * 0.92f;
}

void Camera::setView(ViewName view, const geometry::Aabb& box, float aspect) {
    pose.yaw = kViews[static_cast<size_t>(view)].yaw;
    pose.pitch = kViews[static_cast<size_t>(view)].pitch;
    frame(box, aspect);
}

geometry::Ray Camera::rayThrough(glm::vec2 pixel, glm::vec2 viewport) const {
    float aspect = viewport.x / std::max(1.0f, viewport.y);
    glm::mat4 inv = glm::inverse(pose.projection(aspect) * pose.view());
    glm::vec2 ndc(2.0f * pixel.x / viewport.x - 1.0f, 1.0f - 2.0f * pixel.y / viewport.y);
    glm::vec4 nearP = inv * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 farP = inv * glm::vec4(ndc, 1.0f, 1.0f);
    glm::vec3 a = glm::vec3(nearP) / nearP.w, b = glm::vec3(farP) / farP.w;
    return {a, glm::normalize(b - a)};
}

std::optional<glm::vec2> Camera::project(const glm::vec3& p, glm::vec2 viewport) const {
    float aspect = viewport.x / std::max(1.0f, viewport.y);
    glm::vec4 c = pose.projection(aspect) * pose.view() * glm::vec4(p, 1.0f);
    if (c.w <= 0.0f)
        return std::nullopt;
    glm::vec3 ndc = glm::vec3(c) / c.w;
    return glm::vec2((ndc.x + 1.0f) * 0.5f * viewport.x, (1.0f - ndc.y) * 0.5f * viewport.y);
}

CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    float s = t * t * (3.0f - 2.0f * t); // smoothstep easing
    CameraPose p;
    p.target = glm::mix(a.target, b.target, s);
    p.distance = std::exp(glm::mix(std::log(a.distance), std::log(b.distance), s)); // zoom feels linear
    p.yaw = a.yaw + std::remainder(b.yaw - a.yaw, glm::two_pi<float>()) * s;        // shortest way round
    p.pitch = glm::mix(a.pitch, b.pitch, s);
    p.fovY = glm::mix(a.fovY, b.fovY, s);
    return p;
}

} // namespace myoatlas::scene
