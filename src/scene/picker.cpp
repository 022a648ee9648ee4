#include "scene/picker.h"

#include <algorithm>
#include <limits>

namespace myoatlas::scene {
namespace {

// Entry distance of a ray into a box, or nullopt when it misses.
std::optional<float> enterBox(const geometry::Aabb& box, const geometry::Ray& ray) {
    glm::vec3 inv = 1.0f / ray.direction;
    glm::vec3 t0 = (box.min - ray.origin) * inv, t1 = (box.max - ray.origin) * inv;
    glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
    float enter = std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f));
    float exit = std::min(std::min(hi.x, hi.y), hi.z);
    if (enter > exit)
        return std::nullopt;
    return enter;
}

} // namespace

Picker::Picker(const anatomy::Body& body) : body_(body), bvhs_(body.size()) {}
Picker::~Picker() {
    stop_ = true;
    if (prebuild_.joinable())
        prebuild_.join();
}

void Picker::prebuildInBackground() {
    if (prebuild_.joinable())
        return;
    prebuild_ = std::thread([this] {
        for (uint32_t s = 0; s < body_.size() && !stop_; ++s) {
            {
                std::lock_guard lock(mutex_);
                if (bvhs_[s])
                    continue;
            }
            auto bvh = std::make_unique<geometry::Bvh>();
            bvh->build(body_.meshes[s]); // outside the lock: picks go on meanwhile
            std::lock_guard lock(mutex_);
            if (!bvhs_[s])
                bvhs_[s] = std::move(bvh);
        }
    });
}

bool Picker::stopPrebuild() {
    if (!prebuild_.joinable())
        return false;
    stop_ = true;
    prebuild_.join();
    stop_ = false;
    return true;
}

void Picker::forget(std::span<const uint32_t> structures) {
    std::lock_guard lock(mutex_);
    for (uint32_t s : structures)
        if (s < bvhs_.size())
            bvhs_[s].reset();
}

const geometry::Bvh& Picker::bvhOf(uint32_t s) const {
    if (!bvhs_[s]) {
        auto bvh = std::make_unique<geometry::Bvh>();
        bvh->build(body_.meshes[s]);
        bvhs_[s] = std::move(bvh);
    }
    return *bvhs_[s];
}

size_t Picker::builtCount() const {
    std::lock_guard lock(mutex_);
    return static_cast<size_t>(std::count_if(bvhs_.begin(), bvhs_.end(), [](const auto& b) { return b != nullptr; }));
}

std::optional<Pick> Picker::pickMasked(const geometry::Ray& ray, const std::vector<uint8_t>& mask) const {
    std::vector<std::pair<float, uint32_t>> candidates;
    for (uint32_t s = 0; s < body_.size(); ++s)
        // A structure without triangles (the fascia's while it is generated) has no box to enter.
        if (s < mask.size() && mask[s] && !body_.meshes[s].indices.empty())
            if (auto t = enterBox(body_.structures[s].bounds, ray))
                candidates.emplace_back(*t, s);
    std::sort(candidates.begin(), candidates.end());
    std::lock_guard lock(mutex_);
    geometry::RayHit best;
    uint32_t bestStructure = 0;
    for (auto [enter, s] : candidates) {
        if (best.hit && enter > best.t)
            break; // every later box starts beyond the nearest hit
        auto hit = bvhOf(s).intersect(ray, best.hit ? best.t : std::numeric_limits<float>::infinity());
        if (hit.hit && (!best.hit || hit.t < best.t)) {
            best = hit;
            bestStructure = s;
        }
    }
    if (!best.hit)
        return std::nullopt;
    return Pick{bestStructure, best.point, body_.meshes[bestStructure].triangleNormal(best.triangle), best.t};
}

std::optional<Pick> Picker::pick(const geometry::Ray& ray, const ViewState& view, float minOpacity) const {
    std::vector<uint8_t> mask(body_.size(), 0);
    for (uint32_t s = 0; s < body_.size(); ++s)
        mask[s] = view.isVisible(body_, s) && view.opacity(body_, s) >= minOpacity;
    return pickMasked(ray, mask);
}

std::optional<Pick> Picker::pickStructure(const geometry::Ray& ray, uint32_t structure) const {
    std::vector<uint8_t> mask(body_.size(), 0);
    if (structure >= body_.size())
        return std::nullopt;
    mask[structure] = 1;
    return pickMasked(ray, mask);
}

} // namespace myoatlas::scene
