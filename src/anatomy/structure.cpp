#include "anatomy/structure.h"

namespace myoatlas::anatomy {
namespace {
constexpr std::array<std::string_view, kLayerCount> kLayerNames = {"skin",        "fascia", "superficial_muscle",
                                                                   "deep_muscle", "bone",   "connective"};
constexpr std::array<std::string_view, kLayerCount> kLayerLabels = {"Skin",        "Fascia", "Superficial muscle",
                                                                    "Deep muscle", "Bone",   "Cartilage & connective"};
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {"skin",      "muscles",    "bones",
                                                                         "cartilage", "connective", "fascia"};
constexpr std::array<std::string_view, kRegionCount> kRegionNames = {"head", "neck", "trunk", "upper_limb",
                                                                     "lower_limb"};
} // namespace

std::string_view layerName(Layer layer) {
    return kLayerNames[index(layer)];
}
std::string_view layerLabel(Layer layer) {
    return kLayerLabels[index(layer)];
}

std::optional<Layer> parseLayer(std::string_view name) {
    for (size_t i = 0; i < kLayerCount; ++i)
        if (kLayerNames[i] == name)
            return static_cast<Layer>(i);
    return std::nullopt;
}

std::string_view categoryName(Category category) {
    return kCategoryNames[index(category)];
}

std::optional<Category> parseCategory(std::string_view name) {
    for (size_t i = 0; i < kCategoryCount; ++i)
        if (kCategoryNames[i] == name)
            return static_cast<Category>(i);
    return std::nullopt;
}

std::string_view sideName(Side side) {
    switch (side) {
    case Side::Left:
        return "left";
    case Side::Right:
        return "right";
    default:
        return "midline";
    }
}

std::optional<Side> parseSide(std::string_view name) {
    if (name == "left" || name == "L" || name == "l")
        return Side::Left;
    if (name == "right" || name == "R" || name == "r")
        return Side::Right;
    if (name == "midline" || name == "M" || name == "m")
        return Side::Midline;
    return std::nullopt;
}

std::string_view regionName(Region region) {
    return kRegionNames[static_cast<size_t>(region)];
}

std::optional<Region> parseRegion(std::string_view name) {
    for (size_t i = 0; i < kRegionCount; ++i)
        if (kRegionNames[i] == name)
            return static_cast<Region>(i);
    return std::nullopt;
}

} // namespace myoatlas::anatomy
