#pragma once
// What a changed frame of the window is drawn at. On software GL a full-quality first frame costs about as much as
// the rest of a warm start, so the first frame is drawn the way a moving frame is (half size, the coarsest level of
// detail a moving frame may use): the window shows the body and answers sooner, and the full-quality still frame
// follows, as after any camera move. GL-free.
#include "scene/frame_budget.h"

namespace myoatlas::scene {

struct FrameQuality {
    float scale = 1.0f;                            // render size factor
    float lodPixels = FrameBudget::kRestLodPixels; // screen-space error allowed to the level of detail
    friend bool operator==(const FrameQuality&, const FrameQuality&) = default;
};

class FrameQualityPlan {
public:
    static constexpr FrameQuality kFirst{0.5f, FrameBudget::kMaxMovingLodPixels};
    static constexpr FrameQuality kRest{1.0f, FrameBudget::kRestLodPixels};

    // steady: runs with a fixed frame count (smoke tests), whose frames after the first must not depend on the
    // machine's speed: they are all drawn at rest quality.
    explicit FrameQualityPlan(bool steady) : steady_(steady) {}
    // The quality of the next changed frame; call once per changed frame drawn.
    FrameQuality next(const FrameBudget& budget);
    // A steady run redraws its coarse first frame at rest quality on the next frame, so that what it shows (and
    // screenshots) after that is what a full-quality first frame showed.
    [[nodiscard]] bool redrawPending() const { return steady_ && drawn_ == 1; }

private:
    bool steady_;
    int drawn_ = 0;
};

} // namespace myoatlas::scene
