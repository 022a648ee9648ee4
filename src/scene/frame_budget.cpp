#include "scene/frame_budget.h"

#include <algorithm>
#include <iterator>

namespace myoatlas::scene {

int FrameBudget::smallestStep() const {
    int step = 1; // half size is always allowed
    while (step + 1 < static_cast<int>(std::size(kScales)) &&
           outputPixels_ * kScales[step] * kScales[step] > kSmallestPixels)
        ++step;
    return step;
}

void FrameBudget::drawn(double now, bool previousAlsoChanged) {
    if (previousAlsoChanged && last_ >= 0.0) {
        resting_ = false; // two changed frames in a row: an interaction
        double gap = now - last_;
        // Smaller than half only while the camera moves; a frame that changed otherwise leaves that size alone.
        const int kSmallest = cameraMoving_ ? smallestStep() : 1;
        const int learnt = step_;
        step_ = cameraMoving_ ? step_ : std::min(step_, 1);
        if (gap > 2.0 * budget_) {
            // Far too slow: the coarsest levels at once, then a smaller size per frame while it is not enough.
            if (lodPixels_ < kMaxMovingLodPixels)
                lodPixels_ = kMaxMovingLodPixels;
            else
                step_ = std::min(step_ + 1, kSmallest);
        } else if (gap > budget_) {
            // Coarser meshes cost nothing the eye sees while moving; fewer pixels blur everything: meshes first.
            if (lodPixels_ < kMaxMovingLodPixels)
                lodPixels_ = std::min(kMaxMovingLodPixels, lodPixels_ * 2.0f);
            else
                step_ = std::min(step_ + 1, kSmallest);
        } else if (step_ > 0) {
            // Back to the larger size only when a frame of it (its pixels' share of the time) would fit with room.
            const double larger = kScales[step_ - 1] / kScales[step_];
            if (gap * larger * larger < budget_ * 0.6)
                --step_;
        } else if (gap < budget_ * 0.5) {
            lodPixels_ = std::max(kRestLodPixels, lodPixels_ / 1.5f);
        }
        if (!cameraMoving_ && learnt > 1 && step_ == 1)
            step_ = learnt;
    }
    cameraMoving_ = false;
    last_ = now;
}

} // namespace myoatlas::scene
