// Routes over mesh surfaces (geometry::surfaceRoute) and the line paths that use them over sheets and domes.
#include "geometry/surface_route.h"

#include "geometry/bvh.h"
#include "geometry/line_path.h"
#include "geometry/muscle_axis.h"
#include "geometry/polyline.h"
#include "geometry_test_support.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <iostream>
#include <numbers>

using namespace myoatlas::geometry;
namespace gt = myoatlas::geometry::testing;

namespace {

constexpr float kPi = std::numbers::pi_v<float>;

// A flat closed slab (a box) from `lo` to `hi`, split into small triangles on its two large faces.
Mesh slab(const glm::vec3& lo, const glm::vec3& hi) {
    Mesh m;
    const int nx = 20, ny = 20;
    for (int face = 0; face < 2; ++face)
        for (int j = 0; j <= ny; ++j)
            for (int i = 0; i <= nx; ++i)
                m.positions.push_back({lo.x + (hi.x - lo.x) * static_cast<float>(i) / nx,
                                       lo.y + (hi.y - lo.y) * static_cast<float>(j) / ny, face == 0 ? lo.z : hi.z});
    auto id = [&](int face, int i, int j) {
        return static_cast<uint32_t>(face * (nx + 1) * (ny + 1) + j * (nx + 1) + i);
    };
    for (int face = 0; face < 2; ++face)
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                uint32_t a = id(face, i, j), b = id(face, i + 1, j), c = id(face, i, j + 1), d = id(face, i + 1, j + 1);
                m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
            }
    // The four thin sides join the faces' borders.
    auto side = [&](int i0, int j0, int di, int dj, int count) {
        for (int s = 0; s < count; ++s) {
            int i = i0 + di * s, j = j0 + dj * s;
            uint32_t a = id(0, i, j), b = id(0, i + di, j + dj), c = id(1, i, j), d = id(1, i + di, j + dj);
            m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
        }
    };
    side(0, 0, 1, 0, nx);
    side(0, ny, 1, 0, nx);
    side(0, 0, 0, 1, ny);
    side(nx, 0, 0, 1, ny);
    m.computeNormals();
    return m;
}

float distanceToSphere(const glm::vec3& p, const glm::vec3& c, float r) {
    return std::abs(glm::distance(p, c) - r);
}

} // namespace

TEST(SurfaceRoute, EmptyMeshesGiveAnEmptyRoute) {
    Mesh empty;
    const Mesh* one = &empty;
    SurfaceRoute r = surfaceRoute(std::span<const Mesh* const>(&one, 1), glm::vec3(0.0f), glm::vec3(1.0f));
    EXPECT_TRUE(r.points.empty());
    EXPECT_EQ(r.length, 0.0f);
}

TEST(SurfaceRoute, FollowsTheSphereNotTheChord) {
    // From the equator to the aim beyond the far side of the equator: the route goes over the top and ends where the
    // sphere turns away from the aim, staying on the surface all the way.
    const glm::vec3 c(0.0f, 1.0f, 0.0f);
    const float r = 0.1f;
    Mesh sphere = gt::makeEllipsoid(c, glm::vec3(r), 48, 64);
    const Mesh* one = &sphere;
    glm::vec3 from = c + glm::vec3(r, 0.0f, 0.0f);
    glm::vec3 aim = c + glm::vec3(-3.0f * r, 0.0f, 0.0f);
    SurfaceRoute route = surfaceRoute(std::span<const Mesh* const>(&one, 1), from, aim);
    ASSERT_GE(route.points.size(), 10u);
    EXPECT_EQ(route.bridges, 0u);
    EXPECT_LT(glm::distance(route.points.front(), from), 0.01f);
    for (const glm::vec3& p : route.points)
        EXPECT_LT(distanceToSphere(p, c, r), 0.001f);
    // It ends on the far side, where the sphere comes nearest the aim.
    EXPECT_LT(route.points.back().x - c.x, -0.9f * r);
    // Half a great circle is pi r; edge paths on a UV sphere run at most ~10% long, and never shorter.
    float arc =
        glm::distance(route.points.front() - c, route.points.back() - c) > 0.0f
            ? r * std::acos(glm::dot(glm::normalize(route.points.front() - c), glm::normalize(route.points.back() - c)))
            : 0.0f;
    EXPECT_GE(route.length, arc * 0.99f);
    EXPECT_LE(route.length, arc * 1.12f);
    EXPECT_NEAR(route.length, polylineLength(route.points), 1e-4f);
}

TEST(SurfaceRoute, EndsWhereThePieceComesNearestTheAim) {
    // A long slab and an aim off its far corner: the route crosses the whole slab, whatever the aim weight.
    Mesh a = slab({0.0f, 0.0f, 0.0f}, {0.2f, 0.05f, 0.004f});
    const Mesh* one = &a;
    for (float weight : {0.5f, 1.0f, 2.0f}) {
        SurfaceRouteOptions o;
        o.aimWeight = weight;
        SurfaceRoute route =
            surfaceRoute(std::span<const Mesh* const>(&one, 1), {0.0f, 0.0f, 0.004f}, {0.5f, 0.2f, 0.004f}, o);
        ASSERT_FALSE(route.points.empty());
        EXPECT_LT(glm::distance(route.points.back(), glm::vec3(0.2f, 0.05f, 0.004f)), 0.012f) << weight;
    }
}

TEST(SurfaceRoute, BridgesSmallGapsBetweenPiecesOnly) {
    // Two slabs in a row with a 10 mm gap (ribs between two intercostal strips).
    Mesh a = slab({0.0f, 0.0f, 0.0f}, {0.1f, 0.04f, 0.004f});
    Mesh b = slab({0.11f, 0.0f, 0.0f}, {0.21f, 0.04f, 0.004f});
    std::vector<const Mesh*> meshes{&a, &b};
    glm::vec3 from(0.0f, 0.02f, 0.004f), aim(0.3f, 0.02f, 0.004f);
    SurfaceRoute across = surfaceRoute(meshes, from, aim);
    ASSERT_FALSE(across.points.empty());
    EXPECT_EQ(across.bridges, 1u);
    EXPECT_GT(across.points.back().x, 0.205f); // reaches the far end of the second slab
    // Edge paths on a regular grid run at most ~8% long; the 10 mm bridge costs 1.5 times its length.
    EXPECT_GT(across.length, 0.2f);
    EXPECT_LT(across.length, 0.2f * 1.08f + 0.005f);

    SurfaceRouteOptions narrow;
    narrow.bridgeRadius = 0.005f; // smaller than the gap: the second slab is out of reach
    SurfaceRoute stuck = surfaceRoute(meshes, from, aim, narrow);
    EXPECT_EQ(stuck.bridges, 0u);
    EXPECT_LT(stuck.points.back().x, 0.1001f);
    EXPECT_GT(stuck.points.back().x, 0.099f);
}

TEST(SurfaceRoute, DeterministicAndMirrorSymmetric) {
    Mesh right = gt::makeArcSheet({-0.1f, 1.0f, 0.0f}, 0.1f, -0.25f * kPi, 1.25f * kPi, 0.004f, 0.05f);
    Mesh left = gt::mirrorX(right);
    const Mesh* r = &right;
    const Mesh* l = &left;
    glm::vec3 from(-0.1f + 0.0707f, 0.9293f, 0.025f), aim(-0.1f - 0.2f, 0.9f, 0.025f);
    SurfaceRoute a = surfaceRoute(std::span<const Mesh* const>(&r, 1), from, aim);
    SurfaceRoute again = surfaceRoute(std::span<const Mesh* const>(&r, 1), from, aim);
    ASSERT_EQ(a.points.size(), again.points.size());
    for (size_t i = 0; i < a.points.size(); ++i)
        EXPECT_EQ(a.points[i], again.points[i]);
    glm::vec3 mf(-from.x, from.y, from.z), ma(-aim.x, aim.y, aim.z);
    SurfaceRoute m = surfaceRoute(std::span<const Mesh* const>(&l, 1), mf, ma);
    EXPECT_NEAR(m.length, a.length, 0.02f * a.length);
    ASSERT_FALSE(m.points.empty());
    EXPECT_LT(glm::distance(glm::vec3(-m.points.back().x, m.points.back().y, m.points.back().z), a.points.back()),
              0.005f);
}

TEST(LinePathOverSheets, ADomeTrackIsFollowedOverItsSurfaceNotThroughItsHollow) {
    // A 270-degree arc sheet (a dome seen in section): its slice centroids fall in the hollow, so the path must run
    // over the sheet from one foot to the other.
    const glm::vec3 c(0.0f, 1.0f, 0.0f);
    const float radius = 0.1f;
    Mesh dome = gt::makeArcSheet(c, radius, -0.25f * kPi, 1.25f * kPi, 0.004f, 0.05f, 160, 6);
    glm::vec3 footA =
        c + radius * glm::vec3(std::cos(-0.25f * kPi), std::sin(-0.25f * kPi), 0.0f) + glm::vec3(0, 0, 0.025f);
    glm::vec3 footB =
        c + radius * glm::vec3(std::cos(1.25f * kPi), std::sin(1.25f * kPi), 0.0f) + glm::vec3(0, 0, 0.025f);
    std::vector<LineWaypoint> w{LineWaypoint::station(footA + glm::vec3(0.0f, -0.03f, 0.0f)),
                                LineWaypoint::track({&dome}),
                                LineWaypoint::station(footB + glm::vec3(0.0f, -0.03f, 0.0f))};
    LinePath path = buildLinePath(w);
    ASSERT_EQ(path.visits.size(), 3u);
    EXPECT_EQ(path.visits[1].route, LineWaypoint::Route::Surface);
    Bvh bvh;
    bvh.build(dome);
    // The share of the path over the track's span that is in the sheet or within 3 mm of it.
    auto onSheet = [&](const LinePath& p) {
        size_t total = 0, near = 0;
        for (size_t i = 0; i < p.points.size(); ++i) {
            if (p.arcLength[i] < p.visits[1].begin || p.arcLength[i] > p.visits[1].end)
                continue;
            ++total;
            float d = insideClosedSurface(bvh, p.points[i]) ? 0.0f : bvh.closestPoint(p.points[i]).distance;
            near += d <= 0.003f ? 1 : 0;
        }
        EXPECT_GT(total, 20u);
        return total == 0 ? 0.0f : static_cast<float>(near) / static_cast<float>(total);
    };
    EXPECT_GE(onSheet(path), 0.95f);
    // Over the top: three quarters of the circle, plus the two 3 cm legs.
    EXPECT_GT(path.length, 1.5f * kPi * radius);
    EXPECT_LT(path.length, 1.5f * kPi * radius * 1.1f + 0.07f);

    // Forced along the centreline instead, the same track runs through the hollow: what Auto avoids.
    w[1] = LineWaypoint::track({&dome}, LineWaypoint::Route::Centreline);
    LinePath through = buildLinePath(w);
    EXPECT_EQ(through.visits[1].route, LineWaypoint::Route::Centreline);
    float throughShare = onSheet(through);
    std::cout << "[ dome ] on the sheet: surface route " << onSheet(path) << ", centreline " << throughShare << "\n";
    EXPECT_LT(throughShare, 0.8f);
}

TEST(LinePathOverSheets, AFusiformTrackKeepsItsCentreline) {
    Mesh spindle = gt::makeEllipsoid({0.0f, 0.5f, 0.0f}, {0.03f, 0.2f, 0.03f});
    std::vector<LineWaypoint> w{LineWaypoint::station({0.0f, 0.25f, 0.0f}), LineWaypoint::track({&spindle}),
                                LineWaypoint::station({0.0f, 0.75f, 0.0f})};
    LinePath path = buildLinePath(w);
    EXPECT_EQ(path.visits[1].route, LineWaypoint::Route::Centreline);
    for (const glm::vec3& p : path.points)
        EXPECT_LT(std::hypot(p.x, p.z), 0.002f); // on the axis
}

TEST(LinePathOverSheets, ATrackWithoutAreaDoesNotBreakTheLine) {
    Mesh points; // vertices, no triangles (a broken import)
    points.positions = {{0.0f, 0.5f, 0.0f}, {0.0f, 0.52f, 0.0f}};
    for (auto route : {LineWaypoint::Route::Auto, LineWaypoint::Route::Surface}) {
        std::vector<LineWaypoint> w{LineWaypoint::station({0.0f, 0.2f, 0.0f}), LineWaypoint::track({&points}, route),
                                    LineWaypoint::station({0.0f, 0.8f, 0.0f})};
        LinePath path = buildLinePath(w);
        ASSERT_GE(path.points.size(), 10u);
        EXPECT_NEAR(path.length, 0.6f, 0.05f);
        EXPECT_LT(glm::distance(path.points.back(), glm::vec3(0.0f, 0.8f, 0.0f)), 1e-3f);
    }
}
