// The atlas on the real BodyParts3D body: every record resolves, landmarks sit at their expected heights, trigger
// points lie on their muscles, left and right mirror, referral zones land on the skin. Needs MYOATLAS_TEST_DATA.
#include "anatomy/atlas_validate.h"
#include "anatomy/landmark_resolver.h"
#include "core/error.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <set>

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

std::string issuesText(const std::vector<AtlasIssue>& issues) {
    std::string s;
    for (const auto& i : issues)
        s += i.toString() + "\n";
    return s;
}

} // namespace

TEST(AtlasBody, ValidatesWithoutErrors) {
    auto report = validateAtlas(atlas(), resolved(), test::testBody());
    EXPECT_TRUE(report.ok()) << report.toText();
    EXPECT_GT(report.zonesChecked, 300u);
    auto j = report.toJson();
    EXPECT_EQ(j["ok"], report.ok());
}

TEST(AtlasBody, StatureIsTheSkinHeight) {
    EXPECT_NEAR(resolved().floorY, -0.078f, 0.001f);
    EXPECT_NEAR(resolved().stature, 1.642f + 0.078f, 0.002f);
}

TEST(AtlasBody, EveryMuscleResolvesOnBothSidesExceptDocumentedGaps) {
    for (const auto& m : atlas().muscles) {
        const ResolvedMuscle* rm = resolved().muscle(m.id);
        ASSERT_NE(rm, nullptr) << m.id;
        EXPECT_FALSE(rm->right.empty()) << m.id;
        EXPECT_FALSE(rm->left.empty()) << m.id;
        if (!m.meshPresent) {
            // No BodyParts3D mesh: the two chewing muscles, the scalp and eye-ring muscles, the inconstant sternalis,
            // the hand's dorsal interossei and the right longus colli (only the left ships).
            static const std::set<std::string> gaps = {"masseter",
                                                       "lateral_pterygoid",
                                                       "frontalis",
                                                       "occipitalis",
                                                       "orbicularis_oculi",
                                                       "sternalis",
                                                       "first_dorsal_interosseous_hand",
                                                       "longus_colli"};
            EXPECT_TRUE(gaps.count(m.id)) << m.id << " is an undocumented gap";
            EXPECT_TRUE(rm->surrogate);
        } else {
            for (uint32_t i : rm->right)
                EXPECT_EQ(test::testBody().structures[i].category, Category::Muscle) << m.id;
        }
    }
    // trapezius_upper is exactly the descending part of each trapezius.
    const auto* trap = resolved().muscle("trapezius_upper");
    ASSERT_EQ(trap->right.size(), 1u);
    EXPECT_EQ(test::testBody().structures[trap->right[0]].fma, "FMA33586");
    EXPECT_EQ(test::testBody().structures[trap->left[0]].fma, "FMA33587");
}

TEST(AtlasBody, LandmarksSitAtTheirExpectedHeights) {
    size_t checked = 0;
    for (const auto& rl : resolved().landmarks) {
        ASSERT_TRUE(rl.ok) << rl.flatId << "\n" << issuesText(resolved().issues);
        const Landmark* l = atlas().landmark(rl.id);
        if (!l->expectedH)
            continue;
        ++checked;
        EXPECT_NEAR(rl.heightH, *l->expectedH, l->toleranceH) << rl.flatId;
        if (l->sided) {
            EXPECT_EQ(rl.position.x < 0.0f, rl.side == Side::Right) << rl.flatId;
        }
    }
    EXPECT_GE(checked, 70u);
    // A few relations FACTS states: acromion about 7-8 cm below C7 (here within 5 cm either way of that);
    // PSIS about 5 cm from the midline; the skin landmarks lie on the skin.
    const auto* c7 = resolved().landmark("c7");
    const auto* acr = resolved().landmark("acromion_r");
    EXPECT_NEAR(c7->position.y - acr->position.y, 0.075f, 0.05f);
    EXPECT_NEAR(std::abs(resolved().landmark("psis_l")->position.x), 0.05f, 0.02f);
    AtlasResolver resolver(atlas(), test::testBody());
    for (const char* skin : {"vertex", "suprasternal_notch", "omphalion", "nipple_r", "gluteal_fold_l", "crotch"})
        EXPECT_LT(resolver.distanceToSkin(resolved().landmark(skin)->position), 0.001f) << skin;
}

TEST(AtlasBody, TriggerPointsLieOnTheirMuscleSurface) {
    size_t count = 0;
    for (const auto& rt : resolved().triggerPoints) {
        ASSERT_TRUE(rt.ok) << rt.id << "\n" << issuesText(resolved().issues);
        ++count;
        EXPECT_LE(rt.surfaceMm, 5.0f) << rt.id;
        const TriggerPoint* t = atlas().triggerPoint(rt.id);
        EXPECT_LE(rt.snapMm, t->maxSnapMm) << rt.id << " " << sideName(rt.side);
        EXPECT_EQ(rt.position.x < 0.0f, rt.side == Side::Right) << rt.id;
    }
    EXPECT_EQ(count, 2 * atlas().triggerPoints.size() - 1); // PECMAJ-ARRHYTHMIA is right-only
    EXPECT_EQ(resolved().triggerPoint("PECMAJ-ARRHYTHMIA", Side::Left), nullptr);
}

TEST(AtlasBody, LeftAndRightTriggerPointsMirror) {
    // Most left-side files are mirrors of the right (FJ ids ending in M), so a point and its mirror agree to a few
    // millimetres. 20 mm allows for the supplement set (temporalis, latissimus, obliques, ...), whose two sides were
    // warped into the frame separately (median error ~3 mm, 90th percentile ~7 mm each side).
    float worst = 0.0f;
    std::string worstId;
    for (const auto& t : atlas().triggerPoints) {
        const auto* r = resolved().triggerPoint(t.id, Side::Right);
        const auto* l = resolved().triggerPoint(t.id, Side::Left);
        if (!r || !l)
            continue;
        glm::vec3 mirrored(-l->position.x, l->position.y, l->position.z);
        float d = glm::length(mirrored - r->position);
        if (d > worst)
            worst = d, worstId = t.id;
        EXPECT_LT(d, 0.020f) << t.id;
    }
    RecordProperty("worst_mirror_mm", std::to_string(worst * 1000.0f) + " " + worstId);
}

TEST(AtlasBody, ReferralZonesAreSeedsOnTheSkin) {
    const auto& body = test::testBody();
    auto ref = resolveReferral(atlas(), body, "TRAPU-TP1", Side::Right);
    EXPECT_EQ(ref.trpId, "TRAPU-TP1");
    EXPECT_EQ(ref.side, "right");
    ASSERT_FALSE(ref.zones.empty());
    EXPECT_EQ(ref.zones.front().kind, ZoneKind::Essential);
    EXPECT_EQ(ref.zones.back().kind, ZoneKind::Spillover);
    AtlasResolver resolver(atlas(), body);
    // The question-mark stroke runs from the neck to the temple: many seeds about 1 cm apart, all on the skin and on
    // the right side, rising to the head.
    const auto& stroke = ref.zones.front();
    EXPECT_GT(stroke.seeds.size(), 15u);
    EXPECT_NEAR(stroke.radius, 0.0175f, 1e-4f);
    for (const auto& s : stroke.seeds) {
        EXPECT_LT(resolver.distanceToSkin(s), 0.001f);
        EXPECT_LT(s.x, 0.0f);
    }
    EXPECT_GT(stroke.seeds.back().y, stroke.seeds.front().y + 0.1f);
    // Left mirrors right.
    auto left = resolveReferral(atlas(), body, "TRAPU-TP1", Side::Left);
    ASSERT_EQ(left.zones.size(), ref.zones.size());
    EXPECT_GT(left.zones.front().seeds.front().x, 0.0f);
    // Bilateral and crossing patterns: RA-UPPER's back band spans both sides.
    auto ra = resolveReferral(atlas(), body, "RA-UPPER", Side::Right);
    bool left_ = false, right_ = false;
    for (const auto& s : ra.zones.front().seeds) {
        left_ = left_ || s.x > 0.02f;
        right_ = right_ || s.x < -0.02f;
    }
    EXPECT_TRUE(left_ && right_);
    EXPECT_THROW((void)resolveReferral(atlas(), body, "NOPE-TP1", Side::Right), core::DataError);
    EXPECT_THROW((void)resolveReferral(atlas(), body, "PECMAJ-ARRHYTHMIA", Side::Left), core::DataError);
}

TEST(AtlasBody, EveryTriggerPointHasAResolvableReferral) {
    AtlasResolver resolver(atlas(), test::testBody());
    for (const auto& t : atlas().triggerPoints)
        for (Side side : t.sides) {
            auto ref = resolver.referral(t, side);
            size_t expected = 0;
            for (const auto* zs : {&t.essential, &t.spillover})
                for (const auto& z : *zs)
                    expected += z.bilateral ? 2 : 1;
            EXPECT_EQ(ref.zones.size(), expected) << t.id;
            for (const auto& z : ref.zones)
                EXPECT_FALSE(z.seeds.empty()) << t.id << " " << z.label;
        }
    EXPECT_TRUE(resolver.issues().empty()) << issuesText(resolver.issues());
}

TEST(AtlasBody, LinesResolveStationsAndTracks) {
    EXPECT_EQ(resolved().lines.size(), 24u);
    for (const auto& l : resolved().lines)
        for (const auto& e : l.elements)
            EXPECT_TRUE(e.ok) << l.id << " " << e.name;
    // The Spiral Line crosses: its rhomboid track is on the opposite side.
    for (const auto& l : resolved().lines)
        if (l.id == "SPL" && l.side == Side::Right)
            for (const auto& e : l.elements)
                if (e.name.starts_with("rhomboid")) {
                    EXPECT_EQ(e.side, Side::Left);
                }
}

TEST(AtlasBody, JsonViewHasEverything) {
    auto j = atlasToJson(atlas(), resolved());
    EXPECT_EQ(j["muscles"].size(), atlas().muscles.size());
    EXPECT_GE(j["counts"]["muscles_with_trigger_points"].get<size_t>(), 100u);
    EXPECT_EQ(j["counts"]["muscles_with_trigger_points"].get<size_t>(), atlas().muscles.size());
    EXPECT_EQ(j["lines"].size(), 24u);
    EXPECT_EQ(j["trigger_points"].size(), 2 * atlas().triggerPoints.size() - 1);
    bool foundC7 = false;
    for (const auto& l : j["landmarks"])
        if (l["id"] == "c7") {
            foundC7 = true;
            EXPECT_EQ(l["position"].size(), 3u);
        }
    EXPECT_TRUE(foundC7);
}

TEST(AtlasBody, ACorruptedFmaIdFailsValidation) {
    Atlas a = atlas();
    for (auto& m : a.muscles)
        if (m.id == "soleus")
            m.fma.right = {"FMA99999999"};
    auto report = validateAtlas(a, test::testBody());
    bool found = false;
    for (const auto& i : report.issues)
        found = found || (i.file == "muscles.json" && i.record == "soleus" && i.field == "fma" &&
                          i.message.find("FMA99999999") != std::string::npos);
    EXPECT_TRUE(found) << report.toText();
    EXPECT_FALSE(report.ok());
}
