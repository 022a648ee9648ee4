// Writes the whole loaded body as one mesh file, so a peer viewer (f3d) can render the same triangles.
// Usage: export_body OUT.glb|OUT.ply [DATA_DIR]   -- the output goes to the build tree, never into git.
#include "io/body_loader.h"
#include "io/gltf_loader.h"

#include <cstdio>

using namespace myoatlas;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: export_body OUT.glb [DATA_DIR]\n");
        return 2;
    }
    io::LoadOptions lo;
    lo.dataDir = io::locateData(argc > 2 ? std::optional<std::filesystem::path>(argv[2]) : std::nullopt);
    auto body = io::loadBody(lo);
    geometry::Mesh all;
    for (const auto& m : body.meshes)
        all.append(m);
    io::saveMeshFile(all, argv[1]);
    std::printf("%zu vertices, %zu triangles -> %s\n", all.vertexCount(), all.triangleCount(), argv[1]);
    return 0;
}
