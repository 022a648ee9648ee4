#include "scene/skin_heat.h"

#include "core/error.h"
#include "core/timer.h"

#include <algorithm>

namespace myoatlas::scene {

using anatomy::Side;

SkinHeat::SkinHeat(const anatomy::Body& body, const anatomy::Atlas* atlas, anatomy::AtlasResolver* resolver,
                   std::string atlasError)
    : body_(body), atlas_(atlas), resolver_(resolver), atlasError_(std::move(atlasError)), skin_(body.skin()) {}

SkinHeat::~SkinHeat() {
    if (future_.valid())
        future_.wait(); // the worker reads the body
}

void SkinHeat::prepare() {
    if (!skin_ || solver_ || future_.valid())
        return;
    const geometry::Mesh* mesh = &body_.meshes[*skin_];
    future_ = std::async(std::launch::async, [mesh] {
                  core::Stopwatch sw;
                  auto solver = std::make_shared<geometry::GeodesicSolver>(*mesh);
                  return std::make_pair(std::move(solver), sw.seconds());
              }).share();
}

bool SkinHeat::ready() const {
    return solver_ || (future_.valid() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
}

const geometry::GeodesicSolver& SkinHeat::solver() {
    if (!solver_) {
        if (!skin_)
            throw core::DataError("body", "no skin mesh (FMA7163) to paint referred pain on");
        prepare();
        const auto& [solver, seconds] = future_.get();
        solver_ = solver;
        solverSeconds_ = seconds;
    }
    return *solver_;
}

anatomy::ResolvedReferral SkinHeat::referral(std::string_view trpId, Side side) {
    if (!atlas_ || !resolver_)
        throw core::DataError("atlas", "the atlas did not load: " + atlasError_);
    const anatomy::TriggerPoint* trp = atlas_->triggerPoint(trpId);
    if (!trp)
        throw core::UsageError("unknown trigger point '" + std::string(trpId) + "'");
    if (!trp->sides.empty() && std::find(trp->sides.begin(), trp->sides.end(), side) == trp->sides.end())
        throw core::UsageError(std::string(trpId) + " does not exist on the " + std::string(anatomy::sideName(side)) +
                               " side");
    return resolver_->referral(*trp, side);
}

const std::vector<anatomy::ResolvedReferral>& SkinHeat::allReferrals() {
    if (!allResolved_ && atlas_ && resolver_) {
        for (const anatomy::TriggerPoint& trp : atlas_->triggerPoints) {
            std::vector<Side> sides = trp.sides.empty() ? std::vector<Side>{Side::Left, Side::Right} : trp.sides;
            for (Side s : sides)
                all_.push_back(resolver_->referral(trp, s));
        }
        allResolved_ = true;
    }
    return all_;
}

glm::vec3 SkinHeat::onSkin(const glm::vec3& p) {
    if (ready())
        return solver().closestPoint(p).point;
    return resolver_ ? resolver_->toSkin(p, anatomy::Toward::Nearest, Side::Midline) : p;
}

} // namespace myoatlas::scene
