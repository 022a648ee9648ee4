#pragma once
// Picking on the CPU: a ray against the structures' bounding boxes, then against a BVH per structure that is built
// the first time a ray reaches that structure. No up-front build, so the first frame never waits for picking.
#include "anatomy/body.h"
#include "geometry/bvh.h"
#include "scene/view_state.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace myoatlas::scene {

struct Pick {
    uint32_t structure = 0;
    glm::vec3 point{0.0f};
    glm::vec3 normal{0.0f};
    float distance = 0.0f;
};

class Picker {
public:
    explicit Picker(const anatomy::Body& body);
    ~Picker();

    // Nearest visible structure along the ray. Layers fainter than `minOpacity` are clicked through, so a
    // faded skin does not swallow clicks meant for the muscles under it.
    [[nodiscard]] std::optional<Pick> pick(const geometry::Ray& ray, const ViewState& view,
                                           float minOpacity = 0.5f) const;
    // Nearest hit on one structure only (e.g. the skin, for marking pain).
    [[nodiscard]] std::optional<Pick> pickStructure(const geometry::Ray& ray, uint32_t structure) const;
    // Nearest hit among the structures whose mask entry is non-zero (one entry per structure).
    [[nodiscard]] std::optional<Pick> pickMasked(const geometry::Ray& ray, const std::vector<uint8_t>& mask) const;
    // How many per-structure BVHs exist so far (for tests and benchmarks).
    [[nodiscard]] size_t builtCount() const;
    // Builds the remaining BVHs on a background thread, so later picks never pay for a build. Stops with the
    // picker.
    void prebuildInBackground();
    // Stops that thread (returns once it has): before the body's meshes change (structures filled in late). Returns
    // whether it was running, so that it can be started again.
    bool stopPrebuild();
    // Drops the BVHs of these structures, whose meshes changed: the next ray or prebuild builds them again. Only
    // while no prebuild runs.
    void forget(std::span<const uint32_t> structures);

private:
    const geometry::Bvh& bvhOf(uint32_t structure) const;

    const anatomy::Body& body_;
    mutable std::vector<std::unique_ptr<geometry::Bvh>> bvhs_;
    mutable std::mutex mutex_;
    std::atomic<bool> stop_{false};
    std::thread prebuild_;
};

} // namespace myoatlas::scene
