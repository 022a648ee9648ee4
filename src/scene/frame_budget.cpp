#include "scene/frame_budget.h"

#include <algorithm>

namespace myoatlas::scene {

void FrameBudget::drawn(double now, bool previousAlsoChanged) {
    if (previousAlsoChanged && last_ >= 0.0) {
        resting_ = false; // two changed frames in a row: an interaction
        double gap = now - last_;
        if (gap > 2.0 * budget_) {
            // Far too slow: the coarsest moving state at once (the levels, then the size, next frame if need be).
            if (lodPixels_ < kMaxMovingLodPixels)
                lodPixels_ = kMaxMovingLodPixels;
            else
                scale_ = 0.5f;
        } else if (gap > budget_) {
            // Coarser meshes cost nothing the eye sees while moving; fewer pixels blur everything: meshes first.
            if (lodPixels_ < kMaxMovingLodPixels)
                lodPixels_ = std::min(kMaxMovingLodPixels, lodPixels_ * 2.0f);
            else
                scale_ = 0.5f;
        } else if (scale_ < 1.0f) {
            // A quarter of the pixels: back to full size only when a full frame would fit the budget with room.
            if (gap * 4.0 < budget_ * 0.6)
                scale_ = 1.0f;
        } else if (gap < budget_ * 0.5) {
            lodPixels_ = std::max(kRestLodPixels, lodPixels_ / 1.5f);
        }
    }
    last_ = now;
}

} // namespace myoatlas::scene
