// Where the program looks from to teach a referral pattern: it faces the pattern (a pattern on the back from behind)
// and frames every point of it, inside the part of the window the side panels leave free.
#include "geometry_test_support.h"
#include "scene/referral_view.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

using namespace myoatlas;
using geometry::Mesh;

namespace {

// A standing body stand-in: 0.3 m wide, 1.7 m tall, 0.2 m deep, centred at (0, 0.9, 0).
Mesh torso() {
    return geometry::testing::makeEllipsoid({0.0f, 0.9f, 0.0f}, {0.15f, 0.85f, 0.1f});
}

// Heat on the vertices within `radius` of `centre`.
std::vector<float> patch(const Mesh& m, const glm::vec3& centre, float radius, float level = 1.0f) {
    std::vector<float> heat(m.vertexCount(), 0.0f);
    for (size_t v = 0; v < m.vertexCount(); ++v)
        if (glm::length(m.positions[v] - centre) < radius)
            heat[v] = level;
    return heat;
}

// Every point projects inside the viewport's free part (pixels, with the panels' insets), in front of the camera.
void expectInside(const scene::CameraPose& pose, const std::vector<glm::vec3>& points, glm::vec2 viewport,
                  scene::ViewInsets insets) {
    scene::Camera cam;
    cam.pose = pose;
    for (const glm::vec3& p : points) {
        auto px = cam.project(p, viewport);
        ASSERT_TRUE(px.has_value());
        EXPECT_GE(px->x, insets.left * viewport.x - 0.5f);
        EXPECT_LE(px->x, (1.0f - insets.right) * viewport.x + 0.5f);
        EXPECT_GE(px->y, insets.top * viewport.y - 0.5f);
        EXPECT_LE(px->y, (1.0f - insets.bottom) * viewport.y + 0.5f);
    }
}

} // namespace

TEST(ReferralView, APatternOnTheBackIsSeenFromBehind) {
    const Mesh m = torso();
    const auto heat = patch(m, {0.0f, 1.2f, -0.1f}, 0.12f);
    const glm::vec3 dir = scene::patternFacing(m, heat);
    EXPECT_LT(dir.z, -0.9f);
    const auto pose = scene::fitPoints(scene::patternPoints(m, heat), dir, {}, 16.0f / 9.0f);
    EXPECT_LT(pose.eye().z, pose.target.z); // the camera stands behind the body
}

TEST(ReferralView, APatternOnTheSideIsSeenFromThatSide) {
    const Mesh m = torso();
    const auto heat = patch(m, {0.15f, 0.9f, 0.0f}, 0.1f); // +X: the subject's left
    const glm::vec3 dir = scene::patternFacing(m, heat);
    EXPECT_GT(dir.x, 0.9f);
    EXPECT_LE(std::abs(dir.y), std::sin(1.1f) + 1e-4f); // the body stays upright
}

TEST(ReferralView, NoHeatFallsBackToTheFront) {
    const Mesh m = torso();
    const std::vector<float> none(m.vertexCount(), 0.0f);
    EXPECT_EQ(scene::patternFacing(m, none), glm::vec3(0.0f, 0.0f, 1.0f));
}

TEST(ReferralView, FramesEveryPointInTheFreePartOfTheWindow) {
    const Mesh m = torso();
    // A tall pattern down the back and the knot on the shoulder.
    auto heat = patch(m, {0.05f, 1.1f, -0.1f}, 0.25f);
    auto points = scene::patternPoints(m, heat);
    points.push_back({0.12f, 1.5f, -0.02f});
    const glm::vec3 dir = scene::patternFacing(m, heat);
    // No panels; side panels; side panels and a legend along the bottom.
    for (scene::ViewInsets insets :
         {scene::ViewInsets{}, scene::ViewInsets{0.2f, 0.25f}, scene::ViewInsets{0.2f, 0.25f, 0.0f, 0.2f}}) {
        const glm::vec2 viewport(1280.0f, 720.0f);
        const auto pose = scene::fitPoints(points, dir, {}, viewport.x / viewport.y, insets);
        expectInside(pose, points, viewport, insets);
        // Tight: the pattern fills most of the free height or width, not a corner of it.
        scene::Camera cam;
        cam.pose = pose;
        float top = viewport.y, bottom = 0.0f;
        for (const auto& p : points) {
            auto px = cam.project(p, viewport);
            top = std::min(top, px->y);
            bottom = std::max(bottom, px->y);
        }
        EXPECT_GT(bottom - top, 0.6f * (1.0f - insets.top - insets.bottom) * viewport.y);
    }
}

TEST(ReferralView, ASmallPatternIsNotMagnifiedPastAHandWidth) {
    const Mesh m = torso();
    const std::vector<glm::vec3> points = {{0.0f, 1.0f, 0.1f}, {0.001f, 1.001f, 0.1f}};
    const auto pose = scene::fitPoints(points, {0, 0, 1}, {}, 1.0f);
    // The visible half height at the target is at least the 6 cm floor.
    EXPECT_GE(pose.distance * std::tan(pose.fovY * 0.5f), 0.06f * 0.999f);
}

TEST(ReferralView, KeepsTheYawNearTheCurrentOne) {
    const Mesh m = torso();
    const auto heat = patch(m, {0.0f, 1.2f, -0.1f}, 0.12f);
    scene::CameraPose current;
    current.yaw = 6.0f; // turned almost a full circle already
    const auto pose = scene::fitPoints(scene::patternPoints(m, heat), scene::patternFacing(m, heat), current, 1.5f);
    EXPECT_LT(std::abs(pose.yaw - current.yaw), 3.1416f + 1e-3f);
}

// What the window leaves free for a pattern: panel columns only where the expert panels show, the menu bar unless
// on the projector, the legend's band when it shows.
TEST(WindowInsets, FollowThePanelsTheWindowShows) {
    scene::ShellState shell;
    auto desk = scene::windowInsets(shell, 16.0f, 1280.0f, 720.0f, false, true);
    EXPECT_GT(desk.left, 0.0f);
    EXPECT_GT(desk.right, 0.0f);
    EXPECT_GT(desk.top, 0.0f);
    EXPECT_GT(desk.bottom, 0.0f);
    EXPECT_LE(desk.left, 0.3f);
    shell.infoPanel = false;
    EXPECT_EQ(scene::windowInsets(shell, 16.0f, 1280.0f, 720.0f, false, false).right, 0.0f);
    EXPECT_GT(scene::windowInsets(shell, 16.0f, 1280.0f, 720.0f, true, false).right, 0.0f) << "the TrP panel";
    shell.set(scene::ShellFlag::Patient, true);
    auto patient = scene::windowInsets(shell, 16.0f, 1280.0f, 720.0f, true, true);
    EXPECT_EQ(patient.left, 0.0f);
    EXPECT_EQ(patient.right, 0.0f);
    shell.set(scene::ShellFlag::Patient, false);
    shell.set(scene::ShellFlag::Presentation, true);
    auto room = scene::windowInsets(shell, 32.0f, 1920.0f, 1080.0f, true, true);
    EXPECT_EQ(room.left + room.right + room.top + room.bottom, 0.0f);
    // A degenerate window never divides by zero.
    shell = {};
    auto tiny = scene::windowInsets(shell, 16.0f, 0.0f, 0.0f, true, true);
    EXPECT_LE(tiny.left, 0.3f);
    EXPECT_LE(tiny.top, 0.1f);
}
