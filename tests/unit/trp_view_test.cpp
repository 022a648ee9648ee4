// The trigger point as taught on the real body, GL-free: the knot on its muscle within a taut band along the fibres,
// sized for the zoom, satellites only when asked for; the heat session spreading from the knot to the essential
// zone, then the spillover, and holding; the view facing each pattern. Needs MYOATLAS_TEST_DATA.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
#include "scene/heat_session.h"
#include "scene/referral_view.h"
#include "scene/self_care.h"
#include "scene/trigger_point_markers.h"
#include "support/test_body.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <thread>

using namespace myoatlas;

namespace {

struct World {
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    anatomy::AtlasResolver resolver{atlas, test::testBody()};
    scene::SkinHeat skin{test::testBody(), &atlas, &resolver};
};

World& world() {
    static World w;
    return w;
}

const scene::TrpMarker* markerOf(const scene::TrpMarkers& markers, const std::string& id) {
    for (const auto& m : markers.markers())
        if (m.trp && m.trp->id == id)
            return &m;
    return nullptr;
}

struct MuscleGeometry {
    geometry::Bvh bvh;
    geometry::MuscleCentreline centreline;
};

MuscleGeometry muscleOf(const std::string& trpId) {
    auto& w = world();
    const auto* trp = w.atlas.triggerPoint(trpId);
    const auto rm = w.resolver.muscle(*w.atlas.muscle(trp->muscle));
    std::vector<const geometry::Mesh*> meshes;
    for (uint32_t s : rm.right)
        meshes.push_back(&test::testBody().meshes[s]);
    MuscleGeometry g;
    g.bvh.build(meshes);
    g.centreline = geometry::muscleCentreline(meshes);
    return g;
}

} // namespace

TEST(TrpMarkers, TheKnotLiesOnItsMuscleWithinATautBandAlongTheFibres) {
    auto& w = world();
    for (const char* id : {"TRAPU-TP1", "INFRA-TP1", "GMED-TP1", "SOL-TP1", "SCMS-TP1", "TEMP-TP1"}) {
        SCOPED_TRACE(id);
        scene::TrpMarkers markers(test::testBody(), w.atlas, w.resolver);
        ASSERT_TRUE(markers.update({{id, "right"}}, {}, {}, {1.0f, std::nullopt, false}));
        const scene::TrpMarker* m = markerOf(markers, id);
        ASSERT_NE(m, nullptr);
        const MuscleGeometry g = muscleOf(id);
        // The nodule sits on (or in) its muscle: its centre within its own radius of the surface.
        EXPECT_LE(g.bvh.closestPoint(m->position).distance, m->radius);
        // The band runs along the fibres (the centreline's direction there), on the muscle, a few cm long.
        const glm::vec3 axis = geometry::fibreDirectionAt(g.centreline, m->position);
        EXPECT_GT(std::abs(glm::dot(m->fibre, axis)), 0.99f);
        ASSERT_GE(m->band.size(), 5u);
        const glm::vec3 span = m->band.back() - m->band.front();
        EXPECT_GT(glm::length(span), 0.02f);
        EXPECT_GT(std::abs(glm::dot(glm::normalize(span), axis)), 0.8f); // kept on a curved surface, so not exact
        for (const glm::vec3& p : m->band)
            EXPECT_LE(g.bvh.closestPoint(p).distance, 0.003f);
        // The knot is in the middle of its band.
        EXPECT_LT(glm::length(m->band[m->band.size() / 2] - m->position), 0.005f);
        ASSERT_FALSE(markers.overlays().empty());
        EXPECT_TRUE(markers.overlays().front().onTop);
    }
}

TEST(TrpMarkers, TheKnotKeepsItsSizeOnScreenAsTheViewZooms) {
    auto& w = world();
    scene::TrpMarkers markers(test::testBody(), w.atlas, w.resolver);
    const std::vector<scene::TriggerPointRef> shown = {{"TRAPU-TP1", "right"}};
    ASSERT_TRUE(markers.update(shown, {}, {}, {2.5f, std::nullopt, false}));
    const float far = markerOf(markers, "TRAPU-TP1")->radius;
    EXPECT_FALSE(markers.update(shown, {}, {}, {2.5f, std::nullopt, false})); // nothing changed: no rebuild
    ASSERT_TRUE(markers.update(shown, {}, {}, {1.2f, std::nullopt, false}));
    const float near = markerOf(markers, "TRAPU-TP1")->radius;
    // About the same size on screen (radius / distance), within the 12% zoom steps.
    EXPECT_NEAR((far / 2.5f) / (near / 1.2f), 1.0f, 0.15f);
    EXPECT_GT(far, near);
    // Close up it stays a palpable lump, not a speck.
    markers.update(shown, {}, {}, {0.2f, std::nullopt, false});
    EXPECT_GE(markerOf(markers, "TRAPU-TP1")->radius, 0.0025f);
    // Visible in a whole-body view: at least 5 px across on a 1080-line screen.
    const float screenHeight = 2.0f * 2.5f * std::tan(0.3f);
    EXPECT_GE(2.0f * far / screenHeight * 1080.0f, 5.0f);
}

TEST(TrpMarkers, SatellitesOnlyWhenAskedForOrTheirMuscleIsStudied) {
    auto& w = world();
    const anatomy::TriggerPoint* primary = nullptr;
    for (const auto& t : w.atlas.triggerPoints)
        if (!t.satellites.empty() &&
            (t.sides.empty() || std::count(t.sides.begin(), t.sides.end(), anatomy::Side::Right))) {
            primary = &t;
            break;
        }
    ASSERT_NE(primary, nullptr);
    const std::vector<scene::TriggerPointRef> shown = {{primary->id, "right"}};
    auto satellitesMarked = [&](const scene::TrpMarkers& markers) {
        size_t n = 0;
        for (const auto& sid : primary->satellites)
            n += markerOf(markers, sid) ? 1 : 0;
        return n;
    };
    scene::TrpMarkers markers(test::testBody(), w.atlas, w.resolver);
    markers.update(shown, {}, {});
    EXPECT_EQ(satellitesMarked(markers), 0u) << primary->id;
    EXPECT_EQ(markers.overlays().size(), 1u); // the knot and band only: no chain
    markers.update(shown, {}, {}, {2.5f, std::nullopt, true});
    EXPECT_GT(satellitesMarked(markers), 0u);
    EXPECT_GT(markers.overlays().size(), 1u); // the chain from the key trigger point
    markers.update(shown, {{primary->muscle, anatomy::Side::Right}}, {});
    EXPECT_GT(satellitesMarked(markers), 0u);
}

TEST(HeatSession, SpreadsFromTheKnotToTheEssentialZoneThenTheSpilloverAndHolds) {
    auto& w = world();
    scene::HeatSession session(w.skin);
    const std::vector<scene::TriggerPointRef> shown = {{"TRAPU-TP1", "right"}};
    session.update(shown, {}, 0.0f, 0.0, 1.0f, true); // a headless frame: waits for the field
    ASSERT_TRUE(session.shown());
    const scene::HeatField* field = session.field(shown[0]);
    ASSERT_NE(field, nullptr);
    EXPECT_NEAR(field->settleSeconds(), 3.0f, 0.35f); // about 3 s from the knot to the settled pattern
    EXPECT_EQ(*std::max_element(session.values().begin(), session.values().end()), 0.0f);

    // Half way through the essential phase some essential skin is hot and no spillover-only skin is yet.
    const float essentialEnd = field->spreadSeconds() * field->options().essentialShare;
    session.update(shown, {}, 0.5f * essentialEnd, 0.0, 1.0f, false);
    float essentialHeat = 0.0f, spillHeat = 0.0f;
    for (size_t v = 0; v < session.values().size(); ++v) {
        const float h = session.values()[v];
        if (field->zones()[v] == scene::HeatZone::Essential)
            essentialHeat = std::max(essentialHeat, h);
        else if (field->zones()[v] == scene::HeatZone::Spillover && field->steady()[v] <= scene::kSpilloverHeat)
            spillHeat = std::max(spillHeat, h);
    }
    EXPECT_GT(essentialHeat, 0.3f);
    EXPECT_EQ(spillHeat, 0.0f);

    // Settled at 3 s: the steady pattern within the pulse.
    session.update(shown, {}, 3.5f, 0.0, 1.0f, false);
    for (size_t v = 0; v < session.values().size(); v += 97) {
        EXPECT_LE(session.values()[v], field->steady()[v] + 1e-6f);
        EXPECT_GE(session.values()[v], (1.0f - field->options().pulseDepth) * field->steady()[v] - 1e-6f);
    }

    // Live: the clock runs at the panel's speed, and replay starts again from the knot.
    session.update(shown, {}, -1.0f, 0.0, 1.0f, false);
    session.replay();
    session.update(shown, {}, -1.0f, 0.5, 2.0f, false);
    EXPECT_NEAR(session.shownTime(), 1.0f, 1e-3f);
    EXPECT_TRUE(session.travelling());
    session.replay();
    session.update(shown, {}, -1.0f, 0.0, 1.0f, false);
    EXPECT_NEAR(session.shownTime(), 0.0f, 1e-3f);
}

TEST(ReferralPose, FacesEachPatternOnTheRealBody) {
    auto& w = world();
    const uint32_t skin = *test::testBody().skin();
    auto poseFor = [&](const std::string& id) {
        scene::HeatSession session(w.skin);
        session.update({{id, "right"}}, {}, 0.0f, 0.0, 1.0f, true);
        const scene::HeatField* field = session.field({id, "right"});
        EXPECT_NE(field, nullptr) << id;
        const scene::HeatField* fields[] = {field};
        const glm::vec3 knots[] = {session.referral({id, "right"})->trpPosition};
        return scene::referralPose(test::testBody().meshes[skin], fields, knots, {}, 16.0f / 9.0f);
    };
    // Soleus refers to the heel and the back of the calf, gluteus medius to the buttock: seen from behind.
    for (const char* id : {"SOL-TP1", "GMED-TP1"}) {
        const auto pose = poseFor(id);
        EXPECT_LT(pose.eye().z, pose.target.z) << id;
    }
    // Temporalis refers over the temple and the teeth of its side (the right, -X): seen from the right.
    const auto temporalis = poseFor("TEMP-TP1");
    EXPECT_LT(temporalis.eye().x, temporalis.target.x);
}

// A selection of body structures, as atlas muscles: both parts of the right upper trapezius are one muscle on one
// side; the left one is another entry; bones and skin are no muscle.
TEST(MuscleLookup, TheSelectionAsAtlasMusclesAndSides) {
    auto& w = world();
    const scene::MuscleLookup lookup(w.atlas, w.resolver);
    const auto rm = w.resolver.muscle(*w.atlas.muscle("trapezius_upper"));
    ASSERT_FALSE(rm.right.empty());
    ASSERT_FALSE(rm.left.empty());
    std::vector<uint32_t> selection = rm.right;
    selection.insert(selection.end(), rm.right.begin(), rm.right.end()); // twice: still one entry
    selection.push_back(rm.left.front());
    ASSERT_TRUE(test::testBody().skin());
    selection.push_back(*test::testBody().skin());
    const auto muscles = lookup.selected(selection);
    ASSERT_EQ(muscles.size(), 2u);
    EXPECT_EQ(muscles[0].id, "trapezius_upper");
    EXPECT_EQ(muscles[0].side, anatomy::Side::Right);
    EXPECT_EQ(muscles[1].side, anatomy::Side::Left);
    EXPECT_TRUE(scene::MuscleLookup{}.selected(selection).empty()) << "no atlas: no muscles";
}

// The self-care tool's verdict for the source a patient is shown, resolved on a worker: asking again collects it;
// an unknown trigger point is never "known" and leaves the state at "none".
TEST(SelfCareVerdicts, ResolvedInTheBackgroundAndCollectedOnTheNextAsk) {
    auto& w = world();
    scene::SelfCareVerdicts verdicts(&w.atlas, test::testBody());
    EXPECT_EQ(verdicts.state(), "none");
    verdicts.request("NO-SUCH-TP", "right");
    EXPECT_FALSE(verdicts.busy());
    EXPECT_FALSE(verdicts.known("NO-SUCH-TP", "right"));
    verdicts.request("TRAPU-TP1", "right");
    EXPECT_FALSE(verdicts.known("TRAPU-TP1", "right"));
    for (int i = 0; i < 600 && !verdicts.known("TRAPU-TP1", "right"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        verdicts.request("TRAPU-TP1", "right");
    }
    ASSERT_TRUE(verdicts.known("TRAPU-TP1", "right"));
    ASSERT_NE(verdicts.verdict(), nullptr);
    EXPECT_EQ(verdicts.state(), verdicts.verdict()->allowed() ? "allowed" : "refused");
    EXPECT_FALSE(verdicts.known("TRAPU-TP1", "left"));
}
