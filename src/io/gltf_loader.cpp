#include "io/gltf_loader.h"

#include "core/error.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>

namespace myoatlas::io {
namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp is row-major; glm is column-major.
    return {m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4};
}

void collect(const aiScene* scene, const aiNode* node, const glm::mat4& parent, geometry::Mesh& out) {
    glm::mat4 xf = parent * toGlm(node->mTransformation);
    glm::mat3 nxf = glm::transpose(glm::inverse(glm::mat3(xf)));
    for (unsigned mi = 0; mi < node->mNumMeshes; ++mi) {
        const aiMesh* mesh = scene->mMeshes[node->mMeshes[mi]];
        if (!(mesh->mPrimitiveTypes & aiPrimitiveType_TRIANGLE))
            continue;
        auto base = static_cast<uint32_t>(out.positions.size());
        for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
            const aiVector3D& p = mesh->mVertices[v];
            out.positions.emplace_back(xf * glm::vec4(p.x, p.y, p.z, 1.0f));
            glm::vec3 n(0.0f, 1.0f, 0.0f);
            if (mesh->HasNormals())
                n = glm::normalize(nxf * glm::vec3(mesh->mNormals[v].x, mesh->mNormals[v].y, mesh->mNormals[v].z));
            out.normals.push_back(n);
        }
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            const aiFace& face = mesh->mFaces[f];
            if (face.mNumIndices != 3)
                continue;
            out.indices.push_back(base + face.mIndices[0]);
            out.indices.push_back(base + face.mIndices[1]);
            out.indices.push_back(base + face.mIndices[2]);
        }
    }
    for (unsigned c = 0; c < node->mNumChildren; ++c)
        collect(scene, node->mChildren[c], xf, out);
}

} // namespace

geometry::Mesh loadMeshFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw core::DataError(path.string(), "file not found");
    Assimp::Importer importer;
    // Keep the files' own normals; only triangulate and drop degenerate faces.
    const aiScene* scene =
        importer.ReadFile(path.string(), aiProcess_Triangulate | aiProcess_SortByPType | aiProcess_FindDegenerates);
    if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
        throw core::DataError(path.string(), std::string("cannot import: ") + importer.GetErrorString());
    geometry::Mesh mesh;
    collect(scene, scene->mRootNode, glm::mat4(1.0f), mesh);
    if (mesh.indices.empty())
        throw core::DataError(path.string(), "holds no triangles");
    bool normalsValid = true;
    for (const auto& n : mesh.normals)
        if (!(glm::dot(n, n) > 0.5f)) { // also catches NaN
            normalsValid = false;
            break;
        }
    if (!normalsValid)
        mesh.computeNormals();
    return mesh;
}

void saveMeshFile(const geometry::Mesh& mesh, const std::filesystem::path& path) {
    aiScene scene;
    scene.mRootNode = new aiNode();
    scene.mMaterials = new aiMaterial* [1] { new aiMaterial() };
    scene.mNumMaterials = 1;
    auto* m = new aiMesh();
    m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    m->mNumVertices = static_cast<unsigned>(mesh.positions.size());
    m->mVertices = new aiVector3D[m->mNumVertices];
    m->mNormals = new aiVector3D[m->mNumVertices];
    for (unsigned i = 0; i < m->mNumVertices; ++i) {
        m->mVertices[i] = {mesh.positions[i].x, mesh.positions[i].y, mesh.positions[i].z};
        glm::vec3 n = i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0, 1, 0);
        m->mNormals[i] = {n.x, n.y, n.z};
    }
    m->mNumFaces = static_cast<unsigned>(mesh.triangleCount());
    m->mFaces = new aiFace[m->mNumFaces];
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
        m->mFaces[f].mNumIndices = 3;
        m->mFaces[f].mIndices = new unsigned[3]{mesh.indices[f * 3], mesh.indices[f * 3 + 1], mesh.indices[f * 3 + 2]};
    }
    scene.mMeshes = new aiMesh* [1] { m };
    scene.mNumMeshes = 1;
    scene.mRootNode->mMeshes = new unsigned[1]{0};
    scene.mRootNode->mNumMeshes = 1;
    std::string ext = path.extension().string();
    std::string format = ext == ".glb" ? "glb2" : ext == ".stl" ? "stlb" : ext == ".ply" ? "plyb" : "obj";
    Assimp::Exporter exporter;
    if (exporter.Export(&scene, format, path.string()) != AI_SUCCESS)
        throw core::DataError(path.string(), std::string("cannot export: ") + exporter.GetErrorString());
}

} // namespace myoatlas::io
