// Import of the real body: counts against the manifest, layers of well-known muscles, grouping.
#include "io/manifest.h"
#include "scene/options.h"
#include "support/test_body.h"

#include <map>

using namespace myoatlas;

namespace {

std::vector<uint32_t> byName(const std::string& name) {
    auto found = scene::findStructures(test::testBody(), name);
    EXPECT_FALSE(found.empty()) << "no structure named " << name;
    return found;
}

anatomy::Layer layerOf(const std::string& name) {
    auto found = byName(name);
    return found.empty() ? anatomy::Layer::Skin : test::testBody().structures[found.front()].layer;
}

} // namespace

TEST(BodyImport, CountsPerCategoryMatchTheManifest) {
    auto rows = io::readManifest(test::testDataDir() / "manifest.csv");
    std::map<anatomy::Category, size_t> expected;
    for (const auto& r : rows)
        expected[r.category]++;
    const auto& body = test::testBody();
    EXPECT_TRUE(body.failures.empty());
    EXPECT_EQ(body.size(), rows.size());
    for (auto [category, count] : expected)
        EXPECT_EQ(body.countInCategory(category), count) << anatomy::categoryName(category);
    EXPECT_EQ(expected[anatomy::Category::Muscle], 456u);
    EXPECT_EQ(expected[anatomy::Category::Bone], 203u);
}

TEST(BodyImport, MeshesAreInTheDocumentedFrame) {
    const auto& body = test::testBody();
    auto skin = body.skin();
    ASSERT_TRUE(skin.has_value());
    auto b = body.structures[*skin].bounds;
    EXPECT_NEAR(b.min.y, -0.078f, 0.002f);
    EXPECT_NEAR(b.max.y, 1.642f, 0.002f);
    EXPECT_NEAR(b.min.z, -0.045f, 0.002f);
    EXPECT_NEAR(b.max.z, 0.247f, 0.002f);
    for (const auto& m : body.meshes) {
        ASSERT_EQ(m.normals.size(), m.positions.size());
        ASSERT_EQ(m.indices.size() % 3, 0u);
    }
}

TEST(BodyImport, SuperficialMusclesAreSuperficial) {
    for (const char* name : {"right trapezius", "left trapezius", "right latissimus dorsi", "left latissimus dorsi",
                             "right gluteus maximus", "left gluteus maximus", "right deltoid",
                             "right sternocleidomastoid", "right external oblique", "right tibialis anterior"})
        EXPECT_EQ(layerOf(name), anatomy::Layer::SuperficialMuscle) << name;
}

TEST(BodyImport, DeepMusclesAreDeep) {
    for (const char* name :
         {"right levator scapulae", "left levator scapulae", "right rhomboid major", "right rhomboid minor",
          "left rhomboid major", "right piriformis", "left piriformis", "right psoas major", "left psoas major",
          "right quadratus lumborum", "right gluteus minimus", "right supinator"})
        EXPECT_EQ(layerOf(name), anatomy::Layer::DeepMuscle) << name;
}

TEST(BodyImport, EveryMuscleIsInTheLayerOfItsOtherSide) {
    // The two sides' meshes differ by segmentation: five pairs near the threshold were split (left gluteus medius
    // superficial, right deep). A pair is superficial only when both sides are.
    const auto& body = test::testBody();
    std::map<std::string, anatomy::Layer> layers;
    for (const auto& s : body.structures)
        if (s.category == anatomy::Category::Muscle)
            layers[s.name] = s.layer;
    size_t pairs = 0;
    for (const auto& [name, layer] : layers) {
        const auto at = name.find("left ");
        if (at == std::string::npos || (at > 0 && name[at - 1] != ' '))
            continue;
        const auto other = layers.find(name.substr(0, at) + "right " + name.substr(at + 5));
        if (other == layers.end())
            continue;
        ++pairs;
        EXPECT_EQ(layer, other->second) << name;
    }
    EXPECT_GT(pairs, 150u);
    EXPECT_EQ(layerOf("left gluteus medius"), anatomy::Layer::DeepMuscle);
    EXPECT_EQ(layerOf("right gluteus medius"), anatomy::Layer::DeepMuscle);
}

TEST(BodyImport, OtherTissuesGetTheirLayers) {
    EXPECT_EQ(layerOf("FMA7163"), anatomy::Layer::Skin);
    EXPECT_EQ(layerOf("right femur"), anatomy::Layer::Bone);
    EXPECT_EQ(layerOf("right iliotibial tract"), anatomy::Layer::Connective);
}

TEST(BodyImport, PartsAreGroupedIntoWholeMuscles) {
    const auto& body = test::testBody();
    auto trapezius = scene::findStructures(body, "right trapezius");
    ASSERT_EQ(trapezius.size(), 3u);
    for (uint32_t s : trapezius) {
        EXPECT_EQ(body.structures[s].side, anatomy::Side::Right);
        EXPECT_NE(body.structures[s].name.find("right trapezius"), std::string::npos);
    }
    EXPECT_EQ(scene::findStructures(body, "left deltoid").size(), 3u);
    EXPECT_EQ(scene::findStructures(body, "right biceps brachii").size(), 2u);
    EXPECT_EQ(scene::findStructures(body, "right triceps brachii").size(), 3u);
    EXPECT_EQ(scene::findStructures(body, "left gastrocnemius").size(), 2u);
    EXPECT_EQ(scene::findStructures(body, "right pectoralis major").size(), 3u);
}

TEST(BodyImport, RegionsFollowTheBody) {
    const auto& body = test::testBody();
    auto regionOf = [&](const char* n) { return body.structures[byName(n).front()].region; };
    EXPECT_EQ(regionOf("right biceps brachii"), anatomy::Region::UpperLimb);
    EXPECT_EQ(regionOf("right soleus"), anatomy::Region::LowerLimb);
    EXPECT_EQ(regionOf("right femur"), anatomy::Region::LowerLimb);
    EXPECT_EQ(regionOf("right sternocleidomastoid"), anatomy::Region::Neck);
    EXPECT_EQ(regionOf("right temporalis"), anatomy::Region::Head);
    EXPECT_EQ(regionOf("right psoas major"), anatomy::Region::Trunk);
}
