#pragma once
// What a still picture shows, as the headless subcommands ask for it (render, review sheets, handouts, lesson
// renders): a named view, layers, a selection and teaching content by id. Checked first (a typed number is refused,
// never clamped in silence; every id must exist), then applied through the same commands as the window's.
#include "scene/app_state.h"
#include "scene/atlas_context.h"

#include <string>
#include <vector>

namespace myoatlas::scene {

struct StillRequest {
    std::string view; // empty: anterior, or the direction a feature's framing chooses (a pain map faces its pattern)
    std::string layers = "all";
    std::vector<std::string> select;
    bool frameSelection = false;
    std::vector<std::string> triggerPoints; // ids; side from `side`
    std::string side = "right";
    float time = -1.0f; // < 0: steady state
    std::vector<std::string> lines;
    std::string technique, target, variant;
    int step = 0;
    std::string caption;
};

// Throws core::UsageError naming the option: a non-finite or out-of-range time, an unknown trigger point, line or
// technique, a technique step outside its steps. Ids are not checked without an atlas (the caller says it is missing).
void checkStillRequest(const anatomy::Atlas* atlas, const StillRequest& request);

// Checks the request, then sets `state` to show it in a picture of the given aspect (width / height). Throws
// core::UsageError for a bad view, side or structure name as well.
void applyStillRequest(const AtlasContext& context, const StillRequest& request, AppState& state, float aspect);

} // namespace myoatlas::scene
