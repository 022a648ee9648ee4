// Reverse lookup: which trigger points could refer pain to these spots.
#include "heat_test_data.h"
#include "scene/suspects.h"

#include <gtest/gtest.h>

using namespace myoatlas;
using anatomy::ZoneKind;
using scene::HeatZone;
using scene::SuspectCandidate;

namespace {

// Four vertices; candidates given directly as arrays.
const std::vector<float> kCoversAll{1.0f, 1.0f, 1.0f, 0.0f};
const std::vector<float> kSpillAll{0.45f, 0.45f, 0.45f, 0.0f};
const std::vector<float> kOneSpot{1.0f, 0.0f, 0.0f, 0.0f};
const std::vector<float> kNothing{0.0f, 0.0f, 0.0f, 1.0f};

} // namespace

TEST(Suspects, EssentialOverlapOutranksSpillover) {
    std::vector<SuspectCandidate> candidates{
        {"SPILL", "left", kSpillAll, {}},
        {"NONE", "left", kNothing, {}},
        {"CORE", "right", kCoversAll, {}},
        {"SPOT", "left", kOneSpot, {}},
    };
    std::vector<uint32_t> pain{0, 1, 2};
    auto ranked = scene::rankSuspects(pain, candidates);
    ASSERT_EQ(ranked.size(), 3u); // NONE covers nothing and is left out
    EXPECT_EQ(ranked[0].trpId, "CORE");
    EXPECT_FLOAT_EQ(ranked[0].score, 1.0f);
    EXPECT_EQ(ranked[0].essentialHits, 3u);
    EXPECT_EQ(ranked[1].trpId, "SPILL"); // 0.45 everywhere beats 1.0 on one spot of three (0.33)
    EXPECT_EQ(ranked[1].spilloverHits, 3u);
    EXPECT_EQ(ranked[1].essentialHits, 0u);
    EXPECT_EQ(ranked[2].trpId, "SPOT");
    EXPECT_EQ(ranked[2].essentialHits, 1u);
}

TEST(Suspects, TiesAreBrokenDeterministically) {
    // Same score: more essential hits first, then trpId, then side.
    const std::vector<float> mixed{1.0f, 0.0f, 0.35f, 0.0f}; // mean 0.45, as `even`
    const std::vector<float> even{0.45f, 0.45f, 0.45f, 0.0f};
    std::vector<SuspectCandidate> candidates{
        {"B", "right", kCoversAll, {}}, {"A", "right", kCoversAll, {}}, {"A", "left", kCoversAll, {}},
        {"EVEN", "left", even, {}},     {"MIXED", "left", mixed, {}},
    };
    std::vector<uint32_t> pain{0, 1, 2};
    auto ranked = scene::rankSuspects(pain, candidates);
    ASSERT_EQ(ranked.size(), 5u);
    EXPECT_EQ(ranked[0].trpId + "/" + ranked[0].side, "A/left");
    EXPECT_EQ(ranked[1].trpId + "/" + ranked[1].side, "A/right");
    EXPECT_EQ(ranked[2].trpId, "B");
    EXPECT_EQ(ranked[3].trpId, "MIXED"); // equal score to EVEN, but one essential hit
    EXPECT_EQ(ranked[4].trpId, "EVEN");
    std::reverse(candidates.begin(), candidates.end()); // input order does not matter
    auto again = scene::rankSuspects(pain, candidates);
    for (size_t i = 0; i < ranked.size(); ++i) {
        EXPECT_EQ(again[i].trpId, ranked[i].trpId);
        EXPECT_EQ(again[i].side, ranked[i].side);
    }
}

TEST(Suspects, WeightsAndLimits) {
    std::vector<SuspectCandidate> candidates{{"SPOT", "left", kOneSpot, {}}, {"SPILL", "left", kSpillAll, {}}};
    std::vector<uint32_t> pain{0, 1};
    std::vector<float> weights{10.0f, 1.0f}; // the first spot hurts most
    auto ranked = scene::rankSuspects(pain, candidates, weights);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].trpId, "SPOT");
    EXPECT_NEAR(ranked[0].score, 10.0f / 11.0f, 1e-6f);
    scene::SuspectOptions top1;
    top1.maxResults = 1;
    EXPECT_EQ(scene::rankSuspects(pain, candidates, weights, top1).size(), 1u);
    EXPECT_TRUE(scene::rankSuspects({}, candidates).empty());
    std::vector<uint32_t> outside{99};
    EXPECT_THROW((void)scene::rankSuspects(outside, candidates), std::invalid_argument);
}

TEST(Suspects, FromHeatFieldsOnTheSkin) {
    const int n = 60;
    geometry::Mesh grid = testdata::makeGrid(n);
    geometry::GeodesicSolver solver(grid);
    auto referral = [](std::string id, glm::vec3 essential, glm::vec3 spill) {
        anatomy::ResolvedReferral r;
        r.trpId = std::move(id);
        r.side = "right";
        r.trpPosition = essential;
        r.zones.push_back({ZoneKind::Essential, {essential}, 0.12f, ""});
        r.zones.push_back({ZoneKind::Spillover, {spill}, 0.15f, ""});
        return r;
    };
    // P refers essentially to the pain spot; Q only spills over onto it; R is elsewhere.
    scene::HeatField p(solver, referral("P", {0.2f, 0.2f, 0}, {0.8f, 0.8f, 0}));
    scene::HeatField q(solver, referral("Q", {0.8f, 0.2f, 0}, {0.25f, 0.22f, 0}));
    scene::HeatField r(solver, referral("R", {0.8f, 0.8f, 0}, {0.6f, 0.8f, 0}));
    const scene::HeatField* fields[] = {&r, &q, &p};
    std::vector<glm::vec3> pain{{0.21f, 0.2f, 0.0f}, {0.23f, 0.24f, 0.0f}};
    auto ranked = scene::rankSuspects(solver, pain, fields);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].trpId, "P");
    EXPECT_EQ(ranked[0].essentialHits, 2u);
    EXPECT_EQ(ranked[1].trpId, "Q");
    EXPECT_EQ(ranked[1].spilloverHits, 2u);
    EXPECT_GT(ranked[0].score, 2.0f * ranked[1].score);

    // Straight from the patterns (one solve per pain point): same order, same hits, scores within the heat
    // method's asymmetry.
    std::vector<anatomy::ResolvedReferral> patterns{referral("R", {0.8f, 0.8f, 0}, {0.6f, 0.8f, 0}),
                                                    referral("Q", {0.8f, 0.2f, 0}, {0.25f, 0.22f, 0}),
                                                    referral("P", {0.2f, 0.2f, 0}, {0.8f, 0.8f, 0})};
    auto direct = scene::rankSuspects(solver, pain, patterns);
    ASSERT_EQ(direct.size(), ranked.size());
    for (size_t i = 0; i < ranked.size(); ++i) {
        EXPECT_EQ(direct[i].trpId, ranked[i].trpId);
        EXPECT_EQ(direct[i].essentialHits, ranked[i].essentialHits);
        EXPECT_EQ(direct[i].spilloverHits, ranked[i].spilloverHits);
        EXPECT_NEAR(direct[i].score, ranked[i].score, 0.03f);
    }
}
