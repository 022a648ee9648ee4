// Heat field: steady shape, zones, animation, determinism, combination, and the real skin (no bleeding).
#include "heat_test_data.h"
#include "scene/heat_field.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>

using namespace myoatlas;
using anatomy::ZoneKind;
using scene::HeatField;
using scene::HeatZone;

namespace {

constexpr int kN = 80; // 1 m grid, 12.5 mm cells
const glm::vec3 kEssentialSeed{0.3f, 0.5f, 0.0f};
const glm::vec3 kSpillSeed{0.7f, 0.5f, 0.0f};
constexpr float kRadius = 0.15f;

anatomy::ResolvedReferral gridReferral() {
    anatomy::ResolvedReferral r;
    r.trpId = "TEST-TP1";
    r.side = "right";
    r.trpPosition = {0.5f, 0.2f, 0.02f};
    r.zones.push_back({ZoneKind::Essential, {kEssentialSeed}, kRadius, "core"});
    r.zones.push_back({ZoneKind::Spillover, {kSpillSeed}, kRadius, "spill"});
    return r;
}

struct GridFixture : ::testing::Test {
    geometry::Mesh grid = testdata::makeGrid(kN);
    geometry::GeodesicSolver solver{grid};
    HeatField field{solver, gridReferral()};
};

} // namespace

TEST_F(GridFixture, EssentialIsHotterThanSpillover) {
    EXPECT_FLOAT_EQ(field.steadyAt(kEssentialSeed), scene::kEssentialHeat);
    EXPECT_NEAR(field.steadyAt(kSpillSeed), scene::kSpilloverHeat, 1e-6f);
    float maxSpill = 0.0f;
    for (size_t v = 0; v < grid.vertexCount(); ++v)
        if (grid.positions[v].x > 0.5f)
            maxSpill = std::max(maxSpill, field.steady()[v]);
    EXPECT_NEAR(maxSpill, scene::kSpilloverHeat, 1e-6f); // the spillover side never exceeds its plateau
    EXPECT_EQ(field.zoneAt(kEssentialSeed), HeatZone::Essential);
    EXPECT_EQ(field.zoneAt(kSpillSeed), HeatZone::Spillover);
    EXPECT_EQ(field.trpId(), "TEST-TP1");
    EXPECT_EQ(field.side(), "right");
}

TEST_F(GridFixture, ZeroFarAway) {
    for (size_t v = 0; v < grid.vertexCount(); ++v) {
        const glm::vec3& p = grid.positions[v];
        // 8% margin: the heat method's distance error on this grid is a few %.
        if (glm::length(p - kEssentialSeed) > 1.08f * kRadius && glm::length(p - kSpillSeed) > 1.08f * kRadius) {
            ASSERT_EQ(field.steady()[v], 0.0f) << p.x << " " << p.y;
        }
    }
    EXPECT_EQ(field.steadyAt({0.05f, 0.95f, 0.0f}), 0.0f);
    EXPECT_EQ(field.zoneAt({0.05f, 0.95f, 0.0f}), HeatZone::None);
}

TEST_F(GridFixture, FadesMonotonicallyFromTheSeed) {
    for (glm::vec3 dir : {glm::vec3(0, 1, 0), glm::vec3(-1, 0, 0), glm::normalize(glm::vec3(-1, -1, 0))}) {
        float previous = 2.0f;
        for (int i = 0; i <= 40; ++i) {
            float h = field.steadyAt(kEssentialSeed + dir * (0.2f * static_cast<float>(i) / 40.0f));
            EXPECT_LE(h, previous + 1e-3f) << "step " << i; // 1e-3: interpolation over distance noise
            previous = h;
        }
        EXPECT_EQ(previous, 0.0f);
    }
}

TEST_F(GridFixture, IsContinuousOverTheSurface) {
    // Steepest possible change: smoothstep slope 1.5 over the fade width (1 - core) * radius, times the longest
    // edge (a cell diagonal), with 15% for the heat method's distance error.
    const float longest = std::sqrt(2.0f) / kN;
    const float bound = 1.15f * 1.5f / ((1.0f - field.options().core) * kRadius) * longest;
    float worst = 0.0f;
    for (size_t t = 0; t < grid.triangleCount(); ++t)
        for (int k = 0; k < 3; ++k) {
            uint32_t a = grid.indices[t * 3 + k], b = grid.indices[t * 3 + (k + 1) % 3];
            worst = std::max(worst, std::abs(field.steady()[a] - field.steady()[b]));
        }
    EXPECT_LE(worst, bound);
    EXPECT_GT(worst, 0.0f);
}

TEST_F(GridFixture, AreaFractions) {
    // Classified where the falloff is >= 0.5: inside core + 0.5 (1 - core) of the radius, a disc of that radius.
    const float r = kRadius * (field.options().core + 0.5f * (1.0f - field.options().core));
    const float disc = 3.14159265f * r * r; // of 1 m^2
    EXPECT_NEAR(field.essentialAreaFraction(), disc, 0.12f * disc);
    EXPECT_NEAR(field.spilloverAreaFraction(), disc, 0.12f * disc);
}

TEST_F(GridFixture, AnimationSpreadsThenSettlesOnTheSteadyField) {
    EXPECT_GT(field.spreadSeconds(), 0.5f);
    EXPECT_LE(field.spreadSeconds(), field.options().spreadSeconds + 1e-4f);
    std::vector<float> frame;
    field.evaluate(0.0f, frame);
    ASSERT_EQ(frame.size(), grid.vertexCount());
    for (float h : frame)
        EXPECT_EQ(h, 0.0f);

    // Half way: the zone nearer the trigger point has started, the far edge not yet.
    field.evaluate(0.5f * field.spreadSeconds(), frame);
    float partial = 0.0f;
    size_t notYet = 0;
    for (size_t v = 0; v < frame.size(); ++v) {
        partial += frame[v];
        if (field.steady()[v] > 0.0f && frame[v] == 0.0f)
            ++notYet;
    }
    EXPECT_GT(partial, 0.0f);
    EXPECT_GT(notYet, 0u);

    // Settled: the envelope is the steady field exactly, the pulse stays within 80..100% of it.
    for (float t : {field.settleSeconds(), field.settleSeconds() + 0.37f, field.settleSeconds() + 5.0f}) {
        field.evaluate(t, frame);
        for (uint32_t v = 0; v < frame.size(); ++v) {
            const float s = field.steady()[v];
            ASSERT_EQ(field.envelopeAt(v, t), s);
            ASSERT_LE(frame[v], s);
            ASSERT_GE(frame[v], (1.0f - field.options().pulseDepth) * s - 1e-6f);
            ASSERT_EQ(frame[v], field.valueAt(v, t));
        }
    }
    // Arrival follows the distance from the trigger point.
    const uint32_t nearV = solver.nearestVertex({0.3f, 0.4f, 0.0f}), farV = solver.nearestVertex({0.3f, 0.62f, 0.0f});
    EXPECT_LT(field.arrivalSeconds()[nearV], field.arrivalSeconds()[farV]);
}

TEST_F(GridFixture, IsDeterministic) {
    HeatField again(solver, gridReferral());
    ASSERT_EQ(again.steady().size(), field.steady().size());
    EXPECT_TRUE(std::equal(again.steady().begin(), again.steady().end(), field.steady().begin()));
    EXPECT_TRUE(std::equal(again.zones().begin(), again.zones().end(), field.zones().begin()));
    std::vector<float> a, b;
    field.evaluate(0.9f, a);
    again.evaluate(0.9f, b);
    EXPECT_EQ(a, b);
}

TEST_F(GridFixture, SeveralTriggerPointsCombineWithMax) {
    anatomy::ResolvedReferral other;
    other.trpId = "TEST-TP2";
    other.side = "left";
    other.trpPosition = {0.5f, 0.8f, 0.0f};
    other.zones.push_back({ZoneKind::Spillover, {{0.35f, 0.5f, 0.0f}}, 0.1f, "overlap"});
    HeatField second(solver, other);
    const HeatField* both[] = {&field, &second};
    std::vector<float> combined, a, b;
    scene::combineSteady(both, combined);
    for (size_t v = 0; v < combined.size(); ++v)
        ASSERT_EQ(combined[v], std::max(field.steady()[v], second.steady()[v]));
    const float t = 0.8f;
    scene::evaluateCombined(both, t, combined);
    field.evaluate(t, a);
    second.evaluate(t, b);
    for (size_t v = 0; v < combined.size(); ++v)
        ASSERT_EQ(combined[v], std::max(a[v], b[v]));
}

TEST(HeatField, IgnoresEmptyZonesAndTinyRadii) {
    geometry::Mesh grid = testdata::makeGrid(20);
    geometry::GeodesicSolver solver(grid);
    anatomy::ResolvedReferral r;
    r.trpId = "X";
    r.trpPosition = {0.5f, 0.5f, 0.0f};
    r.zones.push_back({ZoneKind::Essential, {}, 0.1f, "no seeds"});
    r.zones.push_back({ZoneKind::Essential, {{0.5f, 0.5f, 0.0f}}, 0.0f, "zero radius"});
    HeatField field(solver, r);
    for (float h : field.steady())
        ASSERT_TRUE(std::isfinite(h));
    EXPECT_EQ(field.steadyAt({0.5f, 0.5f, 0.0f}), 1.0f);
    EXPECT_EQ(field.steadyAt({0.9f, 0.9f, 0.0f}), 0.0f);
}

// The real skin: a pattern on the right shoulder stays on the right shoulder, and one on the inner right thigh
// does not jump the 3 cm air gap to the left thigh.
TEST(HeatFieldRealSkin, DoesNotBleedAcrossTheBody) {
    geometry::Mesh skin = testdata::loadSkin();
    geometry::GeodesicSolver solver(skin);

    anatomy::ResolvedReferral shoulder;
    shoulder.trpId = "SHOULDER-TEST";
    shoulder.side = "right";
    shoulder.trpPosition = {-0.12f, 1.40f, -0.02f}; // +X is the subject's left: right side is -X
    shoulder.zones.push_back({ZoneKind::Essential, {{-0.16f, 1.36f, 0.05f}}, 0.12f, "right shoulder"});
    shoulder.zones.push_back({ZoneKind::Spillover, {{-0.20f, 1.22f, 0.04f}}, 0.10f, "right upper arm"});
    HeatField field(solver, shoulder);
    EXPECT_GT(field.steadyAt({-0.16f, 1.36f, 0.05f}), 0.99f);
    EXPECT_LT(field.steadyAt({0.16f, 1.36f, 0.05f}), 0.01f); // left shoulder
    for (size_t v = 0; v < skin.vertexCount(); ++v) {
        const glm::vec3& p = skin.positions[v];
        if (p.y < 0.9f || p.x > 0.0f) { // legs, left half
            ASSERT_EQ(field.steady()[v], 0.0f) << p.x << " " << p.y << " " << p.z;
        }
    }
    EXPECT_GT(field.essentialAreaFraction(), 0.0f);
    EXPECT_LT(field.essentialAreaFraction(), 0.05f);

    // Inner thighs: find the two skin vertices nearest the midline at mid-thigh height.
    uint32_t right = 0, left = 0;
    float rightX = -1.0f, leftX = 1.0f;
    for (uint32_t v = 0; v < skin.vertexCount(); ++v) {
        const glm::vec3& p = skin.positions[v];
        if (std::abs(p.y - 0.55f) > 0.01f || std::abs(p.x) > 0.1f)
            continue;
        if (p.x < 0.0f && p.x > rightX) {
            rightX = p.x;
            right = v;
        }
        if (p.x >= 0.0f && p.x < leftX) {
            leftX = p.x;
            left = v;
        }
    }
    const float gap = glm::length(skin.positions[right] - skin.positions[left]);
    ASSERT_LT(gap, 0.05f); // the thighs nearly touch here
    anatomy::ResolvedReferral thigh;
    thigh.trpId = "THIGH-TEST";
    thigh.side = "right";
    thigh.trpPosition = skin.positions[right];
    thigh.zones.push_back({ZoneKind::Essential, {skin.positions[right]}, 0.10f, "inner right thigh"});
    HeatField thighField(solver, thigh);
    EXPECT_EQ(thighField.steady()[right], 1.0f);
    EXPECT_EQ(thighField.steady()[left], 0.0f) << "gap " << gap;
    for (size_t v = 0; v < skin.vertexCount(); ++v)
        if (skin.positions[v].x > 0.0f && skin.positions[v].y < 0.65f) { // nothing on the left leg
            ASSERT_EQ(thighField.steady()[v], 0.0f) << v;
        }
}

TEST_F(GridFixture, TheEssentialZoneFillsBeforeTheSpillover) {
    // A class sees where the pain is felt first, then where it may spread: essential skin arrives within the first
    // essentialShare of the spread, spillover skin after it, each by its distance from the trigger point.
    const float essentialEnd = field.spreadSeconds() * field.options().essentialShare;
    size_t essential = 0, spill = 0;
    for (uint32_t v = 0; v < field.vertexCount(); ++v) {
        if (field.steady()[v] <= 0.0f)
            continue;
        if (field.zones()[v] == HeatZone::Essential) {
            EXPECT_LE(field.arrivalSeconds()[v], essentialEnd + 1e-4f);
            ++essential;
        } else if (field.zones()[v] == HeatZone::Spillover && field.steady()[v] <= scene::kSpilloverHeat) {
            EXPECT_GE(field.arrivalSeconds()[v], essentialEnd - 1e-4f);
            ++spill;
        }
    }
    EXPECT_GT(essential, 0u);
    EXPECT_GT(spill, 0u);
    EXPECT_NEAR(field.settleSeconds(), 3.0f, 1e-4f); // spread 2.6 s + rise 0.4 s: "over about 3 s, then holds"
}
