#include "geometry/polyline.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <numbers>

using namespace myoatlas::geometry;

namespace {

std::vector<glm::vec3> lShape() {
    return {{0, 0, 0}, {1, 0, 0}, {1, 2, 0}};
}

} // namespace

TEST(Polyline, LengthAndCumulative) {
    auto p = lShape();
    EXPECT_FLOAT_EQ(polylineLength(p), 3.0f);
    auto s = cumulativeLengths(p);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_FLOAT_EQ(s[1], 1.0f);
    EXPECT_FLOAT_EQ(s[2], 3.0f);
    EXPECT_FLOAT_EQ(polylineLength(std::vector<glm::vec3>{}), 0.0f);
}

TEST(Polyline, PointAtArcLengthClampsAndInterpolates) {
    auto p = lShape();
    EXPECT_LT(glm::distance(pointAtArcLength(p, 0.5f), glm::vec3(0.5f, 0, 0)), 1e-6f);
    EXPECT_LT(glm::distance(pointAtArcLength(p, 2.0f), glm::vec3(1, 1, 0)), 1e-6f);
    EXPECT_LT(glm::distance(pointAtArcLength(p, -1.0f), p.front()), 1e-6f);
    EXPECT_LT(glm::distance(pointAtArcLength(p, 9.0f), p.back()), 1e-6f);
}

TEST(Polyline, ResampleBySpacingIsEvenAndKeepsEnds) {
    auto p = lShape();
    auto r = resampleBySpacing(p, 0.1f);
    ASSERT_EQ(r.size(), 31u);
    EXPECT_EQ(r.front(), p.front());
    EXPECT_EQ(r.back(), p.back());
    // Samples are evenly spaced in arc length: on the polyline and 0.1 apart along it.
    for (size_t i = 0; i < r.size(); ++i) {
        PolylinePoint q = closestPointOnPolyline(p, r[i]);
        EXPECT_LT(q.distance, 1e-5f);
        EXPECT_NEAR(q.arcLength, 0.1f * static_cast<float>(i), 1e-4f);
    }
}

TEST(Polyline, ResampleByCount) {
    auto r = resampleByCount(lShape(), 4);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_LT(glm::distance(r[1], glm::vec3(1, 0, 0)), 1e-6f);
    EXPECT_LT(glm::distance(r[2], glm::vec3(1, 1, 0)), 1e-6f);
}

TEST(Polyline, RemoveNearDuplicatesKeepsTheLastPoint) {
    std::vector<glm::vec3> p{{0, 0, 0}, {0, 0, 0}, {1, 0, 0}, {1, 0, 1e-8f}};
    auto r = removeNearDuplicates(p, 1e-6f);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r.back(), p.back());
}

TEST(Polyline, CatmullRomInterpolatesEveryControlPoint) {
    std::vector<glm::vec3> c{{0, 0, 0}, {1, 0, 0}, {1.1f, 1, 0}, {3, 1, 0.5f}, {3, 3, 0}};
    const int per = 10;
    auto s = catmullRomCentripetal(c, per);
    ASSERT_EQ(s.size(), (c.size() - 1) * per + 1);
    for (size_t i = 0; i < c.size(); ++i)
        EXPECT_LT(glm::distance(s[i * per], c[i]), 1e-5f) << i;
}

TEST(Polyline, CentripetalCatmullRomHasNoCuspOrLoopOnCloseControls) {
    // Two control points very close to each other between distant ones: uniform Catmull-Rom overshoots and loops;
    // the centripetal spline must keep every span short and turn gently (consecutive sample directions never
    // reverse).
    std::vector<glm::vec3> c{{0, 0, 0}, {1, 0, 0}, {1.01f, 0.01f, 0}, {1.02f, 1, 0}, {0, 1.2f, 0}};
    auto s = catmullRomCentripetal(c, 32);
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        glm::vec3 a = s[i] - s[i - 1], b = s[i + 1] - s[i];
        if (glm::length(a) < 1e-7f || glm::length(b) < 1e-7f)
            continue;
        EXPECT_GT(glm::dot(glm::normalize(a), glm::normalize(b)), -0.2f) << "cusp at sample " << i;
    }
    EXPECT_LT(polylineLength(s), 1.35f * polylineLength(c));
}

TEST(Polyline, CatmullRomOfCollinearPointsStaysOnTheLine) {
    std::vector<glm::vec3> c{{0, 0, 0}, {0, 1, 0}, {0, 3, 0}, {0, 3.5f, 0}};
    for (const glm::vec3& p : catmullRomCentripetal(c, 8)) {
        EXPECT_NEAR(p.x, 0.0f, 1e-6f);
        EXPECT_NEAR(p.z, 0.0f, 1e-6f);
        EXPECT_GE(p.y, -1e-5f);
        EXPECT_LE(p.y, 3.5f + 1e-5f);
    }
}

TEST(Polyline, ClosestPoint) {
    auto p = lShape();
    PolylinePoint q = closestPointOnPolyline(p, {2, 1.5f, 0});
    EXPECT_EQ(q.segment, 1u);
    EXPECT_NEAR(q.t, 0.75f, 1e-6f);
    EXPECT_NEAR(q.arcLength, 2.5f, 1e-6f);
    EXPECT_NEAR(q.distance, 1.0f, 1e-6f);
    EXPECT_LT(glm::distance(q.point, glm::vec3(1, 1.5f, 0)), 1e-6f);
    EXPECT_TRUE(std::isinf(closestPointOnPolyline(std::vector<glm::vec3>{}, {0, 0, 0}).distance));
}

TEST(Polyline, SmoothKeepsEndsAndShrinksZigzag) {
    std::vector<glm::vec3> z;
    for (int i = 0; i < 11; ++i)
        z.emplace_back(static_cast<float>(i), (i % 2) ? 0.5f : -0.5f, 0.0f);
    auto s = smoothPolyline(z, 5);
    EXPECT_EQ(s.front(), z.front());
    EXPECT_EQ(s.back(), z.back());
    EXPECT_LT(std::abs(s[5].y), 0.1f);
}

TEST(Polyline, TangentAtArcLength) {
    auto p = lShape();
    EXPECT_LT(glm::distance(tangentAtArcLength(p, 0.5f), glm::vec3(1, 0, 0)), 1e-6f);
    EXPECT_LT(glm::distance(tangentAtArcLength(p, 2.0f), glm::vec3(0, 1, 0)), 1e-6f);
}
