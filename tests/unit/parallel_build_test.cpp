// The cold start's parallel and shared work gives exactly what one thread doing each step on its own gives: the
// BVH (built on workers), the muscle layers (rays on workers) and the two fascia shells (one BVH and one set of
// nearest-skin queries for both). Synthetic data; the real body is checked byte for byte through its caches.
#include "geometry/bvh.h"
#include "geometry/fascia_shell.h"
#include "geometry_test_support.h"
#include "io/classify.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <random>
#include <span>
#include <stdexcept>

using namespace myoatlas;
using geometry::Mesh;
namespace gt = myoatlas::geometry::testing;

namespace {

bool sameBits(const glm::vec3& a, const glm::vec3& b) {
    return std::memcmp(&a, &b, sizeof(glm::vec3)) == 0;
}

bool sameBits(float a, float b) {
    return std::memcmp(&a, &b, sizeof(float)) == 0;
}

// Several overlapping meshes, over the size where the build goes parallel.
std::vector<Mesh> crowd() {
    std::vector<Mesh> meshes;
    meshes.push_back(gt::makeEllipsoid({0, 0, 0}, {0.10f, 0.25f, 0.08f}, 160, 256));
    meshes.push_back(gt::makeEllipsoid({0.02f, 0.05f, 0.01f}, {0.05f, 0.12f, 0.04f}, 60, 90));
    meshes.push_back(gt::makeEllipsoid({-0.04f, -0.1f, 0.0f}, {0.03f, 0.03f, 0.03f}, 20, 30));
    return meshes;
}

} // namespace

TEST(ParallelBuild, BvhIsTheSameForAnyThreadCount) {
    const std::vector<Mesh> meshes = crowd();
    std::vector<const Mesh*> list;
    for (const Mesh& m : meshes)
        list.push_back(&m);
    geometry::Bvh serial, parallel;
    serial.build(list, 1);
    parallel.build(list, 4);
    ASSERT_GT(serial.triangleCount(), 65536u); // the parallel path is taken
    EXPECT_EQ(serial.nodeCount(), parallel.nodeCount());

    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-0.3f, 0.3f);
    int hits = 0, found = 0;
    for (int k = 0; k < 4000; ++k) {
        const glm::vec3 from(u(rng), u(rng), u(rng)), towards(0.2f * u(rng), 0.5f * u(rng), 0.2f * u(rng));
        geometry::Ray ray{from, towards - from}; // mostly through the meshes, from inside and outside
        const geometry::RayHit a = serial.intersect(ray), b = parallel.intersect(ray);
        ASSERT_EQ(a.hit, b.hit) << "ray " << k;
        if (a.hit) {
            ++hits;
            EXPECT_TRUE(sameBits(a.t, b.t) && a.mesh == b.mesh && a.triangle == b.triangle &&
                        sameBits(a.point, b.point))
                << "ray " << k;
        }
        const glm::vec3 p = ray.origin;
        const geometry::ClosestPoint c = serial.closestPoint(p, 0.05f), d = parallel.closestPoint(p, 0.05f);
        ASSERT_EQ(c.found, d.found) << "point " << k;
        if (c.found) {
            ++found;
            EXPECT_TRUE(sameBits(c.distance, d.distance) && c.mesh == d.mesh && c.triangle == d.triangle &&
                        sameBits(c.point, d.point))
                << "point " << k;
        }
    }
    EXPECT_GT(hits, 2000);
    EXPECT_GT(found, 300);
}

TEST(ParallelBuild, ABvhOverALevelOfDetailHitsThatLevel) {
    // The layer rays hit each occluder's finest level: a tree over a level's list is the tree over a mesh whose
    // triangles are that list.
    Mesh mesh = gt::makeEllipsoid({0, 0, 0}, {0.1f, 0.2f, 0.1f}, 48, 64);
    mesh.buildLods();
    ASSERT_FALSE(mesh.lods.empty());
    Mesh level = mesh;
    level.indices = mesh.lods.front().indices;
    level.lods.clear();
    const Mesh* one = &mesh;
    const std::vector<uint32_t>* list = &mesh.lods.front().indices;
    geometry::Bvh overLevel, reference;
    overLevel.build(std::span<const Mesh* const>(&one, 1), std::span<const std::vector<uint32_t>* const>(&list, 1), 2);
    reference.build(level, 2);
    EXPECT_EQ(overLevel.triangleCount(), mesh.lods.front().indices.size() / 3);
    EXPECT_LT(overLevel.triangleCount(), mesh.triangleCount());
    for (int k = 0; k < 64; ++k) {
        const float a = 0.1f * static_cast<float>(k);
        geometry::Ray ray{{0, 0, 0}, {std::cos(a), 0.3f * std::sin(3.0f * a), std::sin(a)}};
        const auto h = overLevel.intersect(ray), r = reference.intersect(ray);
        ASSERT_TRUE(h.hit && r.hit);
        EXPECT_TRUE(sameBits(h.t, r.t) && h.triangle == r.triangle) << "ray " << k;
    }
    const std::vector<const std::vector<uint32_t>*> none;
    EXPECT_THROW(overLevel.build(std::span<const Mesh* const>(&one, 1), none), std::invalid_argument);
}

TEST(ParallelBuild, SharedFasciaShellsEqualTheShellsBuiltApart) {
    // An ellipsoidal skin over a muscle 2-3 cm down, a thin one 5 mm under the skin (inside the superficial shell's
    // reach, so the shared nearest-point queries matter to both shells) and one poking through the skin.
    Mesh skinMesh = gt::makeEllipsoid({0, 0, 0}, {0.10f, 0.25f, 0.08f}, 48, 64);
    std::vector<Mesh> muscles{gt::makeEllipsoid({0, 0, 0}, {0.08f, 0.22f, 0.06f}, 32, 48),
                              gt::makeEllipsoid({-0.09f, 0, 0}, {0.005f, 0.04f, 0.02f}, 16, 24),
                              gt::makeEllipsoid({0, 0.1f, 0.075f}, {0.03f, 0.03f, 0.01f}, 16, 24)};
    std::vector<const Mesh*> obstacles;
    for (const Mesh& m : muscles)
        obstacles.push_back(&m);
    const geometry::SkinSurface skin = geometry::prepareSkin(skinMesh);

    const geometry::FasciaShells shared = geometry::fasciaShells(skin, obstacles);
    const geometry::FasciaShell superficial = geometry::superficialFascia(skin, obstacles);
    const geometry::FasciaShell deep = geometry::deepFascia(skin, obstacles);
    auto expectSame = [](const geometry::FasciaShell& a, const geometry::FasciaShell& b, const char* what) {
        ASSERT_EQ(a.mesh.positions.size(), b.mesh.positions.size()) << what;
        EXPECT_EQ(a.mesh.indices, b.mesh.indices) << what;
        EXPECT_EQ(a.skinVertex, b.skinVertex) << what;
        EXPECT_EQ(a.supported, b.supported) << what;
        for (size_t v = 0; v < a.mesh.positions.size(); ++v)
            ASSERT_TRUE(sameBits(a.mesh.positions[v], b.mesh.positions[v]) && sameBits(a.depth[v], b.depth[v]))
                << what << " vertex " << v;
    };
    expectSame(shared.superficial, superficial, "superficial");
    expectSame(shared.deep, deep, "deep");
    // The shallow muscle did pull the superficial shell up (the shared queries were exercised within its reach).
    EXPECT_LT(*std::min_element(superficial.depth.begin(), superficial.depth.end()), 0.0025f);
}

TEST(ParallelBuild, LayersAreTheSameForAnyThreadCount) {
    anatomy::Body body;
    auto add = [&body](Mesh mesh, anatomy::Category category, std::string fma) {
        anatomy::Structure s;
        s.fj = "FJ" + std::to_string(body.size());
        s.fma = std::move(fma);
        s.name = "structure " + std::to_string(body.size());
        s.category = category;
        s.bounds = mesh.bounds();
        body.structures.push_back(std::move(s));
        body.meshes.push_back(std::move(mesh));
    };
    add(gt::makeEllipsoid({0, 0, 0}, {0.10f, 0.25f, 0.08f}, 48, 64), anatomy::Category::Skin, "FMA7163");
    add(gt::makeEllipsoid({0, 0, 0}, {0.02f, 0.05f, 0.02f}), anatomy::Category::Bone, "FMA1");
    // Muscles from just under the skin to deep beside the bone.
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    for (int k = 0; k < 24; ++k) {
        const glm::vec3 c(0.05f * u(rng), 0.18f * u(rng), 0.05f * u(rng));
        add(gt::makeEllipsoid(c, {0.012f, 0.03f, 0.012f}, 12, 16), anatomy::Category::Muscle,
            "FMA" + std::to_string(100 + k));
    }
    anatomy::Body other = body;
    io::assignLayers(body, {}, {}, 1);
    io::assignLayers(other, {}, {}, 3);
    int superficial = 0, deep = 0;
    for (size_t i = 0; i < body.size(); ++i) {
        EXPECT_EQ(body.structures[i].layer, other.structures[i].layer) << i;
        EXPECT_TRUE(sameBits(body.structures[i].exposedFraction, other.structures[i].exposedFraction)) << i;
        superficial += body.structures[i].layer == anatomy::Layer::SuperficialMuscle;
        deep += body.structures[i].layer == anatomy::Layer::DeepMuscle;
    }
    EXPECT_GT(superficial, 0);
    EXPECT_GT(deep, 0);
}
