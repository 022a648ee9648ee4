#include "geometry/muscle_axis.h"

#include "geometry/bvh.h"
#include "geometry/polyline.h"
#include "geometry/tube_builder.h"
#include "geometry_test_support.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <numbers>

using namespace myoatlas::geometry;
namespace gt = myoatlas::geometry::testing;

namespace {

// An ellipsoid with its long axis along `axis` (unit): semi-axes (long, mid, short) rotated into place.
Mesh rotatedEllipsoid(const glm::vec3& centre, const glm::vec3& axis, float a, float b, float c) {
    Mesh m = gt::makeEllipsoid(glm::vec3(0.0f), {b, a, c}, 32, 24); // long along y
    glm::vec3 y(0, 1, 0);
    glm::vec3 k = glm::cross(y, axis);
    float s = glm::length(k), cosA = glm::dot(y, axis);
    for (auto& p : m.positions) {
        if (s > 1e-6f) { // Rodrigues
            glm::vec3 u = k / s;
            p = p * cosA + glm::cross(u, p) * s + u * glm::dot(u, p) * (1.0f - cosA);
        }
        p += centre;
    }
    m.computeNormals();
    return m;
}

} // namespace

TEST(MuscleAxis, EllipsoidPrincipalAxes) {
    glm::vec3 axis = glm::normalize(glm::vec3(0.3f, 1.0f, 0.2f));
    Mesh m = rotatedEllipsoid({0.1f, 0.8f, 0.05f}, axis, 0.12f, 0.03f, 0.02f);
    const Mesh* one = &m;
    PrincipalAxes pa = principalAxes(std::span<const Mesh* const>(&one, 1));
    EXPECT_LT(glm::distance(pa.centroid, glm::vec3(0.1f, 0.8f, 0.05f)), 1e-4f);
    EXPECT_GT(std::abs(glm::dot(pa.axes[0], axis)), 0.9999f);
    EXPECT_GT(pa.variances.x, pa.variances.y);
    EXPECT_GT(pa.variances.y, pa.variances.z);
    EXPECT_NEAR(pa.length(), 0.24f, 1e-3f);
    EXPECT_NEAR(glm::dot(glm::cross(pa.axes[0], pa.axes[1]), pa.axes[2]), 1.0f, 1e-5f);
    // Point-cloud PCA agrees on the long axis.
    PrincipalAxes pc = principalAxes(std::span<const glm::vec3>(m.positions));
    EXPECT_GT(std::abs(glm::dot(pc.axes[0], axis)), 0.999f);
}

TEST(MuscleAxis, AreaWeightingIgnoresTessellationDensity) {
    // A cylinder whose vertices crowd one end: vertex PCA drifts, area-weighted PCA keeps the true centroid.
    std::vector<glm::vec3> path;
    for (int i = 0; i <= 60; ++i) {
        float u = static_cast<float>(i) / 60.0f;
        path.emplace_back(0.0f, 0.2f * u * u * u, 0.0f); // dense near y = 0
    }
    TubeOptions o;
    o.radius = 0.02f;
    TubeMesh tube = buildTube(path, o);
    const Mesh* one = &tube.mesh;
    PrincipalAxes pa = principalAxes(std::span<const Mesh* const>(&one, 1));
    EXPECT_NEAR(pa.centroid.y, 0.1f, 2e-3f);
    EXPECT_GT(std::abs(pa.axes[0].y), 0.9999f);
}

TEST(MuscleAxis, CentrelineOfAnEllipsoidRunsAlongTheAxisInside) {
    glm::vec3 axis = glm::normalize(glm::vec3(0.2f, 1.0f, -0.1f));
    glm::vec3 centre(0.05f, 0.5f, 0.1f);
    Mesh m = rotatedEllipsoid(centre, axis, 0.1f, 0.025f, 0.015f);
    MuscleCentreline c = muscleCentreline(m);
    ASSERT_GE(c.points.size(), 6u);
    Bvh bvh;
    bvh.build(m);
    for (const glm::vec3& p : c.points) {
        glm::vec3 d = p - centre;
        float off = glm::length(d - glm::dot(d, axis) * axis);
        EXPECT_LT(off, 2e-3f);
    }
    for (size_t i = 1; i + 1 < c.points.size(); ++i)
        EXPECT_TRUE(insideClosedSurface(bvh, c.points[i]));
    // Spans most of the muscle (tips are the centroids of the outermost 3% of the surface).
    EXPECT_GT(c.length, 0.75f * 0.2f);
    EXPECT_LT(c.length, 0.2f);
    // Monotone along the axis.
    for (size_t i = 1; i < c.points.size(); ++i)
        EXPECT_NE(glm::dot(c.points[i] - c.points[i - 1], axis) > 0.0f,
                  glm::dot(c.points[1] - c.points[0], axis) < 0.0f);
}

TEST(MuscleAxis, CentrelineFollowsACurvedMuscle) {
    // A banana: a tube around a quarter circle. PCA slicing alone cuts it obliquely; the principal-curve passes
    // bring the centreline back onto the tube's axis.
    std::vector<glm::vec3> arc;
    for (int i = 0; i <= 80; ++i) {
        float a = 0.5f * std::numbers::pi_v<float> * static_cast<float>(i) / 80.0f;
        arc.emplace_back(0.15f * std::cos(a), 0.15f * std::sin(a), 0.0f);
    }
    TubeOptions o;
    o.radius = 0.015f;
    o.sides = 16;
    TubeMesh tube = buildTube(arc, o);
    MuscleCentreline c = muscleCentreline(tube.mesh);
    Bvh bvh;
    bvh.build(tube.mesh);
    float worst = 0.0f;
    for (size_t i = 0; i < c.points.size(); ++i) {
        EXPECT_TRUE(insideClosedSurface(bvh, c.points[i]));
        if (i > 0 && i + 1 < c.points.size()) // the tips sit on the end caps, off-axis by a few mm
            worst = std::max(worst, closestPointOnPolyline(arc, c.points[i]).distance);
    }
    EXPECT_LT(worst, 0.002f); // on a 15 mm radius tube
    EXPECT_GT(c.length, 0.9f * polylineLength(arc));
}

TEST(MuscleAxis, OrderFromStartPoint) {
    Mesh m = rotatedEllipsoid({0, 0, 0}, {0, 1, 0}, 0.1f, 0.02f, 0.02f);
    CentrelineOptions o;
    o.startNear = glm::vec3(0, 1, 0);
    MuscleCentreline top = muscleCentreline(m, o);
    EXPECT_GT(top.points.front().y, top.points.back().y);
    orderFrom(top, glm::vec3(0, -1, 0));
    EXPECT_LT(top.points.front().y, top.points.back().y);
}

TEST(MuscleAxis, FibreDirections) {
    glm::vec3 axis = glm::normalize(glm::vec3(1.0f, 1.0f, 0.0f));
    Mesh m = rotatedEllipsoid({0, 0, 0}, axis, 0.1f, 0.02f, 0.02f);
    MuscleCentreline c = muscleCentreline(m);
    EXPECT_GT(std::abs(glm::dot(fibreDirectionAt(c, {0.01f, 0.0f, 0.0f}), axis)), 0.99f);
    auto dirs = surfaceFibreDirections(m, c);
    ASSERT_EQ(dirs.size(), m.vertexCount());
    for (size_t i = 0; i < dirs.size(); ++i) {
        EXPECT_NEAR(glm::length(dirs[i]), 1.0f, 1e-4f);
        EXPECT_LT(std::abs(glm::dot(dirs[i], m.normals[i])), 0.05f); // tangent to the surface
    }
}

TEST(MuscleAxis, InsideClosedSurface) {
    Mesh m = gt::makeEllipsoid({0, 0, 0}, {0.1f, 0.05f, 0.05f});
    Bvh bvh;
    bvh.build(m);
    EXPECT_TRUE(insideClosedSurface(bvh, {0, 0, 0}));
    EXPECT_TRUE(insideClosedSurface(bvh, {0.09f, 0, 0}));
    EXPECT_FALSE(insideClosedSurface(bvh, {0.11f, 0, 0}));
    EXPECT_FALSE(insideClosedSurface(bvh, {0, 0.3f, 0}));
}

TEST(MuscleAxis, RealSartoriusCentrelineStaysInside) {
    auto dir = gt::testDataDir();
    ASSERT_FALSE(dir.empty());
    Mesh m = gt::loadGlb(dir / "isa/muscles/FJ1434_FMA22354_right_sartorius.glb");
    ASSERT_GT(m.triangleCount(), 100u);
    MuscleCentreline c = muscleCentreline(m);
    Bvh bvh;
    bvh.build(m);
    size_t inside = 0, near = 0;
    for (const glm::vec3& p : c.points) {
        inside += insideClosedSurface(bvh, p) ? 1 : 0;
        near += bvh.closestPoint(p).distance < 0.003f ? 1 : 0;
    }
    // The sartorius is a long strap that winds across the thigh: its centreline must stay in or within 3 mm of it.
    EXPECT_GE(inside, c.points.size() * 8 / 10) << inside << "/" << c.points.size();
    size_t bad = 0;
    for (const glm::vec3& p : c.points)
        bad += (!insideClosedSurface(bvh, p) && bvh.closestPoint(p).distance > 0.003f) ? 1 : 0;
    EXPECT_EQ(bad, 0u);
    (void)near;
    EXPECT_GT(c.length, 0.45f); // it runs from the ASIS to the medial tibia (~0.5 m)
}
