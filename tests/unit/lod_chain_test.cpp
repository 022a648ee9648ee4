// The chain of levels of detail (geometry::Mesh::buildLods) on synthetic meshes, and the deviation measure that
// checks it (geometry::lodDeviation).
#include "geometry/bvh.h"
#include "geometry/mesh.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/constants.hpp>
#include <gtest/gtest.h>

using namespace myoatlas::geometry;

namespace {

// A UV sphere of radius r with smooth normals: `rings` x `segments` quads.
Mesh sphere(float r, int rings, int segments) {
    Mesh m;
    for (int i = 0; i <= rings; ++i) {
        float theta = glm::pi<float>() * static_cast<float>(i) / static_cast<float>(rings);
        for (int j = 0; j < segments; ++j) {
            float phi = glm::two_pi<float>() * static_cast<float>(j) / static_cast<float>(segments);
            glm::vec3 n(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
            m.positions.push_back(n * r);
            m.normals.push_back(n);
        }
    }
    auto at = [&](int i, int j) { return static_cast<uint32_t>(i * segments + (j % segments)); };
    for (int i = 0; i < rings; ++i)
        for (int j = 0; j < segments; ++j) {
            if (i > 0)
                m.indices.insert(m.indices.end(), {at(i, j), at(i, j + 1), at(i + 1, j)});
            if (i < rings - 1)
                m.indices.insert(m.indices.end(), {at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)});
        }
    return m;
}

// A flat n x n grid over the unit square at z = 0, its centre vertex raised by `bump`.
Mesh bumpedGrid(int n, float bump) {
    Mesh m;
    for (int y = 0; y <= n; ++y)
        for (int x = 0; x <= n; ++x) {
            float z = (x == n / 2 && y == n / 2) ? bump : 0.0f;
            m.positions.emplace_back(static_cast<float>(x) / static_cast<float>(n),
                                     static_cast<float>(y) / static_cast<float>(n), z);
        }
    auto at = [&](int x, int y) { return static_cast<uint32_t>(y * (n + 1) + x); };
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            m.indices.insert(m.indices.end(),
                             {at(x, y), at(x + 1, y), at(x + 1, y + 1), at(x, y), at(x + 1, y + 1), at(x, y + 1)});
    m.computeNormals();
    return m;
}

} // namespace

TEST(LodDeviation, IsZeroForTheMeshItselfAndTheHeightOfAFlattenedBump) {
    const int n = 8;
    Mesh m = bumpedGrid(n, 0.05f);
    Bvh full;
    full.build(m, 1);
    EXPECT_NEAR(lodDeviation(m, full, m.indices, 4096), 0.0f, 1e-6f);
    // Two triangles over the corners: the bump's apex is 5 cm off that plane, and nothing else is further.
    const auto c = [&](int x, int y) { return static_cast<uint32_t>(y * (n + 1) + x); };
    std::vector<uint32_t> flat = {c(0, 0), c(n, 0), c(n, n), c(0, 0), c(n, n), c(0, n)};
    EXPECT_NEAR(lodDeviation(m, full, flat, 4096), 0.05f, 1e-5f);
    // Sampled: the apex may be skipped, but no sample can exceed it.
    EXPECT_LE(lodDeviation(m, full, flat, 8), 0.05f + 1e-5f);
}

TEST(LodChain, EachLevelAboutTheRatioOfTheOneBeforeWithGrowingError) {
    Mesh m = sphere(0.1f, 100, 100); // 19,800 triangles, 20 cm across
    m.buildLods();
    ASSERT_GE(m.lods.size(), 4u);
    size_t previous = m.triangleCount();
    float previousError = 0.0f;
    for (const auto& level : m.lods) {
        const size_t triangles = level.indices.size() / 3;
        // A ladder of small steps: no level keeps more than kLodMaxKept, none drops far below the ratio asked.
        EXPECT_LE(static_cast<float>(triangles), static_cast<float>(previous) * kLodMaxKept);
        EXPECT_GE(static_cast<float>(triangles), static_cast<float>(previous) * kLodRatio * 0.7f);
        EXPECT_GE(level.error, previousError);
        for (uint32_t i : level.indices)
            ASSERT_LT(i, m.vertexCount());
        previous = triangles;
        previousError = level.error;
    }
    // Within the error allowed: 8 % of the extent.
    EXPECT_LE(m.lods.back().error, 0.08f * 0.2f * 1.001f);
}

// The stated error is meshoptimizer's estimate per step, summed: measured against the full mesh it is low for the
// finest levels (a sphere's first level strays about 2.4 times as far) and high for the coarsest (about 0.65 times).
// What the renderer relies on: within a factor of 2.5 either way, and the coarsest levels bounded.
TEST(LodChain, StatedErrorIsWithinAFactorOfTheMeasuredDeviationOnASmoothSurface) {
    Mesh m = sphere(0.1f, 100, 100);
    m.buildLods();
    ASSERT_GE(m.lods.size(), 4u);
    Bvh full;
    full.build(m, 1);
    for (size_t k = 0; k < m.lods.size(); ++k) {
        const float measured = lodDeviation(m, full, m.lods[k].indices, 1u << 20);
        EXPECT_LE(measured, m.lods[k].error * 2.5f) << "level " << k;
        EXPECT_GE(measured, m.lods[k].error / 2.5f) << "level " << k;
        if (k + 2 >= m.lods.size()) {
            EXPECT_LE(measured, m.lods[k].error) << "level " << k;
        }
    }
}

TEST(LodChain, SmallMeshesGetNone) {
    Mesh m = bumpedGrid(4, 0.0f); // 32 triangles
    m.buildLods();
    EXPECT_TRUE(m.lods.empty());
}
