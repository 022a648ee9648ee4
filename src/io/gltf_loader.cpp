#include "io/gltf_loader.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/log.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

namespace myoatlas::io {

bool looksLikeText(std::string_view bytes) {
    size_t n = std::min<size_t>(bytes.size(), 512);
    for (size_t i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
            return false;
    }
    return true;
}

namespace {

// Reads whitespace-separated tokens from the start of a text file, skipping '#' comments.
class HeaderTokens {
public:
    explicit HeaderTokens(std::string_view text) : t_(text) {}
    std::string_view next() {
        while (i_ < t_.size()) {
            if (t_[i_] == '#') {
                while (i_ < t_.size() && t_[i_] != '\n')
                    ++i_;
            } else if (std::isspace(static_cast<unsigned char>(t_[i_]))) {
                ++i_;
            } else {
                break;
            }
        }
        size_t start = i_;
        while (i_ < t_.size() && !std::isspace(static_cast<unsigned char>(t_[i_])))
            ++i_;
        return t_.substr(start, i_ - start);
    }

private:
    std::string_view t_;
    size_t i_ = 0;
};

std::optional<uint64_t> toCount(std::string_view s) {
    uint64_t v = 0;
    auto [p, e] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (e != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return v;
}

void refuseCount(const std::string& file, const std::string& what, uint64_t declared, uint64_t fits) {
    throw core::DataError(file, "declares " + std::to_string(declared) + " " + what + " but its " +
                                    "size allows at most " + std::to_string(fits) + " (corrupt or hostile; refused)");
}

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp is row-major; glm is column-major.
    return {m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4};
}

// Our own walk of the aiScene trusts no count or index: Assimp's importers for rarely used formats have handed
// us node mesh indices, faces and vertex arrays that do not agree (RAW files crashed this walk).
struct Walk {
    const aiScene* scene;
    const std::string& file;
    geometry::Mesh& out;
};

constexpr unsigned kMaxNodeDepth = 256; // a deeper tree is a broken or hostile file; recursion must stay bounded

void collect(const Walk& w, const aiNode* node, const glm::mat4& parent, unsigned depth) {
    if (!node)
        throw core::DataError(w.file, "scene graph holds an empty node");
    if (depth > kMaxNodeDepth)
        throw core::DataError(w.file, "scene graph deeper than " + std::to_string(kMaxNodeDepth) + " levels");
    glm::mat4 xf = parent * toGlm(node->mTransformation);
    glm::mat3 nxf = glm::transpose(glm::inverse(glm::mat3(xf)));
    if (node->mNumMeshes > 0 && !node->mMeshes)
        throw core::DataError(w.file, "node '" + std::string(node->mName.C_Str()) + "' lists meshes it does not hold");
    for (unsigned mi = 0; mi < node->mNumMeshes; ++mi) {
        unsigned index = node->mMeshes[mi];
        if (index >= w.scene->mNumMeshes || !w.scene->mMeshes || !w.scene->mMeshes[index])
            throw core::DataError(w.file, "node '" + std::string(node->mName.C_Str()) + "' refers to mesh " +
                                              std::to_string(index) + " of " + std::to_string(w.scene->mNumMeshes));
        const aiMesh* mesh = w.scene->mMeshes[index];
        if (!(mesh->mPrimitiveTypes & (aiPrimitiveType_TRIANGLE | aiPrimitiveType_POLYGON)))
            continue;
        if (mesh->mNumVertices > 0 && !mesh->mVertices)
            throw core::DataError(w.file, "mesh " + std::to_string(index) + " has no vertex array");
        if (w.out.positions.size() + mesh->mNumVertices > kMaxMeshVertices)
            throw core::DataError(w.file, "more than " + std::to_string(kMaxMeshVertices) +
                                              " vertices; a body structure is far smaller (refused)");
        auto base = static_cast<uint32_t>(w.out.positions.size());
        for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
            const aiVector3D& p = mesh->mVertices[v];
            glm::vec3 q(xf * glm::vec4(p.x, p.y, p.z, 1.0f));
            if (!std::isfinite(q.x) || !std::isfinite(q.y) || !std::isfinite(q.z) ||
                std::max({std::abs(q.x), std::abs(q.y), std::abs(q.z)}) > kMaxCoordinate)
                throw core::DataError(w.file, "vertex " + std::to_string(v) + " of mesh " + std::to_string(index) +
                                                  " has a non-finite or absurd coordinate (" + std::to_string(p.x) +
                                                  ", " + std::to_string(p.y) + ", " + std::to_string(p.z) + ")");
            w.out.positions.push_back(q);
            glm::vec3 n(0.0f, 1.0f, 0.0f);
            if (mesh->mNormals)
                n = glm::normalize(nxf * glm::vec3(mesh->mNormals[v].x, mesh->mNormals[v].y, mesh->mNormals[v].z));
            w.out.normals.push_back(n);
        }
        if (mesh->mNumFaces > 0 && !mesh->mFaces)
            throw core::DataError(w.file, "mesh " + std::to_string(index) + " has no face array");
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            const aiFace& face = mesh->mFaces[f];
            if (face.mNumIndices < 3)
                continue;
            if (!face.mIndices)
                throw core::DataError(w.file, "face " + std::to_string(f) + " of mesh " + std::to_string(index) +
                                                  " has no indices");
            for (unsigned k = 0; k < face.mNumIndices; ++k)
                if (face.mIndices[k] >= mesh->mNumVertices)
                    throw core::DataError(w.file, "face " + std::to_string(f) + " of mesh " + std::to_string(index) +
                                                      " refers to vertex " + std::to_string(face.mIndices[k]) + " of " +
                                                      std::to_string(mesh->mNumVertices));
            if (w.out.indices.size() / 3 + face.mNumIndices >= kMaxMeshTriangles)
                throw core::DataError(w.file, "more than " + std::to_string(kMaxMeshTriangles) +
                                                  " triangles; a body structure is far smaller (refused)");
            // Polygons as fans: Assimp's own triangulation aborted the process (an ai_assert) on a malformed PLY.
            for (unsigned k = 1; k + 1 < face.mNumIndices; ++k) {
                w.out.indices.push_back(base + face.mIndices[0]);
                w.out.indices.push_back(base + face.mIndices[k]);
                w.out.indices.push_back(base + face.mIndices[k + 1]);
            }
        }
    }
    if (node->mNumChildren > 0 && !node->mChildren)
        throw core::DataError(w.file,
                              "node '" + std::string(node->mName.C_Str()) + "' lists children it does not hold");
    for (unsigned c = 0; c < node->mNumChildren; ++c)
        collect(w, node->mChildren[c], xf, depth + 1);
}

// Every instance line of an ASCII PLY must hold the values its element declares, and a list's count must not
// exceed what follows it on the line: a face "9999999999993 0 3 2" sent Assimp's reader into an endless loop.
template <class Elements>
void checkAsciiPlyBody(std::string_view body, const std::string& file, size_t lineNo, const Elements& elements) {
    size_t at = 0;
    for (const auto& element : elements) {
        for (uint64_t i = 0; i < element.count; ++i) {
            std::string_view line;
            do {
                if (at >= body.size())
                    throw core::DataError(file, "PLY ends at line " + std::to_string(lineNo) +
                                                    " before all declared elements were listed");
                size_t nl = body.find('\n', at);
                line = body.substr(at, nl == std::string_view::npos ? body.size() - at : nl - at);
                at = nl == std::string_view::npos ? body.size() : nl + 1;
                ++lineNo;
            } while (line.find_first_not_of(" \t\r") == std::string_view::npos);
            std::vector<std::string_view> tokens;
            HeaderTokens tok(line);
            for (auto t = tok.next(); !t.empty(); t = tok.next())
                tokens.push_back(t);
            size_t k = 0;
            for (bool list : element.lists) {
                if (k >= tokens.size())
                    throw core::DataError(file, "PLY line " + std::to_string(lineNo) + ": fewer values than declared");
                if (list) {
                    double n = 0.0;
                    auto [p, e] = std::from_chars(tokens[k].data(), tokens[k].data() + tokens[k].size(), n);
                    if (e != std::errc() || n < 0.0 || n > static_cast<double>(tokens.size() - k - 1) ||
                        n != std::floor(n))
                        throw core::DataError(file, "PLY line " + std::to_string(lineNo) + ": list count '" +
                                                        std::string(tokens[k].substr(0, 24)) +
                                                        "' does not match the values that follow");
                    k += 1 + static_cast<size_t>(n);
                } else {
                    ++k;
                }
            }
        }
    }
}

} // namespace

void checkDeclaredCounts(std::string_view bytes, const std::string& file, std::string ext) {
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const uint64_t size = bytes.size();
    if (ext == ".off") {
        // "[ST][C][N][4][n]OFF", then vertex, face and edge counts; each vertex takes at least "0 0 0\n",
        // each face at least "1 0\n".
        HeaderTokens tok(bytes);
        std::string_view head = tok.next();
        // Only the header keywords of the format: Assimp read counts after a mangled "OFF4" and hung.
        std::string_view rest = head;
        for (std::string_view prefix : {"ST", "C", "N", "4", "n"})
            if (rest.starts_with(prefix))
                rest.remove_prefix(prefix.size());
        if (rest != "OFF")
            throw core::DataError(file, "not an OFF file (header '" + std::string(head.substr(0, 16)) + "')");
        auto vertices = toCount(tok.next());
        auto faces = toCount(tok.next());
        if (!vertices || !faces)
            throw core::DataError(file, "OFF header: the vertex and face counts are not whole numbers");
        if (*vertices > size / 6)
            refuseCount(file, "vertices", *vertices, size / 6);
        if (*faces > size / 4)
            refuseCount(file, "faces", *faces, size / 4);
    } else if (ext == ".ply") {
        // The header is checked line by line before Assimp sees it: a header without a clean "end_header" line
        // sent Assimp's PLY reader into an endless loop (found by fuzzing). Every element takes at least one byte
        // in binary PLY, two in ASCII ("0\n").
        struct Element {
            uint64_t count;
            std::vector<bool> lists; // per property: a list (count, then values) or one value
        };
        std::vector<Element> elements;
        uint64_t declared = 0;
        bool ascii = false, ended = false;
        size_t at = 0, lineNo = 0;
        while (at < bytes.size() && !ended) {
            size_t nl = bytes.find('\n', at);
            std::string_view line = bytes.substr(at, nl == std::string_view::npos ? bytes.size() - at : nl - at);
            at = nl == std::string_view::npos ? bytes.size() : nl + 1;
            ++lineNo;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            for (char c : line)
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                    throw core::DataError(file, "PLY header line " + std::to_string(lineNo) +
                                                    ": control character (corrupt header)");
            HeaderTokens tok(line);
            std::string_view key = tok.next();
            if (lineNo == 1) {
                if (key != "ply")
                    throw core::DataError(file, "not a PLY file (no 'ply' on the first line)");
                continue;
            }
            if (key == "end_header" && tok.next().empty()) {
                ended = true;
            } else if (key == "format") {
                ascii = tok.next() == "ascii";
            } else if (key == "element") {
                tok.next(); // the element's name
                auto n = toCount(tok.next());
                if (!n)
                    throw core::DataError(file,
                                          "PLY header line " + std::to_string(lineNo) + ": element without a count");
                declared = std::min<uint64_t>(declared + *n, UINT64_MAX / 4);
                elements.push_back({*n, {}});
            } else if (key == "property") {
                if (elements.empty())
                    throw core::DataError(file, "PLY header line " + std::to_string(lineNo) +
                                                    ": property before any element");
                // "property TYPE NAME" or "property list COUNTTYPE TYPE NAME", nothing else: a mangled one sent
                // Assimp's reader into an endless loop (found by fuzzing).
                std::vector<std::string_view> parts;
                for (auto t = tok.next(); !t.empty(); t = tok.next())
                    parts.push_back(t);
                bool list = !parts.empty() && parts[0] == "list";
                if (parts.size() != (list ? 4u : 2u))
                    throw core::DataError(file, "PLY header line " + std::to_string(lineNo) + ": malformed property");
                elements.back().lists.push_back(list);
            } // other lines (comments, notes that exporters leave) are skipped, as Assimp skips them
        }
        if (!ended)
            throw core::DataError(file, "PLY header has no end_header line");
        if (elements.empty()) // Assimp's reader looped forever on such a header (found by fuzzing)
            throw core::DataError(file, "PLY header declares no elements");
        uint64_t fits = ascii ? size / 2 : size;
        if (declared > fits)
            refuseCount(file, "elements", declared, fits);
        if (ascii)
            checkAsciiPlyBody(bytes.substr(at), file, lineNo, elements);
    } else if (ext == ".raw") {
        // Lines of 9 numbers (a triangle) or 12 (a colour and a triangle), the same count throughout, between
        // group names. Assimp's RAW reader aborted (an ai_assert) on lines that broke this (found by fuzzing).
        size_t at = 0, lineNo = 0, width = 0;
        while (at < bytes.size()) {
            size_t nl = bytes.find('\n', at);
            std::string_view line = bytes.substr(at, nl == std::string_view::npos ? bytes.size() - at : nl - at);
            at = nl == std::string_view::npos ? bytes.size() : nl + 1;
            ++lineNo;
            std::vector<std::string_view> tokens;
            HeaderTokens tok(line);
            for (auto t = tok.next(); !t.empty(); t = tok.next())
                tokens.push_back(t);
            auto isNumber = [](std::string_view t) {
                double v = 0.0;
                auto [p, e] = std::from_chars(t.data(), t.data() + t.size(), v);
                return e == std::errc() && p == t.data() + t.size();
            };
            if (tokens.empty() || (tokens.size() == 1 && !isNumber(tokens[0])))
                continue; // blank, or a group name
            bool numeric = std::all_of(tokens.begin(), tokens.end(), isNumber);
            if (!numeric || (tokens.size() != 9 && tokens.size() != 12) || (width != 0 && tokens.size() != width))
                throw core::DataError(file, "RAW line " + std::to_string(lineNo) +
                                                ": expected 9 or 12 numbers (the same throughout the file)");
            width = tokens.size();
        }
    } else if (ext == ".stl" && size >= 84 && bytes.substr(0, 5) != "solid") {
        // Binary STL: an 80-byte header, a triangle count, 50 bytes per triangle.
        uint32_t n = 0;
        std::memcpy(&n, bytes.data() + 80, 4);
        if (uint64_t(n) > (size - 84) / 50)
            refuseCount(file, "triangles", n, (size - 84) / 50);
    }
}

geometry::Mesh loadMeshFile(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw core::DataError(file, "file not found");
    // Only a regular file of a sane size; its declared counts must fit in it before Assimp allocates for them.
    const std::string bytes = core::readRegularFile(path, kMaxMeshFileBytes);
    checkDeclaredCounts(bytes, file, path.extension().string());
    if (looksLikeText(bytes) && !bytes.empty() && bytes.back() != '\n' && bytes.back() != '\r')
        core::logWarn(file + ": the last line has no line end (truncated file?)");
    Assimp::Importer importer;
    // Imported with no post-processing, validated on its own, and only then cleaned: Assimp's SortByPType and
    // Triangulate crashed or aborted on a malformed PLY that passed the validation run inside ReadFile. Keep the
    // files' own normals; polygons are split into fans in our walk.
    const aiScene* scene = importer.ReadFile(file, aiProcess_ValidateDataStructure);
    if (scene && scene->mRootNode && !(scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
        scene = importer.ApplyPostProcessing(aiProcess_ValidateDataStructure);
    if (scene && scene->mRootNode && !(scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
        scene = importer.ApplyPostProcessing(aiProcess_FindDegenerates);
    if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)) {
        std::string reason = importer.GetErrorString();
        throw core::DataError(file, "cannot import: " + (reason.empty() ? std::string("no mesh data") : reason));
    }
    geometry::Mesh mesh;
    collect(Walk{scene, file, mesh}, scene->mRootNode, glm::mat4(1.0f), 0);
    if (mesh.indices.empty())
        throw core::DataError(file, "holds no triangles");
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
