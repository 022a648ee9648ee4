#pragma once
// What `myoatlas inspect --json` prints about the loaded body: how it loaded, counts by layer and category, and
// every structure with its names, layer, region and bounds.
#include "anatomy/body.h"
#include "io/body_loader.h"
#include "scene/atlas_context.h"

#include <nlohmann/json.hpp>

namespace myoatlas::report {

[[nodiscard]] nlohmann::json bodyJson(const anatomy::Body& body, const io::LoadReport& report);
// `inspect`: the body, the atlas as it resolves on it (or why it did not load) and every line's path, both sides.
[[nodiscard]] nlohmann::json inspectJson(const scene::AtlasContext& context, const io::LoadReport& report);

} // namespace myoatlas::report
