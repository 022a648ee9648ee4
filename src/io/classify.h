#pragma once
// Classification of loaded structures: region, whole-muscle grouping and layer (from geometry plus an override
// table). GL-free; uses the BVH for the exposure test.
#include "anatomy/body.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace myoatlas::io {

// FJ id -> the names of all its ancestor classes, from metadata/bp3d_v4_isa_uniq_parts_list.txt.
using AncestorTable = std::map<std::string, std::set<std::string>>;
[[nodiscard]] AncestorTable readAncestors(const std::filesystem::path& path);

// Head/neck/trunk/limbs: from the FMA ancestors where they say it ("muscle of upper limb"), else from where the
// structure lies relative to the body's height and midline.
void assignRegions(anatomy::Body& body, const AncestorTable& ancestors);

// Groups FMA parts ("clavicular part of right deltoid", "long head of right biceps brachii") into their whole
// muscle ("right deltoid"). Parts are recognised by their FMA ancestors ("organ zone", "head of muscle organ").
void groupParts(anatomy::Body& body, const AncestorTable& ancestors);

struct LayerOverride {
    std::string match; // an FMA id or an exact structure name, or a whole-muscle group name
    anatomy::Layer layer = anatomy::Layer::DeepMuscle;
    std::string reason;
};
[[nodiscard]] std::vector<LayerOverride> readLayerOverrides(const std::filesystem::path& path);

struct LayerRules {
    float exposedThreshold =
        0.20f; // a muscle is superficial when at least this share of its sampled surface sees the skin (a thin
               // sheet shows about half its surface outward, so 0.2 means ~40% of its outer face)
    float maxSkinGap = 0.035f; // metres: a ray that reaches the skin only beyond this crossed a cavity
    int samplesPerMuscle = 240;
    float occluderLodError = 0.001f; // metres: what the rays hit is each mesh's finest level within this of it
};

// Skin -> skin layer, bones -> bone, cartilage/connective -> connective. Muscles: the fraction of sampled surface
// points whose outward normal ray reaches the skin (within maxSkinGap) before any other muscle or bone decides
// superficial vs deep; a left/right pair is superficial only when both sides are, and a whole muscle takes the
// layer of its most exposed part; then the override table applies.
// The rays run on `threads` workers (0: one per core, at most 8); the layers are the same for any count.
void assignLayers(anatomy::Body& body, const std::vector<LayerOverride>& overrides, const LayerRules& rules = {},
                  unsigned threads = 0);

} // namespace myoatlas::io
