#pragma once
// The bookkeeping of occlusion culling, GL-free so that it is unit-tested. The renderer cuts each structure into a
// few pieces (geometry::clusterMesh) and, per frame: draws the pieces that showed in the last frame; tests the
// boxes of the others against the depth drawn so far and draws, in the same frame, those whose boxes show; then
// tests the boxes of everything it drew against the finished depth, which the next frame reads to learn what
// is hidden. A piece skipped is one whose box was hidden in this very frame, so the image is the same as drawing
// everything, and nothing appears a frame late. Only opaque structures take part: translucent ones hide nothing.
#include "geometry/mesh.h"

#include <cstddef>
#include <cstdint>
#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::scene {

struct OcclusionRules {
    // Structures (at the level of detail drawn) under this many triangles are drawn without a test: their boxes
    // would cost about as much as they do.
    size_t minTriangles = 256;
    // Pieces drawn are re-tested against the finished depth in turns, one in this many per frame: testing them
    // all every frame costs more on llvmpipe than the hidden ones it finds save (each box runs its fragments).
    uint32_t recheckEvery = 4;
    // Supersampled frames (the still frame after a rest) re-test nothing: the frames before them did, and their
    // boxes cover four times the pixels (measured: 4-12 % slower than no culling with the re-test, even without).
    bool recheckSupersampled = false;
};

// Whether a structure's pieces are worth testing: enough triangles, and the eye is not at its boxes.
[[nodiscard]] bool worthTesting(size_t triangles, bool eyeNearBounds, const OcclusionRules& rules = {});

// Whether the eye is inside, or within twice the near plane distance of, any of the boxes: then the near plane may
// clip the side facing the eye, and the boxes cannot be trusted to stand in front of what they hold.
[[nodiscard]] bool eyeNearBounds(std::span<const geometry::Aabb> boxes, const glm::vec3& eye, float nearPlane);

// Per piece, whether the last frame found it hidden. A piece never asked about counts as showing, so a first frame
// draws everything.
class OcclusionHistory {
public:
    void reset(size_t pieces);
    [[nodiscard]] size_t size() const { return hidden_.size(); }
    // A new frame: the next share of the drawn pieces is due for a re-test.
    void beginFrame() { ++frame_; }
    // Whether a piece drawn this frame is re-tested against the finished depth (every piece once in
    // rules.recheckEvery frames), so that a piece that became hidden is found within that many frames.
    [[nodiscard]] bool dueForRecheck(uint32_t piece, const OcclusionRules& rules = {}) const;
    // Whether a frame drawn at `supersample` times the size re-tests its drawn pieces at all.
    [[nodiscard]] static bool rechecks(int supersample, const OcclusionRules& rules = {});
    // What a frame learnt of a piece: its box showed (or not).
    void seen(uint32_t piece, bool visible);
    [[nodiscard]] bool hiddenLastFrame(uint32_t piece) const;
    [[nodiscard]] size_t hiddenCount() const;

private:
    std::vector<uint8_t> hidden_;
    uint64_t frame_ = 0;
};

} // namespace myoatlas::scene
