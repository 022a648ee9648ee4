#pragma once
// `myoatlas review --muscle ID -o DIR`: everything an expert needs to check one muscle of the atlas: its record,
// its trigger points where they resolve on this body, their referral zones with what attests each, and pictures
// of the muscle against the bones and of each pattern from the standard views.
#include "app/commands.h"
#include "app/feature.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace myoatlas::app {

struct ReviewRequest {
    std::string muscle;
    std::filesystem::path outDir;
    std::string side = "right";
    std::string size = "1000x800";
    bool images = true;
};

// The review sheet as JSON, GL-free: the record, each trigger point resolved on `side`, its zones, and the images
// `runReview` writes (file names relative to the output folder). Throws core::UsageError for an unknown muscle.
[[nodiscard]] nlohmann::json reviewJson(FeatureContext& context, const ReviewRequest& request);

// The same sheet as Markdown, with a check box per item for the reviewer.
[[nodiscard]] std::string reviewMarkdown(const nlohmann::json& sheet);

// Writes DIR/<muscle>.json, DIR/<muscle>.md and (with images) the PNGs. Returns the number of images written.
int runReview(FeatureContext& context, const ReviewRequest& request);

void registerReviewCommand(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
