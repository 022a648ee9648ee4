#pragma once
// The body's meshes laid out as the renderer uploads them: one interleaved position+normal stream, a structure-id
// stream, one index buffer (every structure's full triangles, then its levels of detail, each list regrouped piece by
// piece for occlusion culling) and where each structure's lists and pieces lie in it. GL-free, so that the window
// can build it on every core on the loading thread while the loading screen shows, and a renderer made from it
// only copies buffers. Built serially or in parallel, the layout is the same.
#include "anatomy/body.h"
#include "geometry/mesh.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace myoatlas::render {

struct BodyUpload {
    struct Level {
        int32_t count = 0; // indices
        size_t offset = 0; // bytes into the index buffer
    };
    size_t structures = 0;
    std::vector<float> interleaved; // per vertex: position, normal
    std::vector<uint32_t> ids;      // per vertex: its structure
    std::vector<uint32_t> indices;  // already offset by each structure's first vertex
    std::vector<int32_t> counts;    // per structure: its full list's index count
    std::vector<size_t> offsets;    // per structure: its full list's byte offset
    std::vector<int32_t> baseVertex;
    std::vector<std::vector<Level>> lods;           // per structure, its simplified lists, finest first
    std::vector<std::vector<float>> lodErrors;      // per structure, its levels' errors (metres), finest first
    std::vector<std::vector<geometry::Aabb>> boxes; // per structure, its pieces' boxes (enlarged by kBoxMargin)
    std::vector<uint32_t> firstPiece;               // per structure, its first piece's number
    std::vector<std::vector<std::vector<uint32_t>>> pieceStarts; // per structure and list: piece starts (indices)
    uint32_t pieces = 0;
    // Global position of the first vertex and index these arrays hold: 0 for a whole body's layout; where the
    // buffers ended for a layout that goes after them (layoutAfter). Offsets, base vertices, indices and piece
    // numbers are always global.
    size_t vertexOrigin = 0, indexOrigin = 0;
};

// Where an upload's buffers end, and how many structures it covers: what a later layout goes after.
struct UploadEnd {
    size_t vertices = 0, indices = 0;
    uint32_t pieces = 0;
    size_t structures = 0;
};

// Boxes for the occlusion tests are this much larger than the pieces (metres), so that a surface lying on a box's
// face is never in front of the box by rounding.
inline constexpr float kBoxMargin = 0.002f;

// threads: 0 = one per core.
[[nodiscard]] BodyUpload prepareBodyUpload(const anatomy::Body& body, unsigned threads = 0);
// The structures the body gained since `before` was made (those past before.structures), laid out after it in a
// layout of their own (its arrays hold only what goes after `before`; its per-structure lists cover the whole body,
// filled at the added structures): a layout can be made while the rest of the body is still being added (the window
// lays out the body beside the atlas), and nothing already laid out is copied again. A renderer takes both
// (Renderer's two-part constructor). Reads only the added structures' meshes. Throws core::Error if the body has
// fewer structures than `before`.
[[nodiscard]] BodyUpload layoutAdded(const BodyUpload& before, const anatomy::Body& body, unsigned threads = 0);
[[nodiscard]] UploadEnd uploadEnd(const BodyUpload& upload);
// The meshes structures already in an upload get later (the window's fascia, generated while the body is shown:
// its structures are there from the start, empty), laid out after `end`: its arrays hold only what goes after the
// end (vertexOrigin, indexOrigin), its per-structure lists are filled at the slots only. Renderer::fillStructures
// takes it. `slots` rise and lie below end.structures (else core::Error); meshes[j] goes to slots[j].
[[nodiscard]] BodyUpload layoutAfter(const UploadEnd& end, std::span<const uint32_t> slots,
                                     std::span<const geometry::Mesh* const> meshes, unsigned threads = 0);

} // namespace myoatlas::render
