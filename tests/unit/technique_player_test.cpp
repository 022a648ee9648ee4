// The technique player: the step timer on an injected clock, the safety gating, and every technique
// resolved on the real body for each of its suitable targets. Needs MYOATLAS_TEST_DATA.
#include "core/error.h"
#include "scene/picker.h"
#include "scene/technique_player.h"
#include "scene/technique_view.h"
#include "scene/technique_session.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <set>

using namespace myoatlas;
using scene::TechniquePlayer;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

struct World {
    anatomy::AtlasResolver resolver{atlas(), test::testBody()};
    scene::TechniqueResolver techniques{atlas(), test::testBody(), resolver};
    scene::Picker picker{test::testBody()};
};

World& world() {
    static World w;
    return w;
}

TechniquePlayer confirmedPlayer(const core::Clock& clock, std::vector<float> durations) {
    TechniquePlayer p(clock);
    int count = static_cast<int>(durations.size());
    p.load(count, std::move(durations), 2);
    p.setChecked(0, true);
    p.setChecked(1, true);
    EXPECT_TRUE(p.confirmSafety());
    return p;
}

} // namespace

TEST(TechniqueTimer, A90SecondHoldCompletesAt90Seconds) {
    core::ManualClock clock;
    clock.set(1000.0);
    auto p = confirmedPlayer(clock, {90.0f, 30.0f});
    p.setAutoAdvance(false);
    p.play();
    clock.advance(89.9);
    EXPECT_FALSE(p.update());
    EXPECT_FALSE(p.stepComplete());
    EXPECT_NEAR(p.elapsed(), 89.9, 1e-6);
    EXPECT_EQ(scene::formatClock(p.elapsed()), "01:29");
    clock.advance(0.1);
    p.update();
    EXPECT_TRUE(p.stepComplete());
    EXPECT_NEAR(p.progress(), 1.0f, 1e-6f);
    EXPECT_EQ(scene::formatClock(p.elapsed()), "01:30");
}

TEST(TechniqueTimer, DemoSpeedScalesAndPauseStops) {
    core::ManualClock clock;
    auto p = confirmedPlayer(clock, {90.0f, 30.0f});
    p.setSpeed(10.0f);
    p.play();
    clock.advance(4.0);
    EXPECT_NEAR(p.elapsed(), 40.0, 1e-6); // ten seconds of hold per second of demo
    p.pause();
    clock.advance(100.0);
    EXPECT_NEAR(p.elapsed(), 40.0, 1e-6) << "a paused timer does not count";
    EXPECT_FALSE(p.update());
    p.setSpeed(1.0f);
    p.play();
    clock.advance(49.0);
    EXPECT_FALSE(p.update());
    EXPECT_EQ(p.step(), 0);
    clock.advance(1.0 + 5.0); // completes the 90 s hold, 5 s into the next step
    EXPECT_TRUE(p.update());
    EXPECT_EQ(p.step(), 1);
    EXPECT_NEAR(p.elapsed(), 5.0, 1e-6);
    clock.advance(30.0);
    p.update();
    EXPECT_TRUE(p.finished());
    EXPECT_FALSE(p.playing());
}

TEST(TechniqueTimer, SpeedChangeKeepsWhatWasCounted) {
    core::ManualClock clock;
    auto p = confirmedPlayer(clock, {120.0f});
    p.play();
    clock.advance(10.0);
    p.setSpeed(5.0f);
    clock.advance(10.0);
    EXPECT_NEAR(p.elapsed(), 60.0, 1e-6);
}

TEST(TechniqueSafety, NothingRunsBeforeTheChecklistIsConfirmed) {
    core::ManualClock clock;
    TechniquePlayer p(clock);
    p.load(3, {10.0f, 10.0f, 10.0f}, 3);
    p.play();
    EXPECT_FALSE(p.playing());
    EXPECT_FALSE(p.next());
    EXPECT_EQ(p.step(), 0);
    p.setChecked(0, true);
    p.setChecked(1, true);
    EXPECT_FALSE(p.confirmSafety()) << "one item is still unticked";
    p.setChecked(2, true);
    EXPECT_TRUE(p.confirmSafety());
    EXPECT_TRUE(p.next());
    EXPECT_EQ(p.step(), 1);
    p.setChecked(2, false);
    EXPECT_FALSE(p.safetyConfirmed()) << "unticking withdraws the confirmation";
    p.load(3, {10.0f, 10.0f, 10.0f}, 3);
    EXPECT_FALSE(p.safetyConfirmed()) << "a new technique asks again";
}

TEST(TechniqueSafety, ChecklistHoldsRedFlagsContraindicationsAndCautions) {
    const auto* t = atlas().technique("cross_fibre_friction");
    ASSERT_NE(t, nullptr);
    auto items = scene::safetyChecklist(atlas(), *t);
    size_t flags = 0, local = 0, cautions = 0;
    for (const auto& i : items)
        (i.kind == scene::SafetyKind::RedFlag ? flags : i.kind == scene::SafetyKind::Caution ? cautions : local)++;
    EXPECT_EQ(flags, atlas().redFlags.size());
    EXPECT_EQ(local, atlas().localContraindications.size());
    EXPECT_EQ(cautions, t->cautions.size());
}

TEST(TechniqueTargets, EveryTechniqueOffersItsTargetsAndTheirTriggerPoints) {
    ASSERT_EQ(atlas().techniques.size(), 20u);
    for (const auto& t : atlas().techniques) {
        auto targets = scene::suitableTargets(atlas(), t);
        EXPECT_FALSE(targets.empty()) << t.id;
        for (const auto& x : targets)
            if (x.kind == scene::TargetKind::TriggerPoint) {
                EXPECT_EQ(atlas().triggerPoint(x.id)->muscle, x.muscle);
                // "Infraspinatus: TrP1 (INFRA-TP1)": the muscle, a name or number, never an empty slot.
                EXPECT_EQ(x.label.find(":  "), std::string::npos) << x.label;
                EXPECT_EQ(x.label.find("()"), std::string::npos) << x.label;
                EXPECT_EQ(x.label.rfind(atlas().muscle(x.muscle)->name + ": ", 0), 0u) << x.label;
            }
    }
    auto trp = scene::suitableTargets(atlas(), *atlas().technique("trp_pressure_release"));
    auto labelled = [&](const std::string& label) {
        return std::any_of(trp.begin(), trp.end(), [&](const auto& x) { return x.label == label; });
    };
    EXPECT_TRUE(labelled("Upper trapezius (descending fibres): TrP1 (TRAPU-TP1)"));
    EXPECT_TRUE(labelled("Infraspinatus: INFRA-TP1")); // no number recorded: the id alone
    auto friction = scene::suitableTargets(atlas(), *atlas().technique("cross_fibre_friction"));
    for (const auto& x : friction)
        EXPECT_NE(x.muscle, "trapezius_upper") << "not listed for cross-fibre friction";
    EXPECT_THROW((void)world().techniques.resolve("cross_fibre_friction", "trapezius_upper", anatomy::Side::Right),
                 core::UsageError);
}

// Muscles that this body covers with another muscle everywhere over their belly (thin sheets such as platysma over
// the scalenes and the external oblique's aponeurosis over rectus abdominis count), or over their trigger points,
// where a muscle target's contact is placed (levator scapulae and supraspinatus under the trapezius, teres major
// under the latissimus): pressure reaches them through the muscles the resolution lists as overlying.
const std::set<std::string> kCovered = {
    "scalenes", "splenius_cervicis", "suboccipitals", "subscapularis", "pectoralis_minor", "rhomboids",
    "erector_spinae", "multifidi", "quadratus_lumborum", "rectus_abdominis", "iliopsoas", "diaphragm", "piriformis",
    "levator_scapulae", "supraspinatus", "teres_major",
    // Deep muscles of the wider atlas, under brachioradialis, pectoralis major, trapezius, latissimus, platysma,
    // the obliques, gluteus maximus, gracilis and rectus femoris.
    "supinator", "coracobrachialis", "serratus_posterior_superior", "serratus_posterior_inferior",
    "semispinalis_cervicis", "longus_capitis", "mylohyoid", "intercostals", "pyramidalis", "coccygeus",
    "obturator_internus", "obturator_externus", "quadratus_femoris", "omohyoid", "vastus_intermedius",
    // Where the only uncovered skin over them lies in an endangerment site, a contact kept off the site (its whole
    // contact area) works through the covering muscle: under trapezius near the suboccipital region, under platysma
    // in the anterior triangle, under the obliques beside the upper abdomen.
    "semispinalis_capitis", "digastric", "transversus_abdominis"};

// Distance from p to the surface of a muscle on the right side (BVH cached per muscle).
float distanceToMuscle(const std::string& muscleId, const glm::vec3& p) {
    static std::map<std::string, std::unique_ptr<geometry::Bvh>> cache;
    auto& slot = cache[muscleId];
    if (!slot) {
        slot = std::make_unique<geometry::Bvh>();
        std::vector<const geometry::Mesh*> meshes;
        for (uint32_t s : world().resolver.muscle(*atlas().muscle(muscleId)).right)
            meshes.push_back(&test::testBody().meshes[s]);
        slot->build(meshes);
    }
    return slot->closestPoint(p).distance;
}

// Where a muscle's trigger points lie on the right side.
std::vector<glm::vec3> rightTriggerPoints(const std::string& muscleId) {
    std::vector<glm::vec3> out;
    for (const auto* trp : atlas().triggerPointsOf(muscleId)) {
        if (std::find(trp->sides.begin(), trp->sides.end(), anatomy::Side::Right) == trp->sides.end())
            continue;
        auto rt = world().resolver.triggerPoint(*trp, anatomy::Side::Right);
        if (rt.ok)
            out.push_back(rt.position);
    }
    return out;
}

// Every technique, every suitable target, right side (the left mirrors it; a sample is checked below): the steps
// resolve, the contact lies on the skin, and pressing along the pressure direction from it reaches the target.
TEST(TechniqueResolve, EveryTechniqueResolvesForEachSuitableTarget) {
    const auto& body = test::testBody();
    scene::ViewState musclesOnly;
    for (auto l : anatomy::kAllLayers)
        musclesOnly.layers[index(l)].visible =
            l == anatomy::Layer::SuperficialMuscle || l == anatomy::Layer::DeepMuscle;
    size_t resolved = 0, direct = 0, muscleTargets = 0, directMuscles = 0;
    std::map<std::string, size_t> refused;                       // per endangerment site
    std::map<std::string, std::pair<glm::vec3, bool>> contactOf; // per target: contact and whether it is direct
    for (const auto& t : atlas().techniques) {
        for (const auto& x : scene::suitableTargets(atlas(), t)) {
            if (x.kind == scene::TargetKind::TriggerPoint) {
                const auto* trp = atlas().triggerPoint(x.id);
                if (std::find(trp->sides.begin(), trp->sides.end(), anatomy::Side::Right) == trp->sides.end())
                    continue;
            }
            scene::ResolvedTechnique r;
            ASSERT_NO_THROW(r = world().techniques.resolve(t.id, x.id, anatomy::Side::Right)) << t.id << " " << x.id;
            ++resolved;
            if (!r.verdict.allowed()) { // the site rule refused it: with the site, what is at risk, what instead
                ++refused[r.verdict.siteId];
                EXPECT_FALSE(r.verdict.atRisk.empty()) << t.id << " " << x.id;
                EXPECT_FALSE(r.verdict.alternative.empty()) << t.id << " " << x.id;
                bool inside = false;
                for (const auto& e : r.endangerment)
                    inside |= e.id == r.verdict.siteId && e.containsTarget;
                EXPECT_TRUE(inside) << t.id << " " << x.id << ": refused for a site the contact is not in";
            }
            ASSERT_EQ(r.steps.size(), t.steps.size());
            EXPECT_FALSE(r.safety.empty());
            EXPECT_TRUE(r.frame.valid());
            EXPECT_LT(world().resolver.distanceToSkin(r.contact), 0.003f) << t.id << " " << x.id;
            EXPECT_NEAR(glm::length(r.normal), 1.0f, 1e-3f);
            EXPECT_NEAR(glm::dot(r.fibreDir, r.normal), 0.0f, 1e-3f);
            for (const auto& s : r.steps)
                if (s.pressureLevel > 0) {
                    EXPECT_LT(glm::dot(s.pressureDir, r.normal), -0.6f) << "pressure points into the tissue";
                }
            if (contactOf.count(x.id))
                continue; // the contact depends on the target only; check the rest once per target
            // Every step's contact presses on the target muscle: the point it reaches lies on that muscle's surface
            // (masseter and lateral pterygoid: on their documented surrogate), and a muscle target's lies near one
            // of the muscle's trigger points.
            if (atlas().muscle(x.muscle)->meshPresent) {
                EXPECT_LT(distanceToMuscle(x.muscle, r.targetPoint), 0.005f) << t.id << " " << x.id;
                auto trps = rightTriggerPoints(x.muscle);
                if (x.kind == scene::TargetKind::Muscle && !trps.empty()) {
                    float nearest = 1e9f;
                    for (const auto& p : trps)
                        nearest = std::min(nearest, glm::length(p - r.targetPoint));
                    EXPECT_LT(nearest, 0.05f) << t.id << " " << x.id << ": contact far from every trigger point";
                }
                for (const auto& s : r.steps)
                    if (s.hands) {
                        EXPECT_EQ(s.contact, r.contact) << t.id << " " << x.id;
                    }
            }
            // Along the pressure line: the first muscle below the contact is the target, or the muscles the
            // resolution reports as overlying (a deep target) come first and the target follows within 12 cm.
            glm::vec3 dir = glm::normalize(r.targetPoint - r.contact);
            if (glm::length(r.targetPoint - r.contact) < 1e-4f)
                dir = -r.normal;
            if (!atlas().muscle(x.muscle)->meshPresent)
                continue; // no mesh of its own: placed on a documented surrogate surface
            geometry::Ray ray{r.contact, dir};
            auto first = world().picker.pick(ray, musclesOnly, 0.0f);
            ASSERT_TRUE(first.has_value()) << x.id;
            bool isTarget = std::find(r.targetStructures.begin(), r.targetStructures.end(), first->structure) !=
                            r.targetStructures.end();
            // Where two muscles lie against each other (gracilis and semimembranosus, the foot's interossei and
            // lumbricals), the line may graze the neighbour where it touches the target: that still reaches it.
            if (!isTarget && distanceToMuscle(x.muscle, first->point) < 0.004f)
                isTarget = true;
            // The first dorsal interosseous has no mesh: its trigger point stands on the nearest plantar
            // interosseous (as the atlas says), so a line from the top of the foot meets the sole's muscles first.
            if (x.id == "IOF-TP1")
                continue;
            if (r.overlying.empty()) {
                EXPECT_TRUE(isTarget) << t.id << " " << x.id << ": first muscle below the contact is "
                                      << body.structures[first->structure].name;
            } else {
                EXPECT_EQ(body.structures[first->structure].name, r.overlying.front()) << x.id;
            }
            EXPECT_LT(r.depthMm, 120.0f) << x.id;
            contactOf[x.id] = {r.contact, r.overlying.empty()};
            if (x.kind == scene::TargetKind::Muscle && !kCovered.count(x.id)) {
                EXPECT_TRUE(r.overlying.empty()) << x.id << " is reached through " << r.overlying.front();
            }
            direct += r.overlying.empty();
            if (x.kind == scene::TargetKind::Muscle) {
                ++muscleTargets;
                directMuscles += r.overlying.empty();
            }
        }
    }
    EXPECT_GT(resolved, 1500u);
    // Most targets are reached directly; the deep ones (psoas, subscapularis, pterygoids, ...) through others.
    EXPECT_GT(static_cast<double>(direct) / contactOf.size(), 0.5) << direct << " of " << contactOf.size();
    EXPECT_GE(directMuscles + kCovered.size(), muscleTargets);
    std::cout << "resolved " << resolved << " technique/target pairs; " << direct << " of " << contactOf.size()
              << " targets reached directly (" << directMuscles << " of " << muscleTargets << " muscles)\n";
    for (const auto& [site, n] : refused)
        std::cout << "refused by the site rule at " << site << ": " << n << " technique/target pairs\n";
    EXPECT_GT(refused["anterior_triangle_neck"], 0u) << "tools in front of the SCM are refused";
}

// A variant resolves with its own steps on the same contact; the caption names it; an unknown one is refused with
// the variants there are.
TEST(TechniqueResolve, VariantsPlayTheirOwnSteps) {
    auto standard = world().techniques.resolve("trp_pressure_release", "INFRA-TP1", anatomy::Side::Right);
    auto ic =
        world().techniques.resolve("trp_pressure_release", "INFRA-TP1", anatomy::Side::Right, "ischaemic_compression");
    EXPECT_TRUE(standard.variantId.empty());
    EXPECT_EQ(ic.variantId, "ischaemic_compression");
    EXPECT_FALSE(ic.variantName.empty());
    EXPECT_FALSE(ic.variantNote.empty());
    const auto* t = atlas().technique("trp_pressure_release");
    ASSERT_EQ(ic.steps.size(), t->variant("ischaemic_compression")->steps.size());
    ASSERT_EQ(standard.steps.size(), t->steps.size());
    EXPECT_EQ(ic.contact, standard.contact);
    EXPECT_EQ(ic.steps[0].pressureLevel, 4); // pressed to about 7/10 at once
    EXPECT_LT(glm::dot(ic.steps[0].pressureDir, ic.normal), -0.6f);
    EXPECT_TRUE(ic.steps[2].hasStretch);
    ASSERT_EQ(ic.variants.size(), 1u);
    EXPECT_EQ(ic.variants[0].id, "ischaemic_compression");

    auto ri = world().techniques.resolve("met_pir", "trapezius_upper", anatomy::Side::Right, "met_ri");
    EXPECT_EQ(ri.steps.size(), atlas().technique("met_pir")->steps.size() - 1);
    for (size_t i = 0; i < ri.steps.size(); ++i)
        EXPECT_EQ(ri.steps[i].index, static_cast<int>(i));

    try {
        (void)world().techniques.resolve("met_pir", "trapezius_upper", anatomy::Side::Right, "ischaemic");
        ADD_FAILURE() << "an unknown variant was accepted";
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("met_ri"), std::string::npos) << e.what();
    }
}

TEST(TechniqueResolve, LeftMirrorsRight) {
    for (const char* target : {"infraspinatus", "INFRA-TP1", "gastrocnemius", "forearm_extensors"}) {
        if (!atlas().muscle(target) && !atlas().triggerPoint(target))
            continue;
        auto r = world().techniques.resolve("cross_fibre_friction", target, anatomy::Side::Right);
        auto l = world().techniques.resolve("cross_fibre_friction", target, anatomy::Side::Left);
        EXPECT_LT(r.contact.x, 0.0f) << "right is -X";
        EXPECT_GT(l.contact.x, 0.0f) << target;
        // The body is not exactly symmetric and the belly contact is the best of a flat score, so the two sides
        // may pick points a few cm apart on the same belly.
        EXPECT_LT(std::abs(r.contact.x + l.contact.x), 0.10f) << target;
        EXPECT_LT(std::abs(r.contact.y - l.contact.y), 0.10f) << target;
    }
}

// Cross-fibre friction runs across the fibres. The fibre direction is the muscle centreline's tangent (computed
// here independently of the resolver's cache) laid into the skin's tangent plane. Tolerance 10 degrees: the
// stroke is walked on the curved skin, re-projected every 4 mm and re-aimed across the local fibre direction, so its
// mean direction over the 3 cm sweep departs from the perpendicular at the contact by the skin's curvature and the
// centreline's bend over that distance (a few degrees on the body's limbs and shoulder blade).
TEST(TechniqueResolve, FrictionStrokesRunAcrossTheFibres) {
    const auto* t = atlas().technique("cross_fibre_friction");
    size_t checked = 0;
    double worst = 0.0;
    for (const auto& x : scene::suitableTargets(atlas(), *t)) {
        if (x.kind != scene::TargetKind::Muscle)
            continue;
        auto r = world().techniques.resolve(t->id, x.id, anatomy::Side::Right);
        auto rm = world().resolver.muscle(*atlas().muscle(x.muscle));
        std::vector<const geometry::Mesh*> meshes;
        for (uint32_t s : rm.right)
            meshes.push_back(&test::testBody().meshes[s]);
        auto cl = geometry::muscleCentreline(meshes);
        glm::vec3 f = geometry::fibreDirectionAt(cl, r.targetPoint);
        f = glm::normalize(f - glm::dot(f, r.normal) * r.normal);
        for (const auto& s : r.steps) {
            if (s.stroke != scene::StrokeKind::AcrossFibres)
                continue;
            ASSERT_GE(s.strokePath.size(), 5u) << x.id;
            glm::vec3 chord = s.strokePath.back() - s.strokePath.front();
            EXPECT_GT(glm::length(chord), 0.02f) << x.id;
            chord = glm::normalize(chord - glm::dot(chord, r.normal) * r.normal);
            double angle = glm::degrees(std::acos(std::min(1.0f, std::abs(glm::dot(chord, f)))));
            EXPECT_NEAR(angle, 90.0, 10.0) << x.id;
            worst = std::max(worst, std::abs(90.0 - angle));
            EXPECT_NEAR(glm::dot(s.toolAxis, f), 0.0f, 1e-3f) << "the hand moves across the fibres";
            ++checked;
        }
        // Along-fibre steps of other techniques follow the fibres: over the 1.6 cm around the contact, within 10
        // degrees (further out the path follows the fibres as they fan or curve).
        auto roll = world().techniques.resolve("foam_roller", x.id, anatomy::Side::Right);
        for (const auto& s : roll.steps)
            if (s.stroke == scene::StrokeKind::AlongFibres && s.strokePath.size() > 4) {
                size_t mid = s.strokePath.size() / 2;
                glm::vec3 c = s.strokePath[mid + 2] - s.strokePath[mid - 2];
                c = glm::normalize(c - glm::dot(c, r.normal) * r.normal);
                EXPECT_GT(std::abs(glm::dot(c, f)), std::cos(glm::radians(10.0f))) << x.id;
            }
    }
    EXPECT_GE(checked, 3u * 13u);
    std::cout << "friction strokes: worst departure from perpendicular " << worst << " degrees over " << checked
              << " steps\n";
}

TEST(TechniqueResolve, EndangermentSitesNearTheTargetAndAWarningInsideOne) {
    // The contact over the inner upper arm (biceps) lies near the medial arm groove and the cubital fossa.
    auto r = world().techniques.resolve("mfr_direct", "biceps_brachii", anatomy::Side::Right);
    EXPECT_FALSE(r.endangerment.empty());
    for (size_t i = 1; i < r.endangerment.size(); ++i)
        EXPECT_LE(r.endangerment[i - 1].distanceMm, r.endangerment[i].distanceMm);
    // Scalenes live in the posterior triangle of the neck: their trigger points lie in an endangerment site.
    size_t warned = 0;
    for (const auto& x : scene::suitableTargets(atlas(), *atlas().technique("trp_pressure_release"))) {
        if (x.muscle != "scalenes")
            continue;
        auto s = world().techniques.resolve("trp_pressure_release", x.id, anatomy::Side::Right);
        warned += !s.warning.empty();
        // A site counts as under the contact when it comes within the contact area (the thumb's here).
        float reachMm = 0.0f;
        for (const auto& step : s.steps)
            reachMm = std::max(reachMm, step.contactRadius * 1000.0f);
        ASSERT_GT(reachMm, 0.0f);
        for (const auto& e : s.endangerment)
            EXPECT_EQ(e.containsTarget, e.distanceMm < reachMm) << e.id << " " << e.distanceMm;
    }
    EXPECT_GT(warned, 0u) << "no scalene trigger point was warned about";
}

TEST(TechniqueResolve, FramingLooksAtTheContactFromOutside) {
    auto r = world().techniques.resolve("massage_ball", "gluteus_medius", anatomy::Side::Right);
    auto pose = scene::framingPose(r, 1.5f);
    glm::vec3 toEye = glm::normalize(pose.eye() - r.contact);
    EXPECT_GT(glm::dot(toEye, r.normal), 0.5f);
    EXPECT_TRUE(r.frame.contains(r.contact));
}

// The upper trapezius is worked at mid-fibre over the shoulder, where its trigger points lie, not up the neck at C2.
TEST(TechniqueResolve, UpperTrapeziusContactIsOverTheShoulderNotAtC2) {
    auto c2 = world().resolver.landmark("c2", anatomy::Side::Midline);
    auto c7 = world().resolver.landmark("c7", anatomy::Side::Midline);
    ASSERT_TRUE(c2 && c7);
    float c2y = c2->y, c7y = c7->y;
    for (const auto& t : atlas().techniques) {
        if (scene::suitableTargets(atlas(), t).empty() ||
            std::none_of(t.targets.begin(), t.targets.end(),
                         [](const auto& m) { return m == "any" || m == "trapezius_upper"; }))
            continue;
        auto r = world().techniques.resolve(t.id, "trapezius_upper", anatomy::Side::Right);
        EXPECT_LT(r.targetPoint.y, c2y - 0.04f) << t.id;
        EXPECT_LT(r.targetPoint.y, c7y + 0.03f) << t.id << ": about the level of C7 and the shoulder ridge";
        EXPECT_LT(r.contact.x, -0.04f) << t.id << ": out over the shoulder, not at the midline";
    }
}

// A target inside an endangerment site where the technique is unsafe: the resolution carries the verdict with the
// site, what is at risk and an alternative, and the player cannot be started.
TEST(TechniqueResolve, UnsafeSiteStopsThePlayer) {
    auto roller = world().techniques.resolve("foam_roller", "SCMS-TP2", anatomy::Side::Right);
    ASSERT_FALSE(roller.verdict.allowed()) << roller.verdict.message;
    EXPECT_EQ(roller.verdict.siteId, "anterior_triangle_neck");
    EXPECT_FALSE(roller.verdict.atRisk.empty());
    EXPECT_FALSE(roller.verdict.alternative.empty());
    EXPECT_EQ(roller.warning, roller.verdict.message);
    bool drawn = false;
    for (const auto& e : roller.endangerment)
        drawn |= e.id == roller.verdict.siteId && e.containsTarget && !e.zones.empty();
    EXPECT_TRUE(drawn) << "the site is resolved on the body to be drawn";

    core::ManualClock clock;
    TechniquePlayer p(clock);
    p.load(static_cast<int>(roller.steps.size()), std::vector<float>(roller.steps.size(), 10.0f), 1);
    p.setBlocked(!roller.verdict.allowed());
    p.setChecked(0, true);
    EXPECT_FALSE(p.confirmSafety());
    p.play();
    EXPECT_FALSE(p.playing());
    EXPECT_FALSE(p.next());

    // The taught pincer grip of the SCM stays, with its caution.
    auto pincer = world().techniques.resolve("trp_pressure_release", "SCMS-TP2", anatomy::Side::Right);
    EXPECT_TRUE(pincer.verdict.allowed());
    EXPECT_EQ(pincer.verdict.ruling, anatomy::ContactRuling::Caution);
    EXPECT_NE(pincer.warning.find("Pincer"), std::string::npos) << pincer.warning;
    // Away from every site the rule says nothing.
    auto hamstrings = world().techniques.resolve("foam_roller", "hamstrings", anatomy::Side::Right);
    EXPECT_EQ(hamstrings.verdict.ruling, anatomy::ContactRuling::Allowed);
    EXPECT_TRUE(hamstrings.warning.empty());
}

// Needling is information with a measured depth cue: over the chest wall the first bone met straight in (a rib,
// with the pleura just deep to it) lies a few centimetres down at most, and the target is reported with its depth.
TEST(TechniqueResolve, NeedlingReportsTheDepthCue) {
    size_t ribs = 0, checked = 0;
    for (const char* muscle : {"pectoralis_major", "serratus_anterior", "rhomboids", "trapezius_middle"})
        for (const auto& x : scene::suitableTargets(atlas(), *atlas().technique("dry_needling"))) {
            if (x.muscle != muscle)
                continue;
            if (x.kind == scene::TargetKind::TriggerPoint) {
                const auto* trp = atlas().triggerPoint(x.id);
                if (std::find(trp->sides.begin(), trp->sides.end(), anatomy::Side::Right) == trp->sides.end())
                    continue;
            }
            auto r = world().techniques.resolve("dry_needling", x.id, anatomy::Side::Right);
            EXPECT_TRUE(r.informationOnly);
            ++checked;
            if (r.boneDepthMm >= 0.0f) {
                ++ribs;
                EXPECT_LT(r.boneDepthMm, 80.0f) << x.id;
            }
        }
    EXPECT_GT(checked, 4u);
    EXPECT_GT(ribs, 0u) << "no rib or costal cartilage under any contact over the chest wall";
    std::cout << "needling over the chest wall: a rib or cartilage straight in under " << ribs << " of " << checked
              << " contacts\n";
    auto roller = world().techniques.resolve("foam_roller", "pectoralis_major", anatomy::Side::Right);
    EXPECT_LT(roller.boneDepthMm, 0.0f) << "measured for needles only";
}

TEST(TechniqueResolve, ToolsOnTheSideOfTheNeckAreRefusedOnTheRealBody) {
    // The carotid sheath runs beneath the SCM: a roller, ball, gun, cup or scraper there is refused wherever on the
    // muscle the contact lands, for the muscle and for each of its trigger points, on both sides; the taught
    // pincer grip stays allowed with its caution.
    for (const char* muscle : {"scm_sternal", "scm_clavicular"}) {
        std::vector<std::string> targets{muscle};
        for (const auto* trp : atlas().triggerPointsOf(muscle))
            targets.push_back(trp->id);
        for (const auto& target : targets)
            for (auto side : {anatomy::Side::Right, anatomy::Side::Left}) {
                for (const char* tool : {"foam_roller", "massage_ball", "massage_gun", "cupping", "gua_sha"}) {
                    auto r = world().techniques.resolve(tool, target, side);
                    EXPECT_FALSE(r.verdict.allowed()) << tool << " on " << target << " is allowed";
                }
                auto pincer = world().techniques.resolve("trp_pressure_release", target, side);
                EXPECT_TRUE(pincer.verdict.allowed()) << target << ": " << pincer.verdict.message;
            }
    }
}

// On the projector the Technique panel is hidden: the caption must not send the presenter to it as if it showed.
TEST(TechniqueSafety, TheCaptionSaysWhereTheChecklistIsWhenThePanelIsHidden) {
    core::ManualClock clock;
    TechniquePlayer p(clock);
    p.load(2, {10.0f, 10.0f}, 1);
    scene::ResolvedTechnique r;
    r.techniqueName = "Trigger point pressure release";
    r.targetLabel = "upper trapezius";
    r.steps.resize(2);
    r.steps[0].text = "Locate the taut band.";
    const std::string desk = scene::techniqueCaption(r, 0, false, &p, true);
    EXPECT_NE(desk.find("Confirm the safety checklist in the Technique panel"), std::string::npos) << desk;
    const std::string room = scene::techniqueCaption(r, 0, false, &p, false);
    EXPECT_NE(room.find("leave presentation mode (Esc)"), std::string::npos) << room;
    p.setChecked(0, true);
    ASSERT_TRUE(p.confirmSafety());
    EXPECT_EQ(scene::techniqueCaption(r, 0, false, &p, false).find("checklist"), std::string::npos);
}

// The session the window and the clicker drive: it follows the state's technique, frames a new one once, steps
// only after the checklist, turns the timer's completed step into a command, and reports what cannot be resolved.
TEST(TechniqueSession, FollowsTheStateAndStepsThroughCommands) {
    core::ManualClock clock;
    scene::AtlasContext context{test::testBody(), &atlas(), &world().resolver, ""};
    scene::TechniqueSession session(context, clock);
    scene::AppState state;
    scene::Commands out;
    session.follow(state);
    EXPECT_EQ(session.resolved(), nullptr);
    EXPECT_TRUE(session.caption(state, false).empty());

    scene::apply(state, test::testBody(), scene::SetTechnique{{"trp_pressure_release", "TRAPU-TP1", "right", 0, ""}});
    session.follow(state);
    ASSERT_NE(session.resolved(), nullptr) << session.error();
    EXPECT_FALSE(session.overlays().empty());
    const auto version = session.overlayVersion();
    session.frameNew(1.5f, out);
    session.frameNew(1.5f, out); // once per technique
    ASSERT_EQ(out.list().size(), 1u);
    EXPECT_TRUE(std::holds_alternative<scene::AnimateCamera>(out.list()[0]));
    EXPECT_FALSE(session.stepping(state)); // the checklist first
    EXPECT_NE(session.caption(state, false).find("Step 1/"), std::string::npos) << session.caption(state, false);

    auto& player = session.player();
    for (size_t i = 0; i < session.resolved()->safety.size(); ++i)
        player.setChecked(i, true);
    ASSERT_TRUE(player.confirmSafety());
    EXPECT_TRUE(session.stepping(state));
    out.clear();
    EXPECT_TRUE(session.onAction(scene::Action::Next, out));
    ASSERT_EQ(out.list().size(), 1u);
    scene::applyAll(state, test::testBody(), out);
    EXPECT_EQ(state.view.technique.step, 1);
    session.follow(state); // the player and the overlays follow the state
    EXPECT_EQ(player.step(), 1);
    EXPECT_GT(session.overlayVersion(), version);
    EXPECT_FALSE(session.onAction(scene::Action::ViewPosterior, out));

    // The timer completes the step: the state is told, through a command.
    out.clear();
    player.play();
    clock.advance(static_cast<double>(session.resolved()->steps[1].durationS) + 0.1);
    EXPECT_TRUE(session.tick(out));
    ASSERT_EQ(out.list().size(), 1u);
    EXPECT_EQ(std::get<scene::SetTechniqueStep>(out.list()[0]).step, 2);

    scene::apply(state, test::testBody(), scene::SetTechnique{{"no_such_technique", "TRAPU-TP1", "right", 0, ""}});
    session.follow(state);
    EXPECT_EQ(session.resolved(), nullptr);
    EXPECT_FALSE(session.error().empty());
    EXPECT_EQ(session.caption(state, false).rfind("Technique: ", 0), 0u);
    EXPECT_FALSE(session.framing(state, 1.5f).has_value());
}

// The site rule reaches the session: a roller on the side of the neck cannot be started, by key or timer.
TEST(TechniqueSession, ARefusedToolCannotBeStarted) {
    core::ManualClock clock;
    scene::AtlasContext context{test::testBody(), &atlas(), &world().resolver, ""};
    scene::TechniqueSession session(context, clock);
    scene::AppState state;
    scene::apply(state, test::testBody(), scene::SetTechnique{{"foam_roller", "scm_sternal", "right", 0, ""}});
    session.follow(state);
    ASSERT_NE(session.resolved(), nullptr) << session.error();
    EXPECT_FALSE(session.resolved()->verdict.allowed());
    EXPECT_TRUE(session.player().blocked());
    EXPECT_FALSE(session.player().confirmSafety());
    EXPECT_FALSE(session.stepping(state));
}
