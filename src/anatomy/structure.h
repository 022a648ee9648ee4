#pragma once
// One segmented structure of the body (one BodyParts3D file) and the vocabulary that classifies it.
#include "geometry/mesh.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myoatlas::anatomy {

// Drawing and peeling order, outermost first.
enum class Layer : uint8_t { Skin, Fascia, SuperficialMuscle, DeepMuscle, Bone, Connective };
inline constexpr size_t kLayerCount = 6;
inline constexpr std::array<Layer, kLayerCount> kAllLayers = {
    Layer::Skin, Layer::Fascia, Layer::SuperficialMuscle, Layer::DeepMuscle, Layer::Bone, Layer::Connective};

enum class Category : uint8_t { Skin, Muscle, Bone, Cartilage, Connective, Fascia };
inline constexpr size_t kCategoryCount = 6;

// The subject's side (+X is the subject's left).
enum class Side : uint8_t { Left, Right, Midline };

[[nodiscard]] std::string_view layerName(Layer layer);  // "skin", "superficial_muscle", ...
[[nodiscard]] std::string_view layerLabel(Layer layer); // "Superficial muscle" (for the UI)
[[nodiscard]] std::optional<Layer> parseLayer(std::string_view name);
[[nodiscard]] std::string_view categoryName(Category category);
[[nodiscard]] std::optional<Category> parseCategory(std::string_view name);
[[nodiscard]] std::string_view sideName(Side side);                 // "left", "right", "midline"
[[nodiscard]] std::optional<Side> parseSide(std::string_view name); // accepts left/right/midline and L/R/M
[[nodiscard]] constexpr size_t index(Layer l) {
    return static_cast<size_t>(l);
}
[[nodiscard]] constexpr size_t index(Category c) {
    return static_cast<size_t>(c);
}

enum class Region : uint8_t { Head, Neck, Trunk, UpperLimb, LowerLimb };
inline constexpr size_t kRegionCount = 5;
[[nodiscard]] std::string_view regionName(Region region);
[[nodiscard]] std::optional<Region> parseRegion(std::string_view name);

struct Structure {
    std::string fj;   // BodyParts3D file id, e.g. "FJ1521" (unique)
    std::string fma;  // FMA concept id, e.g. "FMA33586"
    std::string name; // English name, e.g. "descending part of right trapezius"
    std::string file; // path relative to the data directory
    std::string set;  // "isa" or "supplement"
    Category category = Category::Muscle;
    Side side = Side::Midline;
    Layer layer = Layer::Bone;
    Region region = Region::Trunk;
    float exposedFraction = 0.0f; // share of the surface that sees the skin directly (muscles)
    float minDistToSkinMm = -1.0f;
    int group = -1; // index into Body::groups, -1 when not grouped
    geometry::Aabb bounds;
};

} // namespace myoatlas::anatomy
