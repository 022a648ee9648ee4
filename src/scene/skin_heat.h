#pragma once
// Referred pain on this body's skin, GL-free: the skin's geodesic solver (built once, in the background when asked)
// and the atlas's referrals resolved on it.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "anatomy/referral_zone.h"
#include "geometry/geodesic.h"

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myoatlas::scene {

// The skin's geodesic solver (built once, in the background when asked) and the referrals on it: the one place that
// turns an atlas trigger point into the field the program paints, so `myoatlas heat --json` reports that same field.
class SkinHeat {
public:
    SkinHeat(const anatomy::Body& body, const anatomy::Atlas* atlas, anatomy::AtlasResolver* resolver,
             std::string atlasError = {});
    ~SkinHeat();
    SkinHeat(const SkinHeat&) = delete;
    SkinHeat& operator=(const SkinHeat&) = delete;

    [[nodiscard]] bool available() const { return atlas_ && resolver_ && skin_.has_value(); }
    [[nodiscard]] std::optional<uint32_t> skin() const { return skin_; }
    // Starts building the solver on a worker thread (once). The first frame never waits for it.
    void prepare();
    [[nodiscard]] bool ready() const;
    // The solver, waiting for it (and building it here when prepare() was never called). Throws core::Error.
    const geometry::GeodesicSolver& solver();
    [[nodiscard]] double solverSeconds() const { return solverSeconds_; }

    // One trigger point's referral on one side. Main thread only (the resolver caches). Throws core::UsageError
    // for an unknown id or a side the point does not exist on.
    anatomy::ResolvedReferral referral(std::string_view trpId, anatomy::Side side);
    // Every trigger point on every side it exists on, resolved once (the reverse lookup's candidates).
    const std::vector<anatomy::ResolvedReferral>& allReferrals();
    // A point given anywhere near the body, moved onto the skin.
    [[nodiscard]] glm::vec3 onSkin(const glm::vec3& p);

private:
    const anatomy::Body& body_;
    const anatomy::Atlas* atlas_;
    anatomy::AtlasResolver* resolver_;
    std::string atlasError_;
    std::optional<uint32_t> skin_;
    std::shared_future<std::pair<std::shared_ptr<geometry::GeodesicSolver>, double>> future_; // solver, seconds
    std::shared_ptr<geometry::GeodesicSolver> solver_;
    double solverSeconds_ = 0.0;
    std::vector<anatomy::ResolvedReferral> all_;
    bool allResolved_ = false;
};

} // namespace myoatlas::scene
