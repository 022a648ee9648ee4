#include "scene/frame_quality.h"

namespace myoatlas::scene {

FrameQuality FrameQualityPlan::next(const FrameBudget& budget) {
    const int n = drawn_++;
    if (n == 0)
        return kFirst;
    if (steady_)
        return kRest;
    return {budget.scale(), budget.lodPixels()};
}

} // namespace myoatlas::scene
