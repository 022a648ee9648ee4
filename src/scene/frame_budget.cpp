#include "scene/frame_budget.h"

namespace myoatlas::scene {

void FrameBudget::drawn(double now, bool previousAlsoChanged) {
    if (previousAlsoChanged && last_ >= 0.0) {
        double gap = now - last_;
        if (scale_ == 1.0f && gap > budget_)
            scale_ = 0.5f;
        // A quarter of the pixels: back to full size only when a full frame would fit the budget with room.
        else if (scale_ < 1.0f && gap * 4.0 < budget_ * 0.6)
            scale_ = 1.0f;
    }
    last_ = now;
}

} // namespace myoatlas::scene
