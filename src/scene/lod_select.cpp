#include "scene/lod_select.h"

#include <algorithm>
#include <cmath>

namespace myoatlas::scene {

float pixelsPerMetreAtUnitDistance(float fovY, int heightPixels) {
    return static_cast<float>(heightPixels) / (2.0f * std::tan(fovY * 0.5f));
}

size_t selectLod(std::span<const float> levelErrors, float distance, float pixelsPerMetreAtOne, float maxPixels) {
    if (maxPixels <= 0.0f || levelErrors.empty())
        return 0;
    // Inside the bounds the distance is 0: a structure the eye is in is as near as the near plane.
    const float d = std::max(distance, 0.05f);
    const float maxError = maxPixels * d / pixelsPerMetreAtOne; // metres that project to maxPixels
    size_t chosen = 0;
    for (size_t k = 0; k < levelErrors.size(); ++k) {
        if (!(levelErrors[k] <= maxError))
            break;
        chosen = k + 1;
    }
    return chosen;
}

} // namespace myoatlas::scene
