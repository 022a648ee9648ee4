#pragma once
// The review sheet for one muscle of the atlas, for an expert to check: its record, its trigger points where they
// resolve on this body, their referral zones with what attests each, and the pictures a review should hold.
#include "scene/atlas_context.h"
#include "scene/still_request.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace myoatlas::report {

// The sheet as JSON: the record, each trigger point resolved on `side` ("left" or "right"), its zones, and the
// images to render (file names relative to the output folder). Throws core::UsageError for an unknown muscle or
// side.
[[nodiscard]] nlohmann::json reviewJson(const scene::AtlasContext& context, const std::string& muscle,
                                        const std::string& side);

// The pictures the sheet lists, as stills to render: the muscle highlighted on the skeleton and framed on it (where it
// attaches), and each trigger point's pattern from each of its views, captioned with its zones and what attests them.
struct ReviewStill {
    std::string file; // relative to the output folder
    scene::StillRequest request;
    bool framed = false; // the request frames its selection (else the feature's framing faces what it shows)
};
[[nodiscard]] std::vector<ReviewStill> reviewStills(const nlohmann::json& sheet, const std::string& side);

// The same sheet as Markdown, with a check box per item for the reviewer.
[[nodiscard]] std::string reviewMarkdown(const nlohmann::json& sheet);

} // namespace myoatlas::report
