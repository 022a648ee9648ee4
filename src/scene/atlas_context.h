#pragma once
// What every feature, report and subcommand may use: the body, and the atlas with its resolver when it loaded.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"

#include <string>

namespace myoatlas::scene {

// The atlas is absent when it failed to load (the body still shows); `atlasError` says why.
struct AtlasContext {
    const anatomy::Body& body;
    const anatomy::Atlas* atlas = nullptr;
    anatomy::AtlasResolver* resolver = nullptr; // shares landmark and BVH caches between its users
    std::string atlasError;
};

} // namespace myoatlas::scene
