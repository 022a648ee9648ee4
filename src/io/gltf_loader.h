#pragma once
// Mesh file import. The only place that includes Assimp.
#include "geometry/mesh.h"

#include <filesystem>

namespace myoatlas::io {

// Loads every mesh of the file into one triangle mesh (node transforms applied). Throws core::DataError naming
// the file when it cannot be read, is not a mesh file, or holds no triangles.
[[nodiscard]] geometry::Mesh loadMeshFile(const std::filesystem::path& path);

// Writes a mesh as a binary glTF (.glb) or any other format Assimp exports, chosen by extension.
void saveMeshFile(const geometry::Mesh& mesh, const std::filesystem::path& path);

} // namespace myoatlas::io
