#include "geometry/tube_builder.h"

#include "geometry_test_support.h"

#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <map>
#include <numbers>

using namespace myoatlas::geometry;
using myoatlas::geometry::testing::signedVolume;

namespace {

std::vector<glm::vec3> helix(int n, float radius, float pitch, float turns) {
    std::vector<glm::vec3> p;
    for (int i = 0; i < n; ++i) {
        float a = 2.0f * std::numbers::pi_v<float> * turns * static_cast<float>(i) / static_cast<float>(n - 1);
        p.emplace_back(radius * std::cos(a), pitch * a / (2.0f * std::numbers::pi_v<float>), radius * std::sin(a));
    }
    return p;
}

std::vector<glm::vec3> straight(int n, float length) {
    std::vector<glm::vec3> p;
    for (int i = 0; i < n; ++i)
        p.emplace_back(0.0f, length * static_cast<float>(i) / static_cast<float>(n - 1), 0.0f);
    return p;
}

} // namespace

TEST(TubeBuilder, VertexAndTriangleCounts) {
    TubeOptions o;
    o.sides = 10;
    TubeMesh t = buildTube(straight(7, 1.0f), o);
    EXPECT_EQ(t.mesh.vertexCount(), 7u * 10u + 2u * 11u);
    EXPECT_EQ(t.mesh.triangleCount(), 2u * 10u * 6u + 2u * 10u);
    EXPECT_EQ(t.arcLength.size(), t.mesh.vertexCount());
    EXPECT_EQ(t.around.size(), t.mesh.vertexCount());
    EXPECT_EQ(t.mesh.normals.size(), t.mesh.vertexCount());
    o.capStart = o.capEnd = false;
    TubeMesh open = buildTube(straight(7, 1.0f), o);
    EXPECT_EQ(open.mesh.vertexCount(), 70u);
    EXPECT_EQ(open.mesh.triangleCount(), 120u);
}

TEST(TubeBuilder, DegeneratePathGivesEmptyMesh) {
    EXPECT_EQ(buildTube(std::vector<glm::vec3>{}).mesh.vertexCount(), 0u);
    EXPECT_EQ(buildTube(std::vector<glm::vec3>{{1, 2, 3}, {1, 2, 3}}).mesh.vertexCount(), 0u);
}

TEST(TubeBuilder, EveryRingAtTheRadiusAroundItsPathPoint) {
    TubeOptions o;
    o.radius = 0.005f;
    o.sides = 16;
    auto path = helix(200, 0.05f, 0.03f, 3.0f);
    TubeMesh t = buildTube(path, o);
    ASSERT_EQ(t.path.size(), path.size());
    for (size_t i = 0; i < path.size(); ++i)
        for (int j = 0; j < o.sides; ++j) {
            glm::vec3 v = t.mesh.positions[i * 16 + static_cast<size_t>(j)];
            EXPECT_NEAR(glm::distance(v, path[i]), o.radius, 1e-6f);
            // In the plane normal to the tangent.
            EXPECT_NEAR(glm::dot(v - path[i], t.frames[i].tangent), 0.0f, 1e-6f);
        }
}

TEST(TubeBuilder, PerPointRadii) {
    TubeOptions o;
    auto path = straight(5, 1.0f);
    o.radii = {0.01f, 0.02f, 0.03f, 0.02f, 0.01f};
    TubeMesh t = buildTube(path, o);
    for (size_t i = 0; i < path.size(); ++i)
        EXPECT_NEAR(glm::distance(t.mesh.positions[i * 12], path[i]), o.radii[i], 1e-6f);
}

TEST(TubeBuilder, FramesOrthonormalRightHandedAndContinuousOnAHelix) {
    auto path = helix(400, 0.05f, 0.02f, 4.0f);
    auto frames = parallelTransportFrames(path);
    ASSERT_EQ(frames.size(), path.size());
    float maxStep = 0.0f;
    for (size_t i = 0; i < frames.size(); ++i) {
        const TubeFrame& f = frames[i];
        EXPECT_NEAR(glm::length(f.tangent), 1.0f, 1e-5f);
        EXPECT_NEAR(glm::length(f.normal), 1.0f, 1e-5f);
        EXPECT_NEAR(glm::length(f.binormal), 1.0f, 1e-5f);
        EXPECT_NEAR(glm::dot(f.tangent, f.normal), 0.0f, 1e-5f);
        EXPECT_NEAR(glm::dot(f.tangent, f.binormal), 0.0f, 1e-5f);
        EXPECT_NEAR(glm::dot(f.normal, f.binormal), 0.0f, 1e-5f);
        EXPECT_GT(glm::dot(glm::cross(f.tangent, f.normal), f.binormal), 0.999f);
        if (i > 0) {
            // No flip: the normal turns by about as much as the tangent does between samples.
            float dn = std::acos(std::clamp(glm::dot(frames[i - 1].normal, f.normal), -1.0f, 1.0f));
            float dt = std::acos(std::clamp(glm::dot(frames[i - 1].tangent, f.tangent), -1.0f, 1.0f));
            EXPECT_LT(dn, 2.0f * dt + 1e-3f) << i;
            maxStep = std::max(maxStep, dn);
        }
    }
    EXPECT_LT(maxStep, 0.2f);
}

TEST(TubeBuilder, RotationMinimisingOnAPlanarCurveKeepsTheBinormalConstant) {
    // On a plane curve the rotation-minimising frame keeps one axis along the plane normal: zero twist.
    std::vector<glm::vec3> arc;
    for (int i = 0; i < 100; ++i) {
        float a = 1.5f * std::numbers::pi_v<float> * static_cast<float>(i) / 99.0f;
        arc.emplace_back(std::cos(a), std::sin(a), 0.0f);
    }
    auto frames = parallelTransportFrames(arc, glm::vec3(0, 0, 1));
    for (const TubeFrame& f : frames)
        EXPECT_GT(std::abs(f.normal.z), 0.9999f);
}

TEST(TubeBuilder, ClosedSurfaceWithOutwardNormals) {
    TubeOptions o;
    o.radius = 0.004f;
    o.sides = 24;
    auto path = helix(300, 0.05f, 0.03f, 2.0f);
    TubeMesh t = buildTube(path, o);
    // Outward: positive signed volume close to pi r^2 L (a polygon of 24 sides holds 98.9% of the disc).
    double volume = signedVolume(t.mesh);
    double expected = std::numbers::pi * o.radius * o.radius * t.length * 0.9886;
    EXPECT_GT(volume, 0.0);
    EXPECT_NEAR(volume, expected, 0.02 * expected);
    // Every side triangle faces away from its path point; every vertex normal agrees with its faces.
    size_t sideTris = 2u * 24u * (path.size() - 1);
    for (size_t tri = 0; tri < sideTris; ++tri) {
        uint32_t a = t.mesh.indices[tri * 3];
        size_t ring = a / 24;
        glm::vec3 c = (t.mesh.positions[a] + t.mesh.positions[t.mesh.indices[tri * 3 + 1]] +
                       t.mesh.positions[t.mesh.indices[tri * 3 + 2]]) /
                      3.0f;
        glm::vec3 axis = 0.5f * (path[ring] + path[std::min(ring + 1, path.size() - 1)]);
        EXPECT_GT(glm::dot(t.mesh.triangleNormal(tri), c - axis), 0.0f) << tri;
        for (int k = 0; k < 3; ++k)
            EXPECT_GT(glm::dot(t.mesh.normals[t.mesh.indices[tri * 3 + k]], t.mesh.triangleNormal(tri)), 0.5f);
    }
    // Caps face along -tangent at the start and +tangent at the end.
    EXPECT_GT(glm::dot(t.mesh.triangleNormal(sideTris), -t.frames.front().tangent), 0.999f);
    EXPECT_GT(glm::dot(t.mesh.triangleNormal(t.mesh.triangleCount() - 1), t.frames.back().tangent), 0.999f);
    // Watertight once the duplicated cap rings are welded: every edge is shared by exactly two triangles.
    using Key = std::array<int, 3>;
    std::map<std::pair<Key, Key>, int> edges;
    auto q = [](const glm::vec3& p) {
        glm::ivec3 i(glm::round(p * 1e6f));
        return Key{i.x, i.y, i.z};
    };
    for (size_t tri = 0; tri < t.mesh.triangleCount(); ++tri)
        for (int k = 0; k < 3; ++k) {
            Key a = q(t.mesh.positions[t.mesh.indices[tri * 3 + k]]);
            Key b = q(t.mesh.positions[t.mesh.indices[tri * 3 + (k + 1) % 3]]);
            edges[a < b ? std::pair(a, b) : std::pair(b, a)]++;
        }
    for (const auto& [e, count] : edges)
        EXPECT_EQ(count, 2);
}

TEST(TubeBuilder, ArcLengthPerVertexIncreasesAlongThePath) {
    auto path = straight(11, 2.0f);
    TubeMesh t = buildTube(path);
    EXPECT_NEAR(t.length, 2.0f, 1e-6f);
    for (size_t i = 0; i < path.size(); ++i)
        for (size_t j = 0; j < 12; ++j)
            EXPECT_NEAR(t.arcLength[i * 12 + j], 0.2f * static_cast<float>(i), 1e-5f);
    EXPECT_NEAR(t.arcLength.back(), 2.0f, 1e-5f); // end cap
}

TEST(TubeBuilder, SharpCornerDoesNotFlipTheFrame) {
    // A right-angle corner and a near reversal: frames stay orthonormal and finite.
    std::vector<glm::vec3> p{{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0.999f, 0, 0.001f}};
    for (const TubeFrame& f : parallelTransportFrames(p)) {
        EXPECT_NEAR(glm::length(f.normal), 1.0f, 1e-4f);
        EXPECT_NEAR(glm::dot(f.tangent, f.normal), 0.0f, 1e-4f);
    }
}
