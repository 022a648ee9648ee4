// The masseter and lateral pterygoid, absent from BodyParts3D, modelled from their attachments on the real body:
// present on both sides, labelled as modelled, and lying where the muscles are. Needs MYOATLAS_TEST_DATA.
#include "anatomy/landmark_resolver.h"
#include "geometry/bvh.h"
#include "io/modelled_muscles.h"
#include "support/test_body.h"

#include <gtest/gtest.h>

using namespace myoatlas;
using namespace myoatlas::anatomy;

namespace {

const Atlas& atlas() {
    static const Atlas a = loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

const Body& modelledBody() {
    static const Body b = [] {
        Body body = test::testBody();
        EXPECT_EQ(io::addModelledMuscles(body, atlas()), 4u);
        return body;
    }();
    return b;
}

const Structure* find(const std::string& fj, size_t& index) {
    const Body& b = modelledBody();
    for (size_t i = 0; i < b.structures.size(); ++i)
        if (b.structures[i].fj == fj) {
            index = i;
            return &b.structures[i];
        }
    return nullptr;
}

} // namespace

TEST(ModelledMuscles, BothSidesAreAddedAndLabelledAsModelled) {
    EXPECT_EQ(modelledBody().size(), test::testBody().size() + 4);
    for (const char* fj :
         {"MODEL_masseter_R", "MODEL_masseter_L", "MODEL_lateral_pterygoid_R", "MODEL_lateral_pterygoid_L"}) {
        size_t i = 0;
        const Structure* s = find(fj, i);
        ASSERT_NE(s, nullptr) << fj;
        EXPECT_EQ(s->set, "modelled");
        EXPECT_NE(s->name.find("modelled"), std::string::npos);
        EXPECT_EQ(s->category, Category::Muscle);
        const auto& mesh = modelledBody().meshes[i];
        EXPECT_GT(mesh.triangleCount(), 50u) << fj;
        EXPECT_EQ(mesh.positions.size(), mesh.normals.size());
        bool right = std::string(fj).ends_with("_R");
        for (const auto& v : mesh.positions)
            EXPECT_EQ(v.x < 0.0f, right) << fj;
    }
}

TEST(ModelledMuscles, MasseterSpansArchToAngleOverTheRamus) {
    AtlasResolver resolver(atlas(), test::testBody());
    for (const char* side : {"_R", "_L"}) {
        size_t i = 0;
        ASSERT_NE(find(std::string("MODEL_masseter") + side, i), nullptr);
        const Side s = side == std::string("_R") ? Side::Right : Side::Left;
        auto arch = resolver.landmark("zygomatic_arch", s);
        auto angle = resolver.landmark("mandible_angle", s);
        ASSERT_TRUE(arch && angle);
        geometry::Aabb box = modelledBody().meshes[i].bounds();
        // From about the arch down to about the angle (a radius beyond each end for the rounded caps).
        EXPECT_NEAR(box.max.y, arch->y, 0.025f) << side;
        EXPECT_NEAR(box.min.y, angle->y, 0.025f) << side;
        // A sheet: much thinner across the face than it is wide front to back.
        EXPECT_LT(box.max.x - box.min.x, 0.6f * (box.max.z - box.min.z)) << side;
        // Over the jaw, not floating off it: its centre within 2 cm of the mandible's surface.
        size_t mandible = *test::testBody().findByName("mandible");
        geometry::Bvh bvh;
        bvh.build(test::testBody().meshes[mandible]);
        EXPECT_LT(bvh.closestPoint(box.center()).distance, 0.02f) << side;
    }
}

TEST(ModelledMuscles, NothingIsModelledWhereTheBodyHasTheMuscle) {
    Atlas a = atlas();
    for (auto& m : a.muscles)
        if (m.id == "masseter" || m.id == "lateral_pterygoid")
            m.meshPresent = true;
    Body body = test::testBody();
    EXPECT_EQ(io::addModelledMuscles(body, a), 0u);
    EXPECT_EQ(body.size(), test::testBody().size());
}

TEST(ModelledMuscles, AGivenResolverAndASharedSkinTreeGiveWhatFreshOnesGive) {
    // The start-up resolves the attachments with a resolver it then hands its skin tree on from: the same muscles,
    // and the world's resolver puts points on the skin where one that built its own tree does.
    Body body = test::testBody();
    std::shared_ptr<const geometry::Bvh> tree;
    {
        AtlasResolver before(atlas(), body);
        EXPECT_EQ(io::addModelledMuscles(body, atlas(), &before), 4u);
        tree = before.skinTree();
    }
    const Body& reference = modelledBody();
    ASSERT_EQ(body.size(), reference.size());
    for (size_t i = reference.size() - 4; i < reference.size(); ++i) {
        EXPECT_EQ(body.structures[i].fj, reference.structures[i].fj);
        EXPECT_EQ(body.meshes[i].positions, reference.meshes[i].positions);
    }
    AtlasResolver shared(atlas(), body, tree), own(atlas(), body);
    EXPECT_EQ(shared.skinTree(), tree);
    for (const glm::vec3 p :
         {glm::vec3(0.0f, 1.4f, 0.05f), glm::vec3(0.1f, 0.9f, 0.1f), glm::vec3(-0.2f, 0.3f, 0.0f)}) {
        EXPECT_EQ(shared.toSkin(p, Toward::Nearest, Side::Right), own.toSkin(p, Toward::Nearest, Side::Right));
        EXPECT_EQ(shared.distanceToSkin(p), own.distanceToSkin(p));
    }
}
