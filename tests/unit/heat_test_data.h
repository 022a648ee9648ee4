#pragma once
// Test/bench helper: the real skin mesh read straight from its .glb with Assimp, so the geodesic and heat tests do
// not wait for io::loadBody. Header-only and used only by tests and benchmarks (the program itself includes Assimp
// in one io/ file). Vertices are NOT joined here: the geodesic solver must weld the glTF seams itself.
#include "core/error.h"
#include "geometry/mesh.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <glm/geometric.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace myoatlas::testdata {

inline const char* kSkinFile = "isa/skin/FJ2810_FMA7163_skin.glb";

// $MYOATLAS_TEST_DATA, or throws (the real-data tests must fail, not skip, when it is missing).
inline std::filesystem::path dataDir() {
    const char* env = std::getenv("MYOATLAS_TEST_DATA");
    if (!env || !*env)
        throw core::Error("MYOATLAS_TEST_DATA is not set (it names the bodyparts3d directory)");
    std::filesystem::path dir(env);
    if (!std::filesystem::is_directory(dir))
        throw core::DataError(dir.string(), "MYOATLAS_TEST_DATA is not a directory");
    return dir;
}

// Every mesh in the file, appended, in file coordinates (BodyParts3D bakes the node transforms).
inline geometry::Mesh loadGlb(const std::filesystem::path& file) {
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(file.string(), aiProcess_Triangulate);
    if (!scene || !scene->mRootNode)
        throw core::DataError(file.string(), std::string("Assimp: ") + importer.GetErrorString());
    geometry::Mesh out;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
        const aiMesh* am = scene->mMeshes[m];
        geometry::Mesh part;
        part.positions.reserve(am->mNumVertices);
        for (unsigned v = 0; v < am->mNumVertices; ++v) {
            part.positions.emplace_back(am->mVertices[v].x, am->mVertices[v].y, am->mVertices[v].z);
            if (am->HasNormals())
                part.normals.emplace_back(am->mNormals[v].x, am->mNormals[v].y, am->mNormals[v].z);
        }
        for (unsigned f = 0; f < am->mNumFaces; ++f) {
            const aiFace& face = am->mFaces[f];
            if (face.mNumIndices != 3)
                continue; // points and lines
            part.indices.insert(part.indices.end(), {face.mIndices[0], face.mIndices[1], face.mIndices[2]});
        }
        if (part.normals.size() != part.positions.size())
            part.computeNormals();
        out.append(part);
    }
    if (out.indices.empty())
        throw core::DataError(file.string(), "no triangles");
    return out;
}

inline geometry::Mesh loadSkin(const std::filesystem::path& dir) {
    return loadGlb(dir / kSkinFile);
}
inline geometry::Mesh loadSkin() {
    return loadSkin(dataDir());
}

// Flat square grid in the z = 0 plane, origin at (x0, y0), n x n cells of size `size / n`, two triangles per cell
// alternating the diagonal (so no direction is favoured).
inline geometry::Mesh makeGrid(int n, float size = 1.0f, float x0 = 0.0f, float y0 = 0.0f) {
    geometry::Mesh m;
    for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i)
            m.positions.emplace_back(x0 + size * static_cast<float>(i) / static_cast<float>(n),
                                     y0 + size * static_cast<float>(j) / static_cast<float>(n), 0.0f);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            uint32_t a = static_cast<uint32_t>(j * (n + 1) + i), b = a + 1, c = a + static_cast<uint32_t>(n + 1),
                     d = c + 1;
            if ((i + j) % 2 == 0)
                m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
            else
                m.indices.insert(m.indices.end(), {a, b, c, b, d, c});
        }
    m.computeNormals();
    return m;
}

inline uint32_t gridVertex(int n, int i, int j) {
    return static_cast<uint32_t>(j * (n + 1) + i);
}

// Unit-radius icosphere (subdivided icosahedron, vertices projected to the sphere), shared vertices.
inline geometry::Mesh makeIcosphere(int subdivisions, float radius = 1.0f) {
    const float t = (1.0f + std::sqrt(5.0f)) / 2.0f;
    std::vector<glm::vec3> p{{-1, t, 0},  {1, t, 0},  {-1, -t, 0}, {1, -t, 0}, {0, -1, t},  {0, 1, t},
                             {0, -1, -t}, {0, 1, -t}, {t, 0, -1},  {t, 0, 1},  {-t, 0, -1}, {-t, 0, 1}};
    std::vector<uint32_t> f{0, 11, 5,  0, 5,  1, 0, 1, 7, 0, 7,  10, 0, 10, 11, 1, 5, 9, 5, 11,
                            4, 11, 10, 2, 10, 7, 6, 7, 1, 8, 3,  9,  4, 3,  4,  2, 3, 2, 6, 3,
                            6, 8,  3,  8, 9,  4, 9, 5, 2, 4, 11, 6,  2, 10, 8,  6, 7, 9, 8, 1};
    for (auto& v : p)
        v = glm::normalize(v);
    for (int s = 0; s < subdivisions; ++s) {
        std::map<std::pair<uint32_t, uint32_t>, uint32_t> mid;
        auto midpoint = [&](uint32_t a, uint32_t b) {
            auto key = std::minmax(a, b);
            auto it = mid.find(key);
            if (it != mid.end())
                return it->second;
            p.push_back(glm::normalize(p[a] + p[b]));
            uint32_t id = static_cast<uint32_t>(p.size() - 1);
            mid.emplace(key, id);
            return id;
        };
        std::vector<uint32_t> g;
        g.reserve(f.size() * 4);
        for (size_t i = 0; i < f.size(); i += 3) {
            uint32_t a = f[i], b = f[i + 1], c = f[i + 2];
            uint32_t ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
            g.insert(g.end(), {a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca});
        }
        f.swap(g);
    }
    geometry::Mesh m;
    for (const auto& v : p)
        m.positions.push_back(v * radius);
    m.indices = f;
    m.computeNormals();
    return m;
}

} // namespace myoatlas::testdata
