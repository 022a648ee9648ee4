#pragma once
// Which level of detail to draw: the coarsest whose surface error, projected to the screen at the structure's
// nearest distance from the eye, stays under a number of pixels. GL-free, so the choice is unit-tested.
#include <cstddef>
#include <span>

namespace myoatlas::scene {

// Pixels per metre at unit distance for a vertical field of view (radians) and an image height (pixels).
[[nodiscard]] float pixelsPerMetreAtUnitDistance(float fovY, int heightPixels);

// levelErrors: metres, finest level first, non-decreasing (level k of the mesh's chain is levelErrors[k]).
// distance: metres from the eye to the nearest point of the structure's bounds (clamped below to the near plane).
// Returns 0 for full detail, k + 1 for the chain's level k. maxPixels <= 0 always gives full detail.
[[nodiscard]] size_t selectLod(std::span<const float> levelErrors, float distance, float pixelsPerMetreAtOne,
                               float maxPixels);

} // namespace myoatlas::scene
