#pragma once
// The loaded body: every structure with its mesh, grouped into whole muscles. GL-free.
#include "anatomy/structure.h"
#include "geometry/mesh.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::anatomy {

// The attribution the body data's licence requires, shown in About, on exported images and handouts.
inline constexpr const char* kBodyAttribution =
    "BodyParts3D, (c) The Database Center for Life Science, licensed under CC Attribution-Share Alike 2.1 Japan.";

// A whole muscle (or other FMA concept) made of several files, e.g. "right trapezius" = 3 parts.
struct StructureGroup {
    std::string fma;
    std::string name;
    std::vector<uint32_t> members; // structure indices
};

struct LoadFailure {
    std::string file;
    std::string problem;
};

class Body {
public:
    std::vector<Structure> structures;
    std::vector<geometry::Mesh> meshes; // meshes[i] belongs to structures[i]
    std::vector<StructureGroup> groups;
    std::vector<LoadFailure> failures; // files that could not be loaded (skipped)

    [[nodiscard]] size_t size() const { return structures.size(); }
    [[nodiscard]] bool empty() const { return structures.empty(); }
    [[nodiscard]] std::optional<uint32_t> findByName(std::string_view name) const;
    [[nodiscard]] std::optional<uint32_t> findByFj(std::string_view fj) const;
    [[nodiscard]] std::vector<uint32_t> findByFma(std::string_view fma) const;
    // The main skin surface (FMA7163), if loaded.
    [[nodiscard]] std::optional<uint32_t> skin() const;
    [[nodiscard]] geometry::Aabb bounds() const;
    [[nodiscard]] size_t triangleCount() const;
    [[nodiscard]] size_t countInLayer(Layer layer) const;
    [[nodiscard]] size_t countInCategory(Category category) const;
    // Re-derives the stored per-structure bounds from the meshes.
    void updateBounds();
};

} // namespace myoatlas::anatomy
