#pragma once
// Mesh file import. The only place that includes Assimp.
#include "geometry/mesh.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace myoatlas::io {

// Loads every mesh of the file into one triangle mesh (node transforms applied). Throws core::DataError naming
// the file when it cannot be read, is not a mesh file, or holds no triangles.
// The file must be a regular file (no FIFO or device) of at most kMaxMeshFileBytes whose declared counts fit in
// its size; the result may hold at most kMaxMeshVertices / kMaxMeshTriangles, every coordinate finite and within
// kMaxCoordinate metres. Anything else is refused with the file and the reason.
[[nodiscard]] geometry::Mesh loadMeshFile(const std::filesystem::path& path);

// The largest BodyParts3D structure has about 54,000 vertices; these limits leave room for a far finer body while
// keeping a hostile file from taking the machine's memory.
inline constexpr uint64_t kMaxMeshFileBytes = uint64_t(512) << 20;
inline constexpr size_t kMaxMeshVertices = 4'000'000;
inline constexpr size_t kMaxMeshTriangles = 8'000'000;
inline constexpr float kMaxCoordinate = 1.0e5f; // metres

// Refuses (core::DataError naming `file`) a file whose header declares more vertices, faces or elements than its
// size can hold (OFF, PLY, binary STL), before any importer allocates for them. `ext` is the extension, with dot.
void checkDeclaredCounts(std::string_view bytes, const std::string& file, std::string ext);
// True when the first bytes hold no control characters other than line ends and tabs.
[[nodiscard]] bool looksLikeText(std::string_view bytes);

// Writes a mesh as a binary glTF (.glb) or any other format Assimp exports, chosen by extension.
void saveMeshFile(const geometry::Mesh& mesh, const std::filesystem::path& path);

} // namespace myoatlas::io
