#include "app/feature.h"

#include <algorithm>

namespace myoatlas::app {

FeatureHost::FeatureHost(FeatureContext& context, render::Renderer& renderer)
    : context_(context), renderer_(renderer), features_(makeFeatures(context)) {}

bool FeatureHost::update(const scene::AppState& state, double now) {
    bool animating = false;
    for (auto& f : features_)
        animating = f->update(state, now) || animating;
    return animating;
}

void FeatureHost::sync(std::vector<uint8_t>& dimmed) {
    changed_ = false;
    // Overlays: one key over every feature's version (position-weighted so two changes cannot cancel out).
    uint64_t okey = 1469598103934665603ull;
    for (auto& f : features_)
        okey = (okey ^ f->overlayVersion()) * 1099511628211ull;
    if (okey != overlayKey_) {
        std::vector<render::OverlayMesh> overlays;
        for (auto& f : features_)
            f->appendOverlays(overlays);
        renderer_.setOverlays(std::move(overlays));
        overlayKey_ = okey;
        changed_ = true;
    }
    uint64_t hkey = 1469598103934665603ull;
    const HeatOutput* heat = nullptr;
    for (auto& f : features_) {
        hkey = (hkey ^ f->heatVersion()) * 1099511628211ull;
        if (!heat)
            heat = f->heat();
    }
    if (hkey != heatKey_) {
        if (heat && !heat->values.empty()) {
            renderer_.setHeat(heat->structure, heat->values);
            pulse_ = heat->pulse;
            heatShown_ = true;
        } else if (heatShown_) {
            renderer_.clearHeat();
            heatShown_ = false;
        }
        heatKey_ = hkey;
        changed_ = true;
    }
    dimmed.assign(context_.body.size(), 0);
    for (auto& f : features_)
        f->markDimmed(dimmed);
}

bool FeatureHost::readsMeshesInBackground() const {
    return std::any_of(features_.begin(), features_.end(), [](const auto& f) { return f->readsMeshesInBackground(); });
}

} // namespace myoatlas::app
