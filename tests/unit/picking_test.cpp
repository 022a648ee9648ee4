// Picking with the CPU BVH: synthetic cases, then rays through known points of the real body.
#include "geometry/bvh.h"
#include "scene/camera.h"
#include "scene/options.h"
#include "scene/picker.h"
#include "support/test_body.h"

#include <glm/geometric.hpp>

using namespace myoatlas;

namespace {
geometry::Mesh quad(float z) {
    geometry::Mesh m;
    m.positions = {{-1, -1, z}, {1, -1, z}, {1, 1, z}, {-1, 1, z}};
    m.normals.assign(4, {0, 0, 1});
    m.indices = {0, 1, 2, 0, 2, 3};
    return m;
}
} // namespace

TEST(Bvh, NearestOfTwoPlanesAndMask) {
    auto a = quad(0.0f), b = quad(0.5f);
    const geometry::Mesh* meshes[] = {&a, &b};
    geometry::Bvh bvh;
    bvh.build(meshes);
    geometry::Ray ray{{0.2f, 0.3f, 2.0f}, {0, 0, -1}};
    auto hit = bvh.intersect(ray);
    ASSERT_TRUE(hit.hit);
    EXPECT_EQ(hit.mesh, 1u);
    EXPECT_NEAR(hit.t, 1.5f, 1e-5f);
    std::vector<uint8_t> mask = {1, 0};
    auto masked = bvh.intersect(ray, 100.0f, mask);
    ASSERT_TRUE(masked.hit);
    EXPECT_EQ(masked.mesh, 0u);
    EXPECT_FALSE(bvh.intersect({{5, 5, 2}, {0, 0, -1}}).hit);
    auto cp = bvh.closestPoint({0.1f, 0.1f, 0.2f});
    ASSERT_TRUE(cp.found);
    EXPECT_NEAR(cp.distance, 0.2f, 1e-5f);
}

TEST(Bvh, MatchesBruteForceOnManyRays) {
    // A bumpy grid: every BVH answer must equal the brute-force nearest hit.
    geometry::Mesh m;
    const int n = 40;
    for (int y = 0; y <= n; ++y)
        for (int x = 0; x <= n; ++x)
            m.positions.push_back({x / float(n), y / float(n), 0.05f * std::sin(x * 0.7f) * std::cos(y * 0.5f)});
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            uint32_t i = y * (n + 1) + x;
            m.indices.insert(m.indices.end(), {i, i + 1, i + n + 2, i, i + n + 2, i + n + 1});
        }
    m.computeNormals();
    geometry::Bvh bvh;
    bvh.build(m);
    geometry::Bvh single;
    for (int k = 0; k < 200; ++k) {
        glm::vec3 o(0.5f + 0.4f * std::sin(k * 1.3f), 0.5f + 0.4f * std::cos(k * 0.7f), 1.0f);
        glm::vec3 d = glm::normalize(glm::vec3(0.1f * std::sin(k), 0.1f * std::cos(k * 2.1f), -1.0f));
        auto hit = bvh.intersect({o, d});
        float best = 1e30f;
        for (size_t t = 0; t < m.triangleCount(); ++t) {
            geometry::Mesh tri;
            tri.positions = {m.positions[m.indices[t * 3]], m.positions[m.indices[t * 3 + 1]],
                             m.positions[m.indices[t * 3 + 2]]};
            tri.indices = {0, 1, 2};
            single.build(tri);
            auto h = single.intersect({o, d});
            if (h.hit)
                best = std::min(best, h.t);
        }
        ASSERT_EQ(hit.hit, best < 1e29f) << k;
        if (hit.hit) {
            EXPECT_NEAR(hit.t, best, 1e-5f) << k;
        }
    }
}

TEST(Picking, RayThroughKnownPointsHitsTheRightStructure) {
    const auto& body = test::testBody();
    scene::Picker picker(body);
    scene::ViewState view; // defaults: skin faded to 0.18, clicked through
    auto pickAt = [&](glm::vec3 from, glm::vec3 to) {
        auto hit = picker.pick({from, glm::normalize(to - from)}, view);
        return hit ? body.structures[hit->structure].name : std::string("nothing");
    };
    auto centre = [&](const char* name) { return scene::boundsOf(body, scene::findStructures(body, name)).center(); };
    // From behind, at the centre of the right gluteus maximus: the muscle itself.
    glm::vec3 glute = centre("right gluteus maximus");
    EXPECT_EQ(pickAt(glute + glm::vec3(0, 0, -1), glute), "right gluteus maximus");
    // From in front of the thigh at mid-height of the right rectus femoris.
    glm::vec3 rf = centre("right rectus femoris");
    EXPECT_EQ(pickAt(rf + glm::vec3(0, 0, 1), rf), "right rectus femoris");
    // Skin made opaque: now the skin takes the click.
    view.layers[index(anatomy::Layer::Skin)].opacity = 1.0f;
    EXPECT_EQ(pickAt(rf + glm::vec3(0, 0, 1), rf), "skin");
    // Superficial muscles hidden: the ray through the gluteus maximus reaches a deeper structure.
    view.layers[index(anatomy::Layer::Skin)].visible = false;
    view.layers[index(anatomy::Layer::SuperficialMuscle)].visible = false;
    EXPECT_NE(pickAt(glute + glm::vec3(0, 0, -1), glute), "right gluteus maximus");
}

TEST(Picking, AStructureWithoutTrianglesYetIsClickedThrough) {
    // The window's fascia structures are empty until the layer is generated; shown (the layer ticked early, fully
    // opaque) they must neither take the click nor upset the nearest-first order with their empty boxes.
    anatomy::Body body = test::testBody();
    anatomy::Structure sheet;
    sheet.name = "sheet still being generated";
    sheet.category = anatomy::Category::Fascia;
    sheet.layer = anatomy::Layer::Fascia;
    body.structures.push_back(sheet);
    body.meshes.emplace_back();
    scene::Picker picker(body);
    scene::ViewState view;
    view.layers[index(anatomy::Layer::Fascia)] = {true, 1.0f};
    const glm::vec3 rf = scene::boundsOf(body, scene::findStructures(body, "right rectus femoris")).center();
    auto hit = picker.pick({rf + glm::vec3(0, 0, 1), glm::vec3(0, 0, -1)}, view);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(body.structures[hit->structure].name, "right rectus femoris");
}

TEST(Picking, CameraRayThroughTheCentreOfTheScreen) {
    scene::Camera cam;
    cam.pose.target = {0.1f, 0.9f, 0.05f};
    cam.pose.distance = 2.0f;
    cam.pose.yaw = 0.7f;
    cam.pose.pitch = 0.2f;
    auto ray = cam.rayThrough({400, 300}, {800, 600});
    glm::vec3 toTarget = glm::normalize(cam.pose.target - ray.origin);
    EXPECT_GT(glm::dot(ray.direction, toTarget), 0.99999f);
    auto p = cam.project(cam.pose.target, {800, 600});
    ASSERT_TRUE(p.has_value());
    EXPECT_NEAR(p->x, 400.0f, 0.01f);
    EXPECT_NEAR(p->y, 300.0f, 0.01f);
}
