// Referred-pain heat in the program on the real body: `myoatlas heat --json` against well-known FACTS
// patterns, the reverse lookup, and the heat feature painting the same field it reports. Needs MYOATLAS_TEST_DATA.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "app/heat_feature.h"
#include "core/error.h"
#include "report/heat_report.h"
#include "scene/options.h"
#include "support/test_body.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <set>

using namespace myoatlas;
using nlohmann::json;

namespace {

// One body, atlas, resolver and skin solver per process: the solver takes about a second to factor.
struct World {
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    anatomy::AtlasResolver resolver{atlas, test::testBody()};
    app::FeatureContext context{test::testBody(), &atlas, &resolver, {}};
    scene::SkinHeat skin{context.body, context.atlas, context.resolver, context.atlasError};
};

World& world() {
    static World w;
    return w;
}

const json& heat(const std::string& trp, const std::string& side = "right") {
    static std::map<std::string, json> cache;
    auto key = trp + "/" + side;
    if (!cache.contains(key))
        cache[key] = report::heatJson(world().context, world().skin, {trp, side, -1.0f});
    return cache[key];
}

double at(const json& j, const std::string& landmark) {
    const json& v = j.at("landmarks").at(landmark);
    EXPECT_FALSE(v.is_null()) << landmark << " did not resolve";
    return v.is_null() ? -1.0 : v.get<double>();
}

// Near zero: no heat reaches a place the pattern does not name.
constexpr double kFar = 0.02;
// High: inside an essential zone's core (level 1.0) or at least clearly in its fade.
constexpr double kHigh = 0.6;

std::vector<std::string> topMuscles(const json& suspects, size_t n) {
    std::vector<std::string> out;
    for (const auto& s : suspects.at("suspects"))
        if (out.size() < n)
            out.push_back(s.at("muscle").get<std::string>());
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

TEST(HeatJson, ListsEveryLandmarkWithSidedOnesOnBothSides) {
    const json& j = heat("TRAPU-TP1");
    size_t expected = 0;
    for (const auto& l : world().atlas.landmarks)
        expected += l.sided ? 2 : 1;
    EXPECT_EQ(j.at("landmarks").size(), expected);
    EXPECT_TRUE(j.at("landmarks").contains("acromion_l"));
    EXPECT_TRUE(j.at("landmarks").contains("acromion_r"));
    EXPECT_TRUE(j.at("landmarks").contains("c7"));
    for (const auto& [name, v] : j.at("landmarks").items()) {
        ASSERT_FALSE(v.is_null()) << name;
        EXPECT_GE(v.get<double>(), 0.0) << name;
        EXPECT_LE(v.get<double>(), 1.0) << name;
    }
    EXPECT_EQ(j.at("trp_position").size(), 3u);
    EXPECT_EQ(j.at("muscle"), "trapezius_upper");
}

TEST(HeatJson, UpperTrapeziusHeatsTempleAndMastoidNotTheRestOfTheBody) {
    const json& j = heat("TRAPU-TP1");
    // FACTS: posterolateral neck to the mastoid, around the ear to the temple (essential).
    EXPECT_GT(at(j, "temple_r"), kHigh);
    EXPECT_GT(at(j, "mastoid_tip_r"), kHigh);
    // Spillover: the angle of the jaw, clearly weaker than the essential zone.
    EXPECT_GT(at(j, "mandible_angle_r"), 0.2);
    EXPECT_LT(at(j, "mandible_angle_r"), at(j, "temple_r"));
    for (const char* far : {"temple_l", "mastoid_tip_l", "heel_back_r", "big_toe_tip_r", "fingertip_r", "omphalion",
                            "l4", "patella_mid_r", "iliac_crest_top_r", "nipple_r"})
        EXPECT_LT(at(j, far), kFar) << far;
}

TEST(HeatJson, EssentialZoneIsStrongerAndLargerThanZeroAndSpilloverIsWeaker) {
    for (const char* id : {"TRAPU-TP1", "INFRA-TP1", "GMIN-ANT", "QL-SUP-UP", "SOL-TP1", "SCMS-TP2"}) {
        const json& j = heat(id);
        EXPECT_GT(j.at("essential_area_fraction").get<double>(), 0.001) << id;
        EXPECT_GT(j.at("spillover_area_fraction").get<double>(), 0.0) << id;
        // No pattern covers more than a fifth of the skin.
        EXPECT_LT(j.at("essential_area_fraction").get<double>() + j.at("spillover_area_fraction").get<double>(), 0.2)
            << id;
    }
}

TEST(HeatJson, SternocleidomastoidSternalHeatsCheekAndEyeSideOnly) {
    const json& j = heat("SCMS-TP2");
    EXPECT_GT(at(j, "maxilla_cheek_r"), kHigh);
    EXPECT_GT(at(j, "supraorbital_r"), kHigh);
    EXPECT_GT(at(j, "menton"), 0.2); // spillover: the point of the chin
    EXPECT_LT(at(j, "menton"), at(j, "maxilla_cheek_r"));
    for (const char* far : {"maxilla_cheek_l", "supraorbital_l", "c7", "acromion_r", "heel_back_r"})
        EXPECT_LT(at(j, far), kFar) << far;
}

TEST(HeatJson, InfraspinatusHeatsFrontOfShoulderAndArmNotTheBack) {
    const json& j = heat("INFRA-TP1");
    EXPECT_GT(at(j, "bicipital_groove_r"), kHigh); // deep in the front of the shoulder (essential)
    EXPECT_GT(at(j, "radial_styloid_r"), 0.2);     // radial forearm (spillover)
    EXPECT_LT(at(j, "radial_styloid_r"), at(j, "bicipital_groove_r"));
    for (const char* far : {"bicipital_groove_l", "scapula_inferior_angle_l", "heel_back_r", "temple_r", "l4"})
        EXPECT_LT(at(j, far), kFar) << far;
}

TEST(HeatJson, GluteusMinimusHeatsTheOutsideOfTheThighAndLegNotTheHead) {
    const json& j = heat("GMIN-ANT");
    EXPECT_GT(at(j, "greater_trochanter_r"), kHigh);         // essential: outside of the thigh
    EXPECT_GT(at(j, "lateral_femoral_epicondyle_r"), kHigh); // to the outside of the knee
    EXPECT_GT(at(j, "lateral_malleolus_r"), 0.2);            // spillover: down to the lateral ankle
    EXPECT_LT(at(j, "lateral_malleolus_r"), at(j, "greater_trochanter_r"));
    for (const char* far : {"greater_trochanter_l", "medial_malleolus_l", "temple_r", "acromion_r", "omphalion"})
        EXPECT_LT(at(j, far), kFar) << far;
}

TEST(HeatJson, QuadratusLumborumHeatsTheIliacCrestOnItsSide) {
    const json& j = heat("QL-SUP-UP");
    EXPECT_GT(at(j, "iliac_crest_top_r"), kHigh);
    for (const char* far : {"iliac_crest_top_l", "heel_back_r", "temple_r", "acromion_r", "patella_mid_r"})
        EXPECT_LT(at(j, far), kFar) << far;
}

TEST(HeatJson, SoleusHeatsTheHeelNotTheOtherFoot) {
    const json& j = heat("SOL-TP1");
    EXPECT_GT(at(j, "heel_back_r"), kHigh);
    EXPECT_GT(at(j, "heel_plantar_r"), kHigh);
    for (const char* far : {"heel_back_l", "heel_plantar_l", "patella_mid_r", "greater_trochanter_r", "temple_r"})
        EXPECT_LT(at(j, far), kFar) << far;
}

TEST(HeatJson, LeftTriggerPointHeatsTheLeftSide) {
    const json& l = heat("TRAPU-TP1", "left");
    const json& r = heat("TRAPU-TP1", "right");
    EXPECT_GT(at(l, "temple_l"), kHigh);
    EXPECT_LT(at(l, "temple_r"), kFar);
    // Mirror images: the left pattern on the left matches the right pattern on the right.
    EXPECT_NEAR(at(l, "temple_l"), at(r, "temple_r"), 0.15);
    EXPECT_NEAR(at(l, "mastoid_tip_l"), at(r, "mastoid_tip_r"), 0.15);
    // +X is the subject's left.
    EXPECT_GT(l.at("trp_position")[0].get<double>(), 0.0);
    EXPECT_LT(r.at("trp_position")[0].get<double>(), 0.0);
    double leftSum = 0, rightSum = 0;
    for (const auto& [name, v] : l.at("landmarks").items()) {
        if (name.ends_with("_l"))
            leftSum += v.get<double>();
        if (name.ends_with("_r"))
            rightSum += v.get<double>();
    }
    EXPECT_GT(leftSum, 5 * rightSum + 0.5);
}

TEST(HeatJson, AnimatedValuesRiseFromZeroToTheSteadyPattern) {
    report::HeatRequest early{"TRAPU-TP1", "right", 0.0f};
    json j0 = report::heatJson(world().context, world().skin, early);
    EXPECT_LT(j0.at("landmarks_at_time").at("temple_r").get<double>(), 0.01) << "the front has not left the TrP";
    const double settle = j0.at("settle_seconds").get<double>();
    report::HeatRequest late{"TRAPU-TP1", "right", static_cast<float>(settle + 0.25)};
    json j1 = report::heatJson(world().context, world().skin, late);
    for (const auto& [name, v] : j1.at("landmarks_at_time").items()) {
        double steady = j1.at("landmarks").at(name).get<double>();
        // After settling, the pulse moves heat between 80 % and 100 % of the steady value (pulseDepth 0.2).
        EXPECT_LE(v.get<double>(), steady + 1e-3) << name;
        EXPECT_GE(v.get<double>(), 0.8 * steady - 1e-3) << name;
    }
}

TEST(HeatJson, FieldIsContinuousOverTheSkin) {
    const geometry::GeodesicSolver& solver = world().skin.solver();
    anatomy::ResolvedReferral ref = world().skin.referral("TRAPU-TP1", anatomy::Side::Right);
    scene::HeatField field(solver, ref);
    auto steady = field.steady();
    auto pos = solver.positions();
    auto idx = solver.indices();
    auto area = solver.vertexAreas();
    float minRadius = 1e9f;
    for (const auto& z : ref.zones)
        minRadius = std::min(minRadius, z.radius);
    // The steepest part of a zone's fade is the smoothstep's middle: slope 1.5 / ((1 - core) * radius) per metre.
    // The heat method's distance is smooth but not exactly 1-Lipschitz: allow twice that.
    const float maxSlope = 2.0f * 1.5f / ((1.0f - field.options().core) * minRadius);
    size_t checked = 0, jumps = 0;
    for (size_t t = 0; t < idx.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            uint32_t a = idx[t + e], b = idx[t + (e + 1) % 3];
            if (area[a] <= 0.0f || area[b] <= 0.0f)
                continue; // inner wall: not painted
            float len = glm::length(pos[a] - pos[b]);
            float dh = std::abs(steady[a] - steady[b]);
            if (dh - maxSlope * len > 0.02f)
                ++jumps;
            ++checked;
        }
    EXPECT_GT(checked, 100000u);
    // Known exception: the heat method's distance jumps across 2 edges of a sharp fold at the right eyelid (a
    // geodesic artefact of the mesh there, not of the heat code). Allow that many in 10^4, no more.
    EXPECT_LE(jumps, checked / 10000) << jumps << " jumps in the heat along skin edges";
    // glTF seams: vertices split at the same position carry the same heat.
    std::map<std::tuple<float, float, float>, float> seen;
    size_t seams = 0;
    for (size_t v = 0; v < pos.size(); ++v) {
        if (area[v] <= 0.0f)
            continue;
        auto [it, inserted] = seen.try_emplace({pos[v].x, pos[v].y, pos[v].z}, steady[v]);
        if (!inserted) {
            ++seams;
            EXPECT_NEAR(it->second, steady[v], 1e-4f);
        }
    }
    (void)seams;
}

TEST(HeatJson, UnknownTriggerPointOrSideIsAUsageError) {
    EXPECT_THROW((void)report::heatJson(world().context, world().skin, {"NOPE-TP9", "right", -1.0f}), core::UsageError);
    EXPECT_THROW((void)report::heatJson(world().context, world().skin, {"TRAPU-TP1", "middle", -1.0f}),
                 core::UsageError);
    EXPECT_THROW((void)report::heatJson(world().context, world().skin, {"PECMAJ-ARRHYTHMIA", "left", -1.0f}),
                 core::UsageError);
}

TEST(Suspects, HeelPainPointsToSoleusOnThatSide) {
    json j = report::suspectsJson(world().context, world().skin, {{"heel_back_r", "heel_plantar_r"}, {}, "right", 10});
    ASSERT_FALSE(j.at("suspects").empty());
    EXPECT_EQ(j.at("suspects")[0].at("muscle"), "soleus");
    EXPECT_EQ(j.at("suspects")[0].at("side"), "right");
    EXPECT_EQ(j.at("pain").size(), 2u);
    for (const auto& s : j.at("suspects"))
        EXPECT_NE(s.at("side"), "left") << s.dump();
}

TEST(Suspects, TempleAndMastoidPointToTheUpperTrapezius) {
    json j = report::suspectsJson(world().context, world().skin, {{"temple", "mastoid_tip"}, {}, "left", 5});
    auto top = topMuscles(j, 3);
    EXPECT_TRUE(contains(top, "trapezius_upper")) << j.at("suspects").dump(1);
    EXPECT_EQ(j.at("suspects")[0].at("side"), "left");
}

TEST(Suspects, IliacCrestPointsToQuadratusLumborum) {
    json j = report::suspectsJson(world().context, world().skin, {{"iliac_crest_top_r"}, {}, "right", 5});
    EXPECT_TRUE(contains(topMuscles(j, 3), "quadratus_lumborum")) << j.at("suspects").dump(1);
}

TEST(Suspects, OutsideOfTheKneeListsGluteusMinimusAndEssentialBeatsSpillover) {
    json j = report::suspectsJson(world().context, world().skin,
                                  {{"lateral_femoral_epicondyle_r", "radial_styloid_r"}, {}, "right", 0});
    EXPECT_TRUE(contains(topMuscles(j, 5), "gluteus_minimus")) << j.at("suspects").dump(1);
    // The radial forearm is infraspinatus spillover only: listed, below the essential matches.
    EXPECT_TRUE(contains(topMuscles(j, 100), "infraspinatus")) << j.at("suspects").dump(1);
    const auto& list = j.at("suspects");
    for (size_t i = 1; i < list.size(); ++i)
        EXPECT_GE(list[i - 1].at("score").get<double>(), list[i].at("score").get<double>());
    // An essential hit scores above any candidate that only reaches the point with its spillover.
    double bestSpillOnly = 0.0, worstEssential = 1.0;
    for (const auto& s : list) {
        if (s.at("essential_hits").get<int>() > 0)
            worstEssential = std::min(worstEssential, s.at("score").get<double>());
        else
            bestSpillOnly = std::max(bestSpillOnly, s.at("score").get<double>());
    }
    EXPECT_GT(worstEssential, bestSpillOnly);
}

TEST(Suspects, PointsGivenAsCoordinatesWork) {
    auto heel = world().resolver.landmark("heel_back_r", anatomy::Side::Right);
    ASSERT_TRUE(heel);
    std::string p = std::to_string(heel->x) + "," + std::to_string(heel->y) + "," + std::to_string(heel->z);
    json j = report::suspectsJson(world().context, world().skin, {{}, {p}, "right", 3});
    EXPECT_EQ(j.at("suspects")[0].at("muscle"), "soleus");
    EXPECT_THROW((void)report::suspectsJson(world().context, world().skin, {{}, {"1,2"}, "right", 3}),
                 core::UsageError);
    EXPECT_THROW((void)report::suspectsJson(world().context, world().skin, {{"nowhere_r"}, {}, "right", 3}),
                 core::UsageError);
}

// --- The feature paints exactly the field the JSON reports ---------------------------------------------------

TEST(HeatFeature, HeadlessFramePaintsTheSteadyFieldOnTheSkin) {
    app::HeatFeature feature(world().context);
    scene::AppState state;
    scene::apply(state, test::testBody(), scene::ShowTriggerPoint{{"TRAPU-TP1", "right"}, false});
    feature.update(state, 1e6); // the render command's first and only update
    const app::HeatOutput* out = feature.heat();
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(out->structure, *test::testBody().skin());
    scene::HeatField field(world().skin.solver(), world().skin.referral("TRAPU-TP1", anatomy::Side::Right));
    ASSERT_EQ(out->values.size(), field.vertexCount());
    for (size_t v = 0; v < out->values.size(); ++v)
        ASSERT_EQ(out->values[v], field.steady()[v]) << v;
    // Markers: the knot within its taut band, drawn on top of the layers; no satellites until asked for.
    std::vector<render::OverlayMesh> overlays;
    feature.appendOverlays(overlays);
    ASSERT_EQ(overlays.size(), 1u);
    EXPECT_TRUE(overlays[0].onTop);
    // Asked for: its 8 satellites, joined by a chain of tubes.
    feature.panel().showSatellites = true;
    feature.update(state, 1e6);
    overlays.clear();
    feature.appendOverlays(overlays);
    ASSERT_GE(overlays.size(), 2u);
    for (const auto& o : overlays)
        EXPECT_TRUE(o.onTop);
    EXPECT_GT(overlays[1].flowSpeed, 0.0f) << "the chain flows from the key trigger point to the satellite";
}

TEST(HeatFeature, FixedTimeAndLiveAnimation) {
    app::HeatFeature feature(world().context);
    scene::AppState state;
    feature.update(state, 0.0); // empty start, as in the window
    scene::apply(state, test::testBody(), scene::ShowTriggerPoint{{"SOL-TP1", "right"}, false});
    bool animating = feature.update(state, 0.1);
    EXPECT_TRUE(animating);
    feature.finishPending();
    feature.update(state, 0.2);
    ASSERT_NE(feature.heat(), nullptr);
    scene::HeatField field(world().skin.solver(), world().skin.referral("SOL-TP1", anatomy::Side::Right));
    // Live: time runs from when the field was ready; early on the heel is not yet fully hot.
    float t = feature.shownTime();
    EXPECT_LT(t, field.settleSeconds());
    std::vector<float> expected;
    field.evaluate(t, expected);
    uint32_t heel =
        world().skin.solver().nearestVertex(*world().resolver.landmark("heel_back_r", anatomy::Side::Right));
    EXPECT_NEAR(feature.heat()->values[heel], expected[heel], 1e-4f);
    EXPECT_LT(feature.heat()->values[heel], field.steady()[heel] - 0.05f);
    // Frozen at t = 5 s: exactly the field at 5 s, and no more animation.
    scene::apply(state, test::testBody(), scene::SetHeatTime{5.0f});
    EXPECT_FALSE(feature.update(state, 0.3));
    field.evaluate(5.0f, expected);
    EXPECT_EQ(feature.heat()->values, expected);
    EXPECT_FLOAT_EQ(feature.shownTime(), 5.0f);
    // Play carries on from the frozen time.
    scene::apply(state, test::testBody(), scene::SetHeatTime{-1.0f});
    EXPECT_TRUE(feature.update(state, 0.4));
    EXPECT_NEAR(feature.shownTime(), 5.1f, 1e-3f);
    // Hiding the pattern clears the heat.
    scene::apply(state, test::testBody(), scene::ClearTriggerPoints{});
    feature.update(state, 0.5);
    EXPECT_EQ(feature.heat(), nullptr);
}

TEST(HeatFeature, SeveralPatternsCombineWithMax) {
    app::HeatFeature feature(world().context);
    scene::AppState state;
    scene::apply(state, test::testBody(), scene::ShowTriggerPoint{{"SOL-TP1", "right"}, true});
    scene::apply(state, test::testBody(), scene::ShowTriggerPoint{{"TRAPU-TP1", "left"}, true});
    feature.update(state, 1e6);
    ASSERT_NE(feature.heat(), nullptr);
    scene::HeatField a(world().skin.solver(), world().skin.referral("SOL-TP1", anatomy::Side::Right));
    scene::HeatField b(world().skin.solver(), world().skin.referral("TRAPU-TP1", anatomy::Side::Left));
    const auto& v = feature.heat()->values;
    for (size_t i = 0; i < v.size(); i += 97)
        ASSERT_EQ(v[i], std::max(a.steady()[i], b.steady()[i])) << i;
}

TEST(HeatFeature, ItHurtsHereClicksAddPainPointsOnTheSkinAndRankSuspects) {
    app::HeatFeature feature(world().context);
    scene::AppState state;
    feature.panel().painMode = true;
    auto heel = world().resolver.landmark("heel_back_r", anatomy::Side::Right);
    ASSERT_TRUE(heel);
    scene::Pick pick;
    pick.point = *heel + glm::vec3(0.0f, 0.0f, 0.01f); // under the skin, as a click on the faded skin hits
    scene::Commands out;
    EXPECT_TRUE(feature.onBodyClick(scene::BodyClick{pick, false}, state, out));
    ASSERT_EQ(out.list().size(), 1u);
    const auto* add = std::get_if<scene::AddPainPoint>(&out.list()[0]);
    ASSERT_NE(add, nullptr);
    EXPECT_LT(world().resolver.distanceToSkin(add->point), 0.002f);
    scene::applyAll(state, test::testBody(), out);
    feature.update(state, 1e6);
    ASSERT_FALSE(feature.suspects().empty());
    EXPECT_EQ(world().atlas.triggerPoint(feature.suspects()[0].trpId)->muscle, "soleus");
    auto model = feature.panelModel(state);
    EXPECT_FALSE(model.suspectsPending);
    EXPECT_FALSE(model.suspects.empty());
}

TEST(HeatFeature, SelectingAMuscleListsItsTriggerPointsAndMarksThem) {
    app::HeatFeature feature(world().context);
    scene::AppState state;
    auto infra = scene::findStructures(test::testBody(), "left infraspinatus muscle");
    ASSERT_FALSE(infra.empty());
    scene::apply(state, test::testBody(), scene::SelectStructure{infra[0], false, true});
    feature.update(state, 0.0);
    auto model = feature.panelModel(state);
    ASSERT_EQ(model.selectedMuscles.size(), 1u);
    EXPECT_EQ(model.selectedMuscles[0].id, "infraspinatus");
    EXPECT_EQ(model.selectedMuscles[0].side, anatomy::Side::Left);
    std::vector<render::OverlayMesh> overlays;
    feature.appendOverlays(overlays);
    ASSERT_EQ(overlays.size(), 1u);
    // Three markers (knot, rim and taut band each), on the left (+X) side.
    EXPECT_GT(overlays[0].mesh.vertexCount(), 3u * 100u);
    for (const auto& p : overlays[0].mesh.positions)
        ASSERT_GT(p.x, 0.0f);
    // A click next to a marker shows that trigger point's pattern.
    scene::Pick pick;
    pick.point = overlays[0].mesh.positions[0];
    scene::Commands out;
    EXPECT_TRUE(feature.onBodyClick(scene::BodyClick{pick, false}, state, out));
    ASSERT_EQ(out.list().size(), 1u);
    const auto* show = std::get_if<scene::ShowTriggerPoint>(&out.list()[0]);
    ASSERT_NE(show, nullptr);
    EXPECT_EQ(show->trp.side, "left");
    EXPECT_EQ(world().atlas.triggerPoint(show->trp.id)->muscle, "infraspinatus");
}

TEST(Suspects, MedialKneeFindsSartoriusAndGracilisWithReasons) {
    json j = report::suspectsJson(world().context, world().skin, {{"knee_joint_line_medial_r"}, {}, "right", 0});
    auto top = topMuscles(j, 5);
    EXPECT_TRUE(contains(top, "sartorius")) << j.at("suspects").dump(1);
    EXPECT_TRUE(contains(top, "gracilis")) << j.at("suspects").dump(1);
    for (const auto& s : j.at("suspects")) {
        // Every suspect says why: the zone that covers the pain, essential or spillover, and what attests it.
        ASSERT_FALSE(s.at("why").empty()) << s.dump();
        const auto& why = s.at("why")[0];
        EXPECT_FALSE(why.at("zone").get<std::string>().empty());
        EXPECT_FALSE(why.at("evidence").get<std::string>().empty());
        EXPECT_GT(why.at("weight").get<double>(), 0.0);
        EXPECT_LE(why.at("weight").get<double>(), 1.0);
        EXPECT_NEAR(why.at("heat").get<double>(), s.at("score").get<double>(), 0.02) << s.dump();
        EXPECT_EQ(why.at("kind") == "essential", s.at("essential_hits").get<int>() > 0) << s.dump();
    }
    EXPECT_EQ(j.at("suspects")[0].at("why")[0].at("kind"), "essential");
}

TEST(Suspects, EvidenceWeightsTheRanking) {
    // Pronator quadratus reaches the little finger in about half of the study's subjects: its heat there is the
    // weighted essential level, and the reason says so.
    json j = report::suspectsJson(world().context, world().skin, {{"little_tip_r"}, {}, "right", 0});
    bool found = false;
    for (const auto& s : j.at("suspects"))
        if (s.at("trp") == "PRQ-TP1") {
            found = true;
            EXPECT_NEAR(s.at("score").get<double>(), 0.5, 0.05) << s.dump();
            EXPECT_NE(s.at("why")[0].at("evidence").get<std::string>().find("shin2005"), std::string::npos);
        }
    EXPECT_TRUE(found) << j.at("suspects").dump(1);
}

TEST(Suspects, EveryLandmarkOnTheSkinFindsATriggerPoint) {
    // Places no referral zone of the atlas reaches yet, listed so that a new gap shows up as a failure: the thoracic
    // spinous processes, the crotch, and bony points whose nearest skin lies off every drawn zone (the fact base
    // gives no pattern centred there).
    static const std::set<std::string> uncovered = {"t3",
                                                    "t4",
                                                    "t5",
                                                    "t6",
                                                    "t7",
                                                    "t8",
                                                    "t9",
                                                    "t10",
                                                    "crotch",
                                                    "asis_r",
                                                    "scapula_superior_angle_r",
                                                    "coracoid_r",
                                                    "tibial_tuberosity_r",
                                                    "clavicle_medial_r",
                                                    "humeral_head_r",
                                                    "mid_sole_r"};
    std::vector<std::string> empty;
    for (const auto& l : world().atlas.landmarks) {
        std::string ref = l.sided ? l.id + "_r" : l.id;
        json j = report::suspectsJson(world().context, world().skin, {{ref}, {}, "right", 1});
        if (j.at("suspects").empty() && !uncovered.count(ref))
            empty.push_back(ref);
    }
    std::string all;
    for (const auto& e : empty)
        all += e + " ";
    EXPECT_TRUE(empty.empty()) << all;
}

// A pattern chosen in the window is faced once, when its field is built; a lesson keeps its own camera; the body but
// the skin is greyed while a pattern shows; a hidden skin is noticed.
TEST(PainMap, ANewPatternIsFacedOnceAndTheBodyGreyedUnderIt) {
    scene::PainMap map(world().context);
    ASSERT_TRUE(map.available());
    scene::AppState state;
    state.viewportAspect = 16.0f / 9.0f;
    const scene::PainMapOptions window{1.0f, false, true};
    map.update(state, 0.0, window);
    EXPECT_FALSE(map.dueFraming(state, {}).has_value());
    scene::apply(state, test::testBody(), scene::ShowTriggerPoint{{"INFRA-TP1", "left"}, false});
    map.update(state, 0.1, window);
    map.finishPending();
    map.update(state, 0.2, window);
    auto pose = map.dueFraming(state, {});
    ASSERT_TRUE(pose.has_value());
    EXPECT_GT(pose->distance, 0.0f);
    EXPECT_FALSE(map.dueFraming(state, {}).has_value()); // once
    ASSERT_NE(map.heat(), nullptr);
    std::vector<uint8_t> dimmed(test::testBody().structures.size(), 0);
    map.markDimmed(dimmed);
    EXPECT_EQ(dimmed[map.skin()], 0);
    EXPECT_EQ(std::count(dimmed.begin(), dimmed.end(), 1), static_cast<long>(dimmed.size()) - 1);
    EXPECT_FALSE(map.skinHidden(state.view));
    scene::apply(state, test::testBody(), scene::SetLayerVisible{anatomy::Layer::Skin, false});
    EXPECT_TRUE(map.skinHidden(state.view));

    // During a lesson the step's camera stands: the pattern is not faced.
    scene::PainMap lessonMap(world().context);
    scene::AppState lesson;
    lesson.lessonActive = true;
    lessonMap.update(lesson, 0.0, window);
    scene::apply(lesson, test::testBody(), scene::ShowTriggerPoint{{"INFRA-TP1", "left"}, false});
    lessonMap.update(lesson, 0.1, window);
    lessonMap.finishPending();
    lessonMap.update(lesson, 0.2, window);
    EXPECT_FALSE(lessonMap.dueFraming(lesson, {}).has_value());
}
