#pragma once
// Keeps interaction responsive where the GL is slow (llvmpipe on a school PC): while the view keeps changing and
// frames come slower than the budget, the scene is drawn at half resolution (scaled up on screen); it returns to
// full resolution when frames come fast again or the view rests (the still frame is then redrawn supersampled).
// GL-free: it only sees the times frames were drawn.

namespace myoatlas::scene {

class FrameBudget {
public:
    explicit FrameBudget(double budgetSeconds = 0.1) : budget_(budgetSeconds) {}

    // A changed scene was drawn at `now` (seconds); `previousAlsoChanged`: the frame before it was one too, so the
    // gap between them is the time one frame takes while interacting.
    void drawn(double now, bool previousAlsoChanged);
    // The view rests: the next interaction starts at full resolution.
    void rest() { scale_ = 1.0f; }
    // Render size factor for the next changed frame: 1 or 0.5.
    [[nodiscard]] float scale() const { return scale_; }

private:
    double budget_;
    double last_ = -1.0;
    float scale_ = 1.0f;
};

} // namespace myoatlas::scene
