#pragma once
// Keeps interaction responsive where the GL is slow (llvmpipe on a school PC). While the view keeps changing and
// frames come slower than the budget, the level of detail may first stray further on screen (the error budget in
// pixels doubles, up to kMaxMovingLodPixels); only when that is not enough is the scene drawn smaller, scaled up on
// screen: half size, then, while the camera moves and where half size is still over kSmallestPixels (a projector at
// 1920x1080), about a third. Frames that change with the camera still (a referral pattern animating on a projector)
// are never drawn smaller than half size. A
// frame that misses the budget by twice or more goes straight to the coarsest moving state: stepping there frame by
// frame cost the first half second of every drag on llvmpipe. Fast frames win both back; the still frame after a rest
// is drawn at full quality (kRestLodPixels, supersampled). What an interaction learnt is kept for the next one, whose
// first frame is then already about the right cost. GL-free: it only sees the times frames were drawn.

#include <algorithm>

namespace myoatlas::scene {

class FrameBudget {
public:
    static constexpr float kRestLodPixels = 1.0f;           // still frames: simplification invisible
    static constexpr float kMaxMovingLodPixels = 16.0f;     // moving frames never stray further than this
    static constexpr float kScales[] = {1.0f, 0.5f, 0.35f}; // render sizes, largest first
    // A smaller size is used only while the one before it is over this many pixels: at 1280x720 half size (230k
    // pixels) is the smallest, at 1920x1080 (half: 518k) a third is allowed.
    static constexpr double kSmallestPixels = 300000.0;

    explicit FrameBudget(double budgetSeconds = 0.05) : budget_(budgetSeconds) {}

    // A changed scene was drawn at `now` (seconds); `previousAlsoChanged`: the frame before it was one too, so the
    // gap between them is the time one frame takes while interacting.
    void drawn(double now, bool previousAlsoChanged);
    // The view rests: changed frames that are not camera moves (a hover, a colour) are drawn at full resolution
    // until the camera moves again (moving()). The learnt moving scale is kept for that move.
    void rest() { resting_ = true; }
    // The camera is moving in the frame about to be drawn: it gets the moving scale learnt so far.
    void moving() {
        resting_ = false;
        cameraMoving_ = true;
    }
    // The window's size in pixels (which sizes smaller than half are allowed).
    void setOutputPixels(double pixels) { outputPixels_ = pixels; }
    // Render size factor for the next changed frame: one of kScales.
    [[nodiscard]] float scale() const { return resting_ ? 1.0f : kScales[cameraMoving_ ? step_ : std::min(step_, 1)]; }
    // Screen-space error (pixels) allowed to the level of detail in the next changed frame.
    [[nodiscard]] float lodPixels() const { return lodPixels_; }

private:
    double budget_;
    double last_ = -1.0;
    int step_ = 0; // into kScales: the size learnt while moving
    double outputPixels_ = 1280.0 * 720.0;
    [[nodiscard]] int smallestStep() const;
    bool resting_ = false;
    bool cameraMoving_ = false; // moving() was called for the frame being drawn
    float lodPixels_ = 2.0f * kRestLodPixels;
};

} // namespace myoatlas::scene
