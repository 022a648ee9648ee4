#pragma once
// `myoatlas review --muscle ID -o DIR`: the review sheet of one muscle (report/review_report) with pictures of the
// muscle against the bones and of each pattern from the standard views.
#include "app/feature.h"

#include <filesystem>
#include <string>

namespace myoatlas::app {

struct ReviewRequest {
    std::string muscle;
    std::filesystem::path outDir;
    std::string side = "right";
    std::string size = "1000x800";
    bool images = true;
};

// Writes DIR/<muscle>.json, DIR/<muscle>.md and (with images) the PNGs. Returns the number of images written.
int runReview(FeatureContext& context, const ReviewRequest& request);

} // namespace myoatlas::app
