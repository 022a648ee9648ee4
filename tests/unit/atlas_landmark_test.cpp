// Landmarks where a hand finds them, on the real body: each corrected landmark against its neighbours, every
// landmark's palpable point on the skin, and every referral zone in the part of the body its label names.
// Needs MYOATLAS_TEST_DATA.
#include "anatomy/landmark_resolver.h"
#include "anatomy/zone_evidence.h"
#include "support/test_body.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <string>

using namespace myoatlas;
using namespace myoatlas::anatomy;

namespace {

const Atlas& atlas() {
    static const Atlas a = loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

const ResolvedAtlas& resolved() {
    static const ResolvedAtlas r = resolveAtlas(atlas(), test::testBody());
    return r;
}

const ResolvedLandmark& lm(const std::string& flatId) {
    const ResolvedLandmark* l = resolved().landmark(flatId);
    EXPECT_NE(l, nullptr) << flatId;
    EXPECT_TRUE(l && l->ok) << flatId;
    static const ResolvedLandmark none;
    return l ? *l : none;
}

// Lateral distance from the midline (both sides positive).
float lateral(const glm::vec3& p) {
    return std::abs(p.x);
}

// Centre of the femoral head: the mean of the femur's vertices in its top 6 cm on the medial side of the shaft.
glm::vec3 femoralHead(const char* fma) {
    const auto& body = test::testBody();
    auto idx = body.findByFma(fma);
    EXPECT_FALSE(idx.empty()) << fma;
    float top = -1e9f, lo = 1e9f, hi = -1e9f;
    for (uint32_t i : idx)
        for (const auto& v : body.meshes[i].positions) {
            top = std::max(top, v.y);
            lo = std::min(lo, std::abs(v.x));
            hi = std::max(hi, std::abs(v.x));
        }
    glm::vec3 sum(0.0f);
    int n = 0;
    for (uint32_t i : idx)
        for (const auto& v : body.meshes[i].positions)
            if (v.y > top - 0.06f && std::abs(v.x) < lo + 0.4f * (hi - lo))
                sum += v, ++n;
    EXPECT_GT(n, 0);
    return n ? sum / float(n) : sum;
}

} // namespace

TEST(AtlasLandmarks, MastoidTipIsBehindAndBelowTheTragion) {
    for (const char* s : {"_r", "_l"}) {
        const auto& mastoid = lm(std::string("mastoid_tip") + s);
        const auto& tragion = lm(std::string("tragion") + s);
        const auto& condyle = lm(std::string("mandibular_condyle") + s);
        // The tip lies 1-4 cm below the ear's tragus and behind it (the styloid process, which the old rule found,
        // lies in front of it).
        EXPECT_LT(mastoid.position.z, tragion.position.z - 0.01f) << s;
        EXPECT_LT(mastoid.position.y, tragion.position.y - 0.01f) << s;
        EXPECT_GT(mastoid.position.y, tragion.position.y - 0.045f) << s;
        EXPECT_LT(mastoid.position.z, condyle.position.z - 0.02f) << s;
        // And it is palpable: close under the skin.
        EXPECT_LT(glm::length(mastoid.skin - mastoid.position), 0.015f) << s;
    }
}

TEST(AtlasLandmarks, GreaterTrochanterIsTheLateralHipPointLevelWithThePubicTubercle) {
    const std::pair<const char*, const char*> sides[] = {{"_r", "FMA24474"}, {"_l", "FMA24475"}};
    for (const auto& [s, femur] : sides) {
        const auto& gt = lm(std::string("greater_trochanter") + s);
        glm::vec3 head = femoralHead(femur);
        EXPECT_GT(lateral(gt.position), lateral(head) + 0.04f) << s;
        EXPECT_GT(lateral(gt.position), lateral(lm(std::string("asis") + s).position)) << s;
        EXPECT_NEAR(gt.position.y, lm(std::string("pubic_tubercle") + s).position.y, 0.03f) << s;
        EXPECT_LT(glm::length(gt.skin - gt.position), 0.03f) << s; // felt through the thin side of the hip
    }
}

TEST(AtlasLandmarks, AsisIsInFrontOfPsisAtAboutTheSameHeight) {
    for (const char* s : {"_r", "_l"}) {
        const auto& asis = lm(std::string("asis") + s);
        const auto& psis = lm(std::string("psis") + s);
        EXPECT_GT(asis.position.z, psis.position.z + 0.10f) << s;
        EXPECT_NEAR(asis.position.y, psis.position.y, 0.05f) << s;
        EXPECT_GT(lateral(asis.position), lateral(psis.position) + 0.04f) << s;
    }
}

TEST(AtlasLandmarks, KneeJointLinesLieOnTheJointLineOnTheSkin) {
    AtlasResolver resolver(atlas(), test::testBody());
    for (const char* s : {"_r", "_l"}) {
        const std::string side = s;
        const auto& medial = lm("knee_joint_line_medial" + side);
        const auto& lateralLine = lm("knee_joint_line_lateral" + side);
        EXPECT_LT(resolver.distanceToSkin(medial.position), 0.001f) << s;
        EXPECT_LT(resolver.distanceToSkin(lateralLine.position), 0.001f) << s;
        EXPECT_NEAR(medial.position.y, lateralLine.position.y, 0.01f) << s;
        EXPECT_LT(lateral(medial.position), lateral(lateralLine.position) - 0.06f) << s;
        // Between the femoral epicondyles above and the tibial tuberosity below, a few cm under the epicondyles.
        for (const auto* line : {&medial, &lateralLine}) {
            EXPECT_LT(line->position.y, lm("medial_femoral_epicondyle" + side).position.y - 0.02f) << s;
            EXPECT_LT(line->position.y, lm("lateral_femoral_epicondyle" + side).position.y - 0.02f) << s;
            EXPECT_GT(line->position.y, lm("tibial_tuberosity" + side).position.y) << s;
        }
        // On the rim of the plateau it names: within a few mm above it, and on the skin over it.
        EXPECT_NEAR(medial.position.y, lm("tibial_plateau_medial" + side).position.y + 0.004f, 0.003f) << s;
        EXPECT_LT(glm::length(medial.position - lm("tibial_plateau_medial" + side).position), 0.03f) << s;
    }
}

TEST(AtlasLandmarks, EveryLandmarkHasAPalpablePointOnTheSkin) {
    AtlasResolver resolver(atlas(), test::testBody());
    size_t count = 0;
    for (const auto& rl : resolved().landmarks) {
        ASSERT_TRUE(rl.ok) << rl.flatId;
        ++count;
        EXPECT_LT(resolver.distanceToSkin(rl.skin), 0.001f) << rl.flatId;
        // The palpable point is the skin nearest the feature: no other skin point is closer to it.
        EXPECT_LE(glm::length(rl.skin - rl.position), resolver.distanceToSkin(rl.position) + 0.001f) << rl.flatId;
        const Landmark* l = atlas().landmark(rl.id);
        if (l->rule.op == LandmarkOp::Skin) {
            EXPECT_LT(glm::length(rl.skin - rl.position), 0.001f) << rl.flatId;
        }
    }
    EXPECT_EQ(count, resolved().landmarks.size());
}

TEST(AtlasLandmarks, ArrhythmiaPointIsInTheFifthSpaceBetweenSternumAndNippleLine) {
    const ResolvedTriggerPoint* t = resolved().triggerPoint("PECMAJ-ARRHYTHMIA", Side::Right);
    ASSERT_NE(t, nullptr);
    const auto& nipple = lm("nipple_r");
    // Travell & Simons: between the 5th and 6th ribs, so below the nipple (4th space), and midway between the
    // sternal edge (about 2 cm from the midline) and the nipple line.
    EXPECT_LT(t->position.y, nipple.position.y - 0.015f);
    EXPECT_GT(t->position.y, nipple.position.y - 0.08f);
    float mid = 0.5f * (0.02f + lateral(nipple.position));
    EXPECT_NEAR(lateral(t->position), mid, 0.015f);
}

// Every zone whose label names a part of the body has its seeds in that part: a coarse height band from this body's
// landmarks (a wrong landmark or offset sends a zone to another region).
TEST(AtlasLandmarks, ReferralZonesLieInTheRegionTheirLabelNames) {
    const float headBottom = lm("c7").position.y - 0.02f;
    const float ankle = std::max(lm("lateral_malleolus_r").position.y, lm("medial_malleolus_r").position.y) + 0.06f;
    const float kneeTop = lm("patella_mid_r").position.y + 0.10f;
    const float kneeBottom = lm("tibial_tuberosity_r").position.y - 0.12f;
    const float wrist = lm("radial_styloid_r").position.y + 0.06f;
    struct Region {
        std::vector<std::string> words;
        float lo, hi;       // y range of every seed
        bool onArm = false; // and lateral of the trunk (hands and fingers)
    };
    const std::vector<Region> regions = {
        {{"temple", "forehead", "eyebrow", "scalp", "teeth", "molar", "cheek", "chin", "nose", "tongue", "eye"},
         headBottom,
         2.0f},
        {{"toe", "sole", "heel", "ball of the foot", "top of the foot", "forefoot"}, -1.0f, ankle + 0.05f},
        {{"knee"}, kneeBottom, kneeTop},
        {{"thumb", "finger", "palm", "hand"}, -1.0f, wrist + 0.04f, true},
    };
    const float trunkHalfWidth = 0.18f;
    AtlasResolver resolver(atlas(), test::testBody());
    size_t checked = 0;
    for (const auto& t : atlas().triggerPoints) {
        auto ref = resolver.referral(t, t.sides.front());
        for (const auto& z : ref.zones) {
            std::string label = z.label;
            std::transform(label.begin(), label.end(), label.begin(), ::tolower);
            for (const auto& r : regions) {
                bool named = std::any_of(r.words.begin(), r.words.end(),
                                         [&](const std::string& w) { return label.find(w) != std::string::npos; });
                // Strokes that run through several regions ("down the arm to the hand", "forearm and hand") and
                // names that use a part as a direction ("thumb side of the forearm") are not whole-zone names.
                bool spans = false;
                for (const char* w :
                     {" to ", "down ", " up ", "toward", "forearm", "thumb side", "thumb-side", "epicondyle"})
                    spans = spans || label.find(w) != std::string::npos;
                if (!named || spans)
                    continue;
                ++checked;
                for (const auto& s : z.seeds) {
                    EXPECT_GE(s.y, r.lo) << t.id << " '" << z.label << "'";
                    EXPECT_LE(s.y, r.hi) << t.id << " '" << z.label << "'";
                    if (r.onArm) {
                        EXPECT_GT(lateral(s), trunkHalfWidth) << t.id << " '" << z.label << "'";
                    }
                }
            }
        }
    }
    EXPECT_GT(checked, 60u);
}

TEST(AtlasZoneEvidence, WeightsFollowWhatAttestsTheZone) {
    AtlasResolver resolver(atlas(), test::testBody());
    // Pronator quadratus: the saline study reports the medial epicondyle and little finger in about half.
    const TriggerPoint* prq = atlas().triggerPoint("PRQ-TP1");
    ASSERT_NE(prq, nullptr);
    auto ref = resolver.referral(*prq, Side::Right);
    int measured = 0;
    for (const auto& z : ref.zones)
        if (z.evidence.find("shin2005") != std::string::npos) {
            ++measured;
            EXPECT_FLOAT_EQ(z.weight, 0.5f);
            EXPECT_NE(z.evidence.find("50%"), std::string::npos);
        }
    EXPECT_EQ(measured, 2);
    // A [RECALL] chart is drawn a little weaker than a reviewed one.
    const TriggerPoint* recalled = atlas().triggerPoint("SPI-TP1");
    const TriggerPoint* reviewed = atlas().triggerPoint("TRAPU-TP1");
    ASSERT_TRUE(recalled && recalled->recall && reviewed && !reviewed->recall);
    EXPECT_FLOAT_EQ(resolver.referral(*recalled, Side::Right).zones.front().weight, kRecalledChartWeight);
    EXPECT_FLOAT_EQ(resolver.referral(*reviewed, Side::Right).zones.front().weight, 1.0f);
    // Longus capitis has no published chart (its pattern is estimated); pronator teres' wrist side is disputed.
    for (const auto& z : resolver.referral(*atlas().triggerPoint("LCA-TP1"), Side::Right).zones)
        EXPECT_FLOAT_EQ(z.weight, kEstimatedWeight) << z.label;
    auto prt = resolver.referral(*atlas().triggerPoint("PRT-TP1"), Side::Right);
    EXPECT_FLOAT_EQ(prt.zones.front().weight, kContestedWeight);
    EXPECT_NE(prt.zones.front().evidence.find("contested"), std::string::npos);
    // Contested and estimated zones weaker again, a measured one floored so a rare zone stays visible.
    ZoneSpec z;
    z.evidence = ZoneEvidence::Contested;
    EXPECT_FLOAT_EQ(zoneWeight(z, false).weight, kContestedWeight);
    z.evidence = ZoneEvidence::Estimated;
    EXPECT_FLOAT_EQ(zoneWeight(z, true).weight, kEstimatedWeight);
    z.evidence = ZoneEvidence::Measured;
    z.reportedFraction = 0.1f;
    EXPECT_FLOAT_EQ(zoneWeight(z, false).weight, kMeasuredFloor);
    EXPECT_EQ(zoneWeight(z, false).label, "seen in ~10%");
}
