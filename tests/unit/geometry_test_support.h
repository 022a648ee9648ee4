#pragma once
// Test-only helpers for the geometry tests: synthetic meshes and loading BodyParts3D files straight through Assimp
// (the program itself goes through io::loadBody; these tests only need raw meshes).
#include "geometry/mesh.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <gtest/gtest.h>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace myoatlas::geometry::testing {

// The body data directory; the real-data tests FAIL (not skip) when it is missing.
inline std::filesystem::path testDataDir() {
    const char* env = std::getenv("MYOATLAS_TEST_DATA");
    if (env == nullptr || *env == '\0') {
        ADD_FAILURE() << "MYOATLAS_TEST_DATA is not set: the real-data geometry tests need the BodyParts3D directory";
        return {};
    }
    std::filesystem::path dir(env);
    if (!std::filesystem::exists(dir / "manifest.csv"))
        ADD_FAILURE() << "MYOATLAS_TEST_DATA=" << dir << " has no manifest.csv";
    return dir;
}

// All meshes of a .glb merged into one (node transforms are baked in BodyParts3D files).
inline Mesh loadGlb(const std::filesystem::path& file) {
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(file.string(), aiProcess_Triangulate | aiProcess_JoinIdenticalVertices);
    Mesh out;
    if (scene == nullptr) {
        ADD_FAILURE() << "cannot load " << file << ": " << importer.GetErrorString();
        return out;
    }
    for (unsigned mi = 0; mi < scene->mNumMeshes; ++mi) {
        const aiMesh* am = scene->mMeshes[mi];
        Mesh m;
        for (unsigned v = 0; v < am->mNumVertices; ++v) {
            m.positions.emplace_back(am->mVertices[v].x, am->mVertices[v].y, am->mVertices[v].z);
            if (am->HasNormals())
                m.normals.emplace_back(am->mNormals[v].x, am->mNormals[v].y, am->mNormals[v].z);
        }
        for (unsigned f = 0; f < am->mNumFaces; ++f)
            if (am->mFaces[f].mNumIndices == 3)
                for (unsigned k = 0; k < 3; ++k)
                    m.indices.push_back(am->mFaces[f].mIndices[k]);
        if (m.normals.size() != m.positions.size())
            m.computeNormals();
        out.append(m);
    }
    return out;
}

// manifest.csv rows (plain split: the manifest has no quoted commas).
struct ManifestRow {
    std::string set, category, file, name, side, layerGuess;
};

inline std::vector<ManifestRow> readManifest(const std::filesystem::path& dir) {
    std::vector<ManifestRow> rows;
    std::ifstream in(dir / "manifest.csv");
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ','))
            f.push_back(cell);
        if (f.size() >= 8)
            rows.push_back({f[0], f[1], f[2], f[5], f[6], f[7]});
    }
    return rows;
}

// Signed volume (positive for a closed surface with outward normals).
inline double signedVolume(const Mesh& m) {
    double v = 0.0;
    for (size_t t = 0; t < m.triangleCount(); ++t) {
        glm::dvec3 a(m.positions[m.indices[t * 3]]), b(m.positions[m.indices[t * 3 + 1]]),
            c(m.positions[m.indices[t * 3 + 2]]);
        v += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return v;
}

// A closed UV ellipsoid (outward normals), semi-axes a along x, b along y, c along z, centred at `centre`.
inline Mesh makeEllipsoid(const glm::vec3& centre, const glm::vec3& semiAxes, int stacks = 24, int slices = 32) {
    Mesh m;
    const float pi = std::numbers::pi_v<float>;
    for (int i = 0; i <= stacks; ++i) {
        float th = pi * static_cast<float>(i) / static_cast<float>(stacks);
        for (int j = 0; j < slices; ++j) {
            float ph = 2.0f * pi * static_cast<float>(j) / static_cast<float>(slices);
            glm::vec3 u(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph));
            m.positions.push_back(centre + u * semiAxes);
        }
    }
    auto id = [slices](int i, int j) { return static_cast<uint32_t>(i * slices + (j % slices)); };
    for (int i = 0; i < stacks; ++i)
        for (int j = 0; j < slices; ++j) {
            uint32_t a = id(i, j), b = id(i, j + 1), c = id(i + 1, j), d = id(i + 1, j + 1);
            if (i != 0)
                m.indices.insert(m.indices.end(), {a, b, c});
            if (i != stacks - 1)
                m.indices.insert(m.indices.end(), {b, d, c});
        }
    if (signedVolume(m) < 0.0)
        for (size_t t = 0; t < m.triangleCount(); ++t)
            std::swap(m.indices[t * 3 + 1], m.indices[t * 3 + 2]);
    m.computeNormals();
    return m;
}

// A thin closed sheet bent along a circular arc in the xy plane around `centre`: radius `radius` (mid-thickness),
// from angle a0 to a1 (radians, counter-clockwise from +x), `thickness` across, `width` along z (from centre.z).
// Stands in for a dome or a wrapping muscle sheet whose slice centroids fall in the hollow it encloses.
inline Mesh makeArcSheet(const glm::vec3& centre, float radius, float a0, float a1, float thickness, float width,
                         int segments = 96, int across = 8) {
    Mesh m;
    // The rectangle swept along the arc, its border sampled `across` times per side so triangles stay small.
    std::vector<glm::vec2> ring; // (radial offset, z)
    for (int k = 0; k < across; ++k) {
        float t = static_cast<float>(k) / static_cast<float>(across);
        ring.push_back({-0.5f * thickness, t * width});
    }
    for (int k = 0; k < across; ++k) {
        float t = static_cast<float>(k) / static_cast<float>(across);
        ring.push_back({(t - 0.5f) * thickness, width});
    }
    for (int k = 0; k < across; ++k) {
        float t = static_cast<float>(k) / static_cast<float>(across);
        ring.push_back({0.5f * thickness, (1.0f - t) * width});
    }
    for (int k = 0; k < across; ++k) {
        float t = static_cast<float>(k) / static_cast<float>(across);
        ring.push_back({(0.5f - t) * thickness, 0.0f});
    }
    const auto rn = static_cast<uint32_t>(ring.size());
    for (int i = 0; i <= segments; ++i) {
        float a = a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(segments);
        glm::vec3 radial(std::cos(a), std::sin(a), 0.0f);
        for (const glm::vec2& r : ring)
            m.positions.push_back(centre + radial * (radius + r.x) + glm::vec3(0.0f, 0.0f, r.y));
    }
    for (uint32_t i = 0; i < static_cast<uint32_t>(segments); ++i)
        for (uint32_t k = 0; k < rn; ++k) {
            uint32_t a = i * rn + k, b = i * rn + (k + 1) % rn, c = a + rn, d = b + rn;
            m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
        }
    // End caps: a fan from each end ring's centroid.
    for (int end = 0; end < 2; ++end) {
        uint32_t base = end == 0 ? 0u : static_cast<uint32_t>(segments) * rn;
        glm::vec3 mid(0.0f);
        for (uint32_t k = 0; k < rn; ++k)
            mid += m.positions[base + k];
        auto centreIndex = static_cast<uint32_t>(m.positions.size());
        m.positions.push_back(mid / static_cast<float>(rn));
        for (uint32_t k = 0; k < rn; ++k) {
            uint32_t a = base + k, b = base + (k + 1) % rn;
            if (end == 0)
                m.indices.insert(m.indices.end(), {centreIndex, b, a}); // faces back along the arc
            else
                m.indices.insert(m.indices.end(), {centreIndex, a, b});
        }
    }
    if (signedVolume(m) < 0.0)
        for (size_t t = 0; t < m.triangleCount(); ++t)
            std::swap(m.indices[t * 3 + 1], m.indices[t * 3 + 2]);
    m.computeNormals();
    return m;
}

// Mirror across x = 0 (left <-> right), winding reversed so normals stay outward.
inline Mesh mirrorX(const Mesh& m) {
    Mesh r = m;
    for (auto& p : r.positions)
        p.x = -p.x;
    for (auto& n : r.normals)
        n.x = -n.x;
    for (size_t t = 0; t < r.triangleCount(); ++t)
        std::swap(r.indices[t * 3 + 1], r.indices[t * 3 + 2]);
    return r;
}

} // namespace myoatlas::geometry::testing
