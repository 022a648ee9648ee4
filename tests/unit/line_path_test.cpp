#include "geometry/line_path.h"

#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
#include "geometry/polyline.h"
#include "geometry_test_support.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <memory>

using namespace myoatlas::geometry;
namespace gt = myoatlas::geometry::testing;

namespace {

constexpr float kPi = 3.14159265f;

// Checks shared by the synthetic and real-data paths.
void expectContinuousAndSmooth(const LinePath& path, float spacing, float maxTurnDegrees) {
    ASSERT_GE(path.points.size(), 2u);
    ASSERT_EQ(path.arcLength.size(), path.points.size());
    float maxGap = 0.0f, maxTurn = 0.0f;
    for (size_t i = 1; i < path.points.size(); ++i) {
        maxGap = std::max(maxGap, glm::distance(path.points[i - 1], path.points[i]));
        if (i + 1 < path.points.size()) {
            glm::vec3 a = glm::normalize(path.points[i] - path.points[i - 1]);
            glm::vec3 b = glm::normalize(path.points[i + 1] - path.points[i]);
            maxTurn = std::max(maxTurn, std::acos(std::clamp(glm::dot(a, b), -1.0f, 1.0f)) * 180.0f / kPi);
        }
    }
    EXPECT_LE(maxGap, 1.5f * spacing);
    EXPECT_LE(maxTurn, maxTurnDegrees) << "kink in the path";
    EXPECT_NEAR(path.length, polylineLength(path.points), 1e-4f);
}

void expectVisitsInOrder(const LinePath& path) {
    for (size_t k = 1; k < path.visits.size(); ++k)
        EXPECT_LE(path.visits[k - 1].arcLength, path.visits[k].arcLength + 1e-4f) << "waypoint " << k;
    for (const WaypointVisit& v : path.visits)
        EXPECT_LE(v.begin, v.end);
}

// Fraction of the path samples over a track's span that are inside the track, or within `tolerance` of it.
float fractionInOrNear(const LinePath& path, const WaypointVisit& visit, const std::vector<const Mesh*>& meshes,
                       float tolerance, float* worst = nullptr) {
    Bvh bvh;
    bvh.build(std::span<const Mesh* const>(meshes));
    size_t total = 0, good = 0;
    float w = 0.0f;
    for (size_t i = 0; i < path.points.size(); ++i) {
        if (path.arcLength[i] < visit.begin || path.arcLength[i] > visit.end)
            continue;
        ++total;
        bool inside = insideClosedSurface(bvh, path.points[i]);
        float d = inside ? 0.0f : bvh.closestPoint(path.points[i]).distance;
        w = std::max(w, d);
        good += d <= tolerance ? 1 : 0;
    }
    if (worst != nullptr)
        *worst = w;
    return total ? static_cast<float>(good) / static_cast<float>(total) : 0.0f;
}

// Two "muscles" end to end along a bent route with stations before, between and after.
struct SyntheticLine {
    Mesh calf = gt::makeEllipsoid({0.0f, 0.25f, 0.02f}, {0.03f, 0.12f, 0.03f});
    Mesh thigh = gt::makeEllipsoid({0.02f, 0.6f, 0.0f}, {0.04f, 0.18f, 0.04f});
    std::vector<LineWaypoint> waypoints() const {
        return {LineWaypoint::station({0.0f, 0.05f, 0.05f}), LineWaypoint::track({&calf}),
                LineWaypoint::station({0.01f, 0.41f, 0.0f}), LineWaypoint::track({&thigh}),
                LineWaypoint::station({0.03f, 0.85f, -0.02f})};
    }
};

} // namespace

TEST(LinePath, EmptyAndSingleStation) {
    EXPECT_TRUE(buildLinePath({}).points.empty());
    std::vector<LineWaypoint> one{LineWaypoint::station({1, 2, 3})};
    LinePath p = buildLinePath(one);
    ASSERT_EQ(p.points.size(), 1u);
    EXPECT_EQ(p.visits.size(), 1u);
}

TEST(LinePath, StationsOnlyIsASmoothCurveThroughThem) {
    std::vector<LineWaypoint> w{LineWaypoint::station({0, 0, 0}), LineWaypoint::station({0.1f, 0.2f, 0}),
                                LineWaypoint::station({0, 0.4f, 0.05f}), LineWaypoint::station({0, 0.6f, 0})};
    LinePath p = buildLinePath(w);
    expectContinuousAndSmooth(p, 0.004f, 10.0f);
    expectVisitsInOrder(p);
    for (size_t k = 0; k < w.size(); ++k) {
        EXPECT_LT(p.visits[k].distance, 1e-3f);
        EXPECT_LT(glm::distance(pointAtArcLength(p.points, p.visits[k].arcLength), w[k].point), 2e-3f);
    }
    EXPECT_LT(glm::distance(p.points.front(), w.front().point), 1e-6f);
    EXPECT_LT(glm::distance(p.points.back(), w.back().point), 1e-6f);
}

TEST(LinePath, RunsThroughEachTrackInOrder) {
    SyntheticLine s;
    auto w = s.waypoints();
    LinePath p = buildLinePath(w);
    // The stations sit off the muscles' axes, so the line bends at them (pinned, ~12 degrees per 4 mm sample).
    expectContinuousAndSmooth(p, 0.004f, 15.0f);
    expectVisitsInOrder(p);
    for (size_t k : {0u, 2u, 4u})
        EXPECT_LT(p.visits[k].distance, 1e-3f) << "station " << k;
    float worst = 0.0f;
    EXPECT_GE(fractionInOrNear(p, p.visits[1], {&s.calf}, 0.0f, &worst), 0.99f); // strictly inside
    EXPECT_GE(fractionInOrNear(p, p.visits[3], {&s.thigh}, 0.0f, &worst), 0.99f);
    // Each track spans most of its muscle's length (0.24 and 0.36 m long).
    EXPECT_GT(p.visits[1].end - p.visits[1].begin, 0.15f);
    EXPECT_GT(p.visits[3].end - p.visits[3].begin, 0.25f);
}

TEST(LinePath, TrackOrientationFollowsTheStationsNotTheMeshOrder) {
    // The same line given top-down: the path must run top-down through both tracks.
    SyntheticLine s;
    auto w = s.waypoints();
    std::reverse(w.begin(), w.end());
    LinePath p = buildLinePath(w);
    expectVisitsInOrder(p);
    EXPECT_GT(p.points.front().y, p.points.back().y);
    for (size_t i = 1; i < p.visits[1].centreline.size(); ++i)
        EXPECT_LT(p.visits[1].centreline[i].y, p.visits[1].centreline[i - 1].y);
}

TEST(LinePath, StationBeyondATrackTipDoesNotMakeTheLineDoubleBack) {
    // A station a little inside the calf's upper tip: the centreline points beyond it are dropped, not revisited.
    Mesh calf = gt::makeEllipsoid({0.0f, 0.25f, 0.0f}, {0.03f, 0.12f, 0.03f});
    std::vector<LineWaypoint> w{LineWaypoint::station({0, 0.08f, 0}), LineWaypoint::track({&calf}),
                                LineWaypoint::station({0.0f, 0.33f, 0.0f}), LineWaypoint::station({0.1f, 0.5f, 0})};
    LinePath p = buildLinePath(w);
    expectContinuousAndSmooth(p, 0.004f, 15.0f);
    expectVisitsInOrder(p);
    for (size_t i = 1; i < p.points.size(); ++i) {
        if (p.arcLength[i] < p.visits[2].arcLength) {
            EXPECT_GT(p.points[i].y, p.points[i - 1].y - 1e-4f) << "doubles back at sample " << i;
        }
    }
}

TEST(LinePath, MirroredInputGivesMirroredOutput) {
    SyntheticLine s;
    Mesh calfL = gt::mirrorX(s.calf), thighL = gt::mirrorX(s.thigh);
    auto right = s.waypoints();
    std::vector<LineWaypoint> left;
    for (const LineWaypoint& w : right) {
        if (w.kind == LineWaypoint::Kind::Station)
            left.push_back(LineWaypoint::station({-w.point.x, w.point.y, w.point.z}));
        else
            left.push_back(LineWaypoint::track({w.meshes[0] == &s.calf ? &calfL : &thighL}));
    }
    LinePath r = buildLinePath(right), l = buildLinePath(left);
    ASSERT_EQ(r.points.size(), l.points.size());
    for (size_t i = 0; i < r.points.size(); ++i) {
        glm::vec3 m = l.points[i];
        m.x = -m.x;
        EXPECT_LT(glm::distance(m, r.points[i]), 1e-4f) << i;
    }
}

// ---- Real data: the right and left Superficial Back Line, heel to occiput. ----

namespace {

struct SideMeshes {
    Mesh calcaneal, gastroMedial, gastroLateral, bicepsFemoris, iliocostalis, longissimus, semispinalis;
};

std::unique_ptr<SideMeshes> loadSide(const std::filesystem::path& dir, bool left) {
    auto s = std::make_unique<SideMeshes>();
    auto f = [&](const char* right, const char* leftName) { return gt::loadGlb(dir / (left ? leftName : right)); };
    s->calcaneal = f("isa/connective/FJ1405_FMA258847_right_calcaneal_tendon.glb",
                     "isa/connective/FJ1405M_FMA264844_left_calcaneal_tendon.glb");
    s->gastroMedial = f("isa/muscles/FJ1397_FMA45957_medial_head_of_right_gastrocnemius.glb",
                        "isa/muscles/FJ1397M_FMA45958_medial_head_of_left_gastrocnemius.glb");
    s->gastroLateral = f("isa/muscles/FJ1394_FMA45960_lateral_head_of_right_gastrocnemius.glb",
                         "isa/muscles/FJ1394M_FMA45961_lateral_head_of_left_gastrocnemius.glb");
    s->bicepsFemoris = f("isa/muscles/FJ1395_FMA45888_long_head_of_right_biceps_femoris.glb",
                         "isa/muscles/FJ1395M_FMA45889_long_head_of_left_biceps_femoris.glb");
    s->iliocostalis = f("isa/muscles/FJ1527_FMA22740_right_iliocostalis_lumborum.glb",
                        "isa/muscles/FJ1527M_FMA22741_left_iliocostalis_lumborum.glb");
    s->longissimus = f("isa/muscles/FJ1535_FMA22751_right_longissimus_thoracis.glb",
                       "isa/muscles/FJ1535M_FMA22753_left_longissimus_thoracis.glb");
    s->semispinalis = f("isa/muscles/FJ1538_FMA22876_right_semispinalis_capitis.glb",
                        "isa/muscles/FJ1538M_FMA22877_left_semispinalis_capitis.glb");
    return s;
}

glm::vec3 extremeVertex(const Mesh& m, const glm::vec3& dir) {
    return *std::max_element(m.positions.begin(), m.positions.end(), [&](const glm::vec3& a, const glm::vec3& b) {
        return glm::dot(a, dir) < glm::dot(b, dir);
    });
}

// Stations stand in for the atlas landmarks: the heel (lowest point of the calcaneal tendon), the ischial
// tuberosity (top of the long head of biceps femoris), the occiput (top of semispinalis capitis).
std::vector<LineWaypoint> superficialBackLine(const SideMeshes& s) {
    return {LineWaypoint::station(extremeVertex(s.calcaneal, {0, -1, 0})),
            LineWaypoint::track({&s.calcaneal}),
            LineWaypoint::track({&s.gastroMedial, &s.gastroLateral}),
            LineWaypoint::track({&s.bicepsFemoris}),
            LineWaypoint::station(extremeVertex(s.bicepsFemoris, {0, 1, 0})),
            LineWaypoint::track({&s.iliocostalis, &s.longissimus}),
            LineWaypoint::track({&s.semispinalis}),
            LineWaypoint::station(extremeVertex(s.semispinalis, {0, 1, 0}))};
}

} // namespace

TEST(LinePathRealData, SuperficialBackLineThreadsItsTracksInOrderAndMirrors) {
    auto dir = gt::testDataDir();
    ASSERT_FALSE(dir.empty());
    auto right = loadSide(dir, false), left = loadSide(dir, true);
    ASSERT_GT(right->semispinalis.triangleCount(), 0u);
    ASSERT_GT(left->semispinalis.triangleCount(), 0u);
    auto wr = superficialBackLine(*right), wl = superficialBackLine(*left);
    LinePath r = buildLinePath(wr), l = buildLinePath(wl);

    // Real slice centroids wobble; after smoothing the sharpest bend is at the pinned ischial station (~20 degrees
    // per 4 mm sample). A kink would be a turn of 45 degrees or more.
    expectContinuousAndSmooth(r, 0.004f, 25.0f);
    expectVisitsInOrder(r);
    EXPECT_GT(r.length, 1.2f); // heel to occiput
    EXPECT_LT(r.length, 2.0f);
    for (size_t k = 0; k < wr.size(); ++k) {
        if (wr[k].kind == LineWaypoint::Kind::Station) {
            EXPECT_LT(r.visits[k].distance, 1e-3f) << "station " << k;
            continue;
        }
        // Inside the track, or within 3 mm of it, over the stretch of the path that follows its centreline.
        float worst = 0.0f;
        float frac = fractionInOrNear(r, r.visits[k], wr[k].meshes, 0.003f, &worst);
        EXPECT_GE(frac, 0.9f) << "track " << k << ", worst " << worst * 1000.0f << " mm";
        EXPECT_LT(worst, 0.010f) << "track " << k;
        EXPECT_GT(r.visits[k].end - r.visits[k].begin, 0.05f) << "track " << k;
    }

    // The left line is the right one mirrored about the body's midplane. BodyParts3D's left meshes are mirrors of
    // the right ones about x = c (c is about -0.6 mm, not 0): find c from a mesh pair.
    float c = 0.5f * (right->bicepsFemoris.bounds().center().x + left->bicepsFemoris.bounds().center().x);
    float worstMirror = 0.0f;
    for (const glm::vec3& p : l.points) {
        glm::vec3 m(2.0f * c - p.x, p.y, p.z);
        worstMirror = std::max(worstMirror, closestPointOnPolyline(r.points, m).distance);
    }
    EXPECT_LT(worstMirror, 0.002f);
    EXPECT_NEAR(l.length, r.length, 0.005f);
}
