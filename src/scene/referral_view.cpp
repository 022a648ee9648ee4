#include "scene/referral_view.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/mat4x4.hpp>

namespace myoatlas::scene {
namespace {

constexpr float kKnotRoom = 0.03f; // metres kept in view around each knot

} // namespace

glm::vec3 patternFacing(const geometry::Mesh& skin, std::span<const float> heat, float maxPitch) {
    glm::vec3 sum(0.0f);
    const size_t n = std::min({heat.size(), skin.normals.size(), skin.positions.size()});
    for (size_t v = 0; v < n; ++v)
        if (heat[v] > 0.0f)
            sum += heat[v] * skin.normals[v];
    glm::vec3 flat(sum.x, 0.0f, sum.z);
    const float len = glm::length(sum);
    if (len < 1e-6f)
        return {0.0f, 0.0f, 1.0f};
    glm::vec3 dir = sum / len;
    // Keep the body upright: a pattern on the crown is still seen from the side it leans to, from a little above.
    const float pitch = std::clamp(std::asin(std::clamp(dir.y, -1.0f, 1.0f)), -maxPitch, maxPitch);
    glm::vec3 horizontal = glm::length(flat) > 1e-6f ? glm::normalize(flat) : glm::vec3(0.0f, 0.0f, 1.0f);
    return horizontal * std::cos(pitch) + glm::vec3(0.0f, std::sin(pitch), 0.0f);
}

std::vector<glm::vec3> patternPoints(const geometry::Mesh& skin, std::span<const float> heat, float threshold) {
    std::vector<glm::vec3> out;
    const size_t n = std::min(heat.size(), skin.positions.size());
    for (size_t v = 0; v < n; ++v)
        if (heat[v] >= threshold)
            out.push_back(skin.positions[v]);
    return out;
}

CameraPose fitPoints(std::span<const glm::vec3> points, const glm::vec3& facing, const CameraPose& current,
                     float aspect, ViewInsets insets, float minHalfSize) {
    CameraPose pose = current;
    if (points.empty())
        return pose;
    const glm::vec3 dir = glm::length(facing) > 1e-6f ? glm::normalize(facing) : glm::vec3(0, 0, 1);
    const float yaw = std::atan2(dir.x, dir.z);
    pose.yaw = current.yaw + std::remainder(yaw - current.yaw, glm::two_pi<float>());
    pose.pitch = std::asin(std::clamp(dir.y, -1.0f, 1.0f));
    // Camera axes (as CameraPose::view builds them), independent of target and distance.
    const glm::vec3 back(std::sin(pose.yaw) * std::cos(pose.pitch), std::sin(pose.pitch),
                         std::cos(pose.yaw) * std::cos(pose.pitch));
    const glm::vec3 right = glm::normalize(glm::cross(glm::vec3(0, 1, 0), back));
    const glm::vec3 up = glm::cross(back, right);
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : points) {
        glm::vec3 c(glm::dot(p, right), glm::dot(p, up), glm::dot(p, back));
        lo = glm::min(lo, c);
        hi = glm::max(hi, c);
    }
    const glm::vec3 centre = 0.5f * (lo + hi);
    const float free = std::clamp(1.0f - insets.left - insets.right, 0.2f, 1.0f);
    const float freeY = std::clamp(1.0f - insets.top - insets.bottom, 0.2f, 1.0f);
    const float tanY = std::tan(pose.fovY * 0.5f);
    const float tanX = tanY * aspect;
    // A margin of 8% on every side; each point must fit after perspective (nearer points look bigger).
    const float fitX = tanX * free * 0.92f, fitY = tanY * freeY * 0.92f;
    float distance = std::max(minHalfSize / fitX, minHalfSize / fitY) + (hi.z - centre.z);
    for (const glm::vec3& p : points) {
        glm::vec3 c(glm::dot(p, right), glm::dot(p, up), glm::dot(p, back));
        const float towards = c.z - centre.z; // how much nearer the camera than the centre
        distance =
            std::max({distance, towards + std::abs(c.x - centre.x) / fitX, towards + std::abs(c.y - centre.y) / fitY});
    }
    pose.distance = distance;
    pose.target = centre.x * right + centre.y * up + centre.z * back;
    // Move the picture's centre to the middle of the free part: the target shifts the other way.
    const float ndcShift = insets.left - insets.right, ndcShiftY = insets.bottom - insets.top;
    pose.target -= right * (ndcShift * distance * tanX) + up * (ndcShiftY * distance * tanY);
    return pose;
}

CameraPose referralPose(const geometry::Mesh& skin, std::span<const HeatField* const> fields,
                        std::span<const glm::vec3> knots, const CameraPose& current, float aspect, ViewInsets insets,
                        bool keepDirection) {
    std::vector<float> heat;
    combineSteady(fields, heat);
    std::vector<glm::vec3> points = patternPoints(skin, heat);
    // The knot with room around it: its marker and taut band are drawn a few centimetres across.
    for (const glm::vec3& k : knots)
        for (const glm::vec3& d : {glm::vec3(1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(0, 0, 1)}) {
            points.push_back(k + d * kKnotRoom);
            points.push_back(k - d * kKnotRoom);
        }
    const glm::vec3 facing = keepDirection ? glm::normalize(current.eye() - current.target) : patternFacing(skin, heat);
    return fitPoints(points, facing, current, aspect, insets);
}

ViewInsets windowInsets(const ShellState& shell, float em, float width, float height, bool trpPanelShown,
                        bool legendShown) {
    width = std::max(width, 1.0f);
    height = std::max(height, 1.0f);
    ViewInsets insets;
    if (shell.expertPanels()) {
        insets.left = (shell.layersPanel || shell.browserPanel) ? std::min(em * 22.0f / width, 0.3f) : 0.0f;
        insets.right = (shell.infoPanel || trpPanelShown) ? std::min(em * 24.0f / width, 0.3f) : 0.0f;
    }
    // The menu bar along the top and the legend along the bottom: the knot and the zone stay between them.
    if (!shell.presentation) {
        insets.top = std::min(em * 1.6f / height, 0.1f);
        if (legendShown)
            insets.bottom = std::min(em * 8.5f / height, 0.3f);
    }
    return insets;
}

} // namespace myoatlas::scene
