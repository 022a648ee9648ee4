// The generated fascia layer on the real body: the named sheets exist as Fascia structures, the deep layer encloses
// the superficial muscles and every sheet stays inside the skin (sampled), the cache round-trips exactly, and a
// corrupt or stale cache is rejected and rebuilt.
#include "anatomy/atlas.h"
#include "anatomy/fascia_sheets.h"
#include "core/timer.h"
#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
#include "io/fascia_layer.h"
#include "support/test_body.h"

#include <fstream>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <iostream>
#include <unistd.h>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

struct Generated {
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    // One folder per test process: ctest runs these tests as parallel processes, and some damage the cache file.
    fs::path cacheDir = test::testCacheDir() / ("fascia-test-" + std::to_string(::getpid()));
    anatomy::Body body = test::testBody();
    size_t firstFascia = 0;
    io::FasciaReport cold;

    Generated() {
        fs::remove_all(cacheDir);
        firstFascia = body.size();
        cold = io::addGeneratedFascia(body, &atlas, {cacheDir, true});
    }
    ~Generated() {
        std::error_code ec;
        fs::remove_all(cacheDir, ec);
    }
};

Generated& generated() {
    static Generated g;
    return g;
}

bool sameMeshes(const anatomy::Body& a, const anatomy::Body& b, size_t from) {
    if (a.size() != b.size())
        return false;
    for (size_t i = from; i < a.size(); ++i)
        if (a.structures[i].name != b.structures[i].name || a.meshes[i].positions != b.meshes[i].positions ||
            a.meshes[i].indices != b.meshes[i].indices || a.meshes[i].normals != b.meshes[i].normals)
            return false;
    return true;
}

} // namespace

TEST(FasciaLayer, NamedSheetsAreFasciaStructures) {
    auto& g = generated();
    EXPECT_FALSE(g.cold.fromCache);
    std::cout << "[ fascia ] generated " << g.cold.structures << " sheets, " << g.cold.triangles << " triangles in "
              << g.cold.seconds << " s\n";
    for (const char* name :
         {"superficial fascia", "deep fascia (investing layer)", "thoracolumbar fascia", "right fascia lata",
          "left fascia lata", "right plantar fascia", "left plantar fascia", "galea aponeurotica",
          "right pectoral fascia", "left pectoral fascia", "abdominal fascia"}) {
        auto s = g.body.findByName(name);
        ASSERT_TRUE(s.has_value()) << name;
        EXPECT_EQ(g.body.structures[*s].category, anatomy::Category::Fascia);
        EXPECT_EQ(g.body.structures[*s].layer, anatomy::Layer::Fascia);
        EXPECT_GT(g.body.meshes[*s].triangleCount(), 50u) << name;
        float kind = name == std::string("superficial fascia")              ? 1.0f
                     : name == std::string("deep fascia (investing layer)") ? 2.0f
                                                                            : 3.0f;
        EXPECT_EQ(anatomy::fasciaMaterial(g.body.structures[*s]).w, kind) << name;
        std::cout << "[ sheet ] " << name << ": " << g.body.meshes[*s].triangleCount() << " triangles\n";
    }
    // Sheets sit where their names say.
    auto box = [&](const char* n) { return g.body.structures[*g.body.findByName(n)].bounds; };
    EXPECT_GT(box("galea aponeurotica").min.y, box("thoracolumbar fascia").max.y);
    EXPECT_LT(box("right plantar fascia").max.y, box("right fascia lata").min.y);
    EXPECT_LT(box("right fascia lata").center().x, 0.0f); // +X is the subject's left
    EXPECT_GT(box("left pectoral fascia").center().x, 0.0f);
    EXPECT_LT(box("thoracolumbar fascia").center().z, box("abdominal fascia").center().z);
}

TEST(FasciaLayer, EnclosesTheSuperficialMusclesAndStaysInsideTheSkin) {
    auto& g = generated();
    const anatomy::Body& body = g.body;
    geometry::Bvh skinBvh;
    skinBvh.build(body.meshes[*body.skin()]);
    std::vector<const geometry::Mesh*> deep;
    for (size_t i = g.firstFascia; i < body.size(); ++i)
        if (body.structures[i].name != "superficial fascia")
            deep.push_back(&body.meshes[i]);
    geometry::Bvh deepBvh;
    deepBvh.build(std::span<const geometry::Mesh* const>(deep));

    // 1. Every sheet inside the skin (ray parity), sampled.
    for (size_t i = g.firstFascia; i < body.size(); ++i) {
        const auto& m = body.meshes[i];
        size_t outside = 0, samples = 0;
        for (size_t v = 0; v < m.vertexCount(); v += 5, ++samples)
            outside += geometry::insideClosedSurface(skinBvh, m.positions[v]) ? 0 : 1;
        EXPECT_LE(outside, samples / 200 + 1) << body.structures[i].name << ": vertices outside the skin";
    }
    // 2. The superficial muscles under the deep layer: from the skin point nearest a muscle sample walk toward it;
    // the deep layer must be crossed first. Samples outside the skin (the data's muscles poke through it here and
    // there) or deeper than 40 mm are not asked.
    size_t enclosed = 0, above = 0, uncovered = 0;
    for (size_t i = 0; i < g.firstFascia; ++i) {
        if (body.structures[i].layer != anatomy::Layer::SuperficialMuscle)
            continue;
        const auto& m = body.meshes[i];
        for (size_t v = 0; v < m.vertexCount(); v += 7) {
            const glm::vec3& p = m.positions[v];
            geometry::ClosestPoint sp = skinBvh.closestPoint(p, 0.04f);
            if (!sp.found || !geometry::insideClosedSurface(skinBvh, p))
                continue;
            glm::vec3 dir = p - sp.point;
            float len = glm::length(dir);
            if (len < 1e-4f)
                continue;
            geometry::RayHit h = deepBvh.intersect({sp.point, dir / len}, 0.1f);
            if (!h.hit)
                ++uncovered;
            else if (h.t <= len + 0.0005f)
                ++enclosed;
            else
                ++above;
        }
    }
    std::cout << "[ enclose ] enclosed " << enclosed << ", above " << above << ", uncovered " << uncovered << "\n";
    EXPECT_GT(enclosed, 5000u);
    EXPECT_GT(static_cast<double>(enclosed) / static_cast<double>(enclosed + above), 0.95);
    EXPECT_LT(uncovered, enclosed / 5);
}

TEST(FasciaLayer, CacheRoundTripIsExactAndFast) {
    auto& g = generated();
    anatomy::Body warm = test::testBody();
    core::Stopwatch clock;
    auto rep = io::addGeneratedFascia(warm, &g.atlas, {g.cacheDir, true});
    std::cout << "[ fascia ] warm " << clock.seconds() << " s (" << rep.triangles << " triangles)\n";
    EXPECT_TRUE(rep.fromCache);
    EXPECT_FALSE(rep.cacheRejected);
    EXPECT_EQ(rep.key, g.cold.key);
    EXPECT_TRUE(sameMeshes(warm, g.body, g.firstFascia));
}

TEST(FasciaLayer, CorruptOrStaleCacheIsRejectedAndRebuilt) {
    auto& g = generated();
    const fs::path path = g.cacheDir / io::kFasciaCacheFile;
    ASSERT_TRUE(fs::exists(path));
    // A flipped byte in the payload.
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(static_cast<std::streamoff>(fs::file_size(path) / 2));
        char c = 0;
        f.read(&c, 1);
        f.seekp(static_cast<std::streamoff>(fs::file_size(path) / 2));
        c = static_cast<char>(c ^ 0x5a);
        f.write(&c, 1);
    }
    auto read = io::readFasciaCache(path, g.cold.key);
    EXPECT_FALSE(read.fascia.has_value());
    EXPECT_NE(read.rejectReason.find("corrupt"), std::string::npos) << read.rejectReason;
    // A stale key.
    EXPECT_NE(io::readFasciaCache(path, g.cold.key + 1).rejectReason.find("stale"), std::string::npos);
    // A truncated file.
    fs::resize_file(path, 40);
    EXPECT_FALSE(io::readFasciaCache(path, g.cold.key).fascia.has_value());

    // addGeneratedFascia regenerates, and the rewritten cache is accepted again.
    anatomy::Body body = test::testBody();
    auto rep = io::addGeneratedFascia(body, &g.atlas, {g.cacheDir, true});
    EXPECT_TRUE(rep.cacheRejected);
    EXPECT_FALSE(rep.fromCache);
    EXPECT_TRUE(sameMeshes(body, g.body, g.firstFascia));
    EXPECT_TRUE(io::readFasciaCache(path, g.cold.key).fascia.has_value());
}

TEST(FasciaLayer, KeyFollowsTheInputs) {
    auto& g = generated();
    anatomy::Body body = test::testBody();
    EXPECT_EQ(io::fasciaKey(body, &g.atlas), g.cold.key);
    EXPECT_NE(io::fasciaKey(body, nullptr), g.cold.key);
    body.meshes[*body.skin()].positions[0].x += 0.001f;
    EXPECT_NE(io::fasciaKey(body, &g.atlas), g.cold.key);
}

TEST(FasciaLayer, TheWindowsEmptyStructuresFilledFromTheCacheGiveTheBodyTheHeadlessPathGives) {
    // The window shows the body before the fascia is generated: the planned structures join empty, in the
    // generator's order, and are filled in later. The result must be the body the headless path appends, index for
    // index, and the modelled muscles that join before the filling must not change the key or the sheets.
    auto& g = generated();
    anatomy::Body body = test::testBody();
    const size_t first = body.size();
    for (auto& s : io::plannedFasciaStructures(body, &g.atlas)) {
        EXPECT_EQ(s.category, anatomy::Category::Fascia);
        EXPECT_TRUE(body.findByFj(s.fj) == std::nullopt);
        body.structures.push_back(std::move(s));
        body.meshes.emplace_back();
    }
    ASSERT_EQ(body.size() - first, g.body.size() - g.firstFascia); // every sheet has its structure
    anatomy::Structure modelled;
    modelled.fj = "MODEL_test_R";
    modelled.set = "modelled";
    modelled.category = anatomy::Category::Muscle;
    modelled.layer = anatomy::Layer::SuperficialMuscle;
    body.structures.push_back(modelled);
    body.meshes.push_back(g.body.meshes[0]); // any mesh: it must be ignored
    EXPECT_EQ(io::fasciaKey(body, &g.atlas), g.cold.key);
    io::FasciaReport rep;
    auto cached = io::cachedFascia(body, &g.atlas, {g.cacheDir, true}, rep);
    ASSERT_TRUE(cached.has_value());
    EXPECT_TRUE(rep.fromCache);
    const auto places = io::placeFascia(body, *cached);
    ASSERT_EQ(places.size(), cached->structures.size());
    for (size_t i = 0; i < places.size(); ++i)
        EXPECT_EQ(places[i], first + i);
    const auto filled = io::fillFasciaPlaceholders(body, std::move(*cached), places, rep);
    EXPECT_EQ(filled.size(), places.size());
    for (size_t i = g.firstFascia; i < g.body.size(); ++i) {
        EXPECT_EQ(body.structures[i].fj, g.body.structures[i].fj);
        EXPECT_EQ(body.meshes[i].indices, g.body.meshes[i].indices);
        EXPECT_EQ(body.meshes[i].positions, g.body.meshes[i].positions);
        EXPECT_TRUE(body.structures[i].bounds.valid());
    }
    // Nothing left to place: a second delivery finds no empty structure.
    io::FasciaReport again;
    auto second = io::cachedFascia(body, &g.atlas, {g.cacheDir, true}, again);
    ASSERT_TRUE(second.has_value());
    for (uint32_t p : io::placeFascia(body, *second))
        EXPECT_EQ(p, io::kNoPlace);
}
