#pragma once
// Patient handouts: the text and the pictures' requests (report/handout_report) with the pictures rendered headless,
// for the `handout` subcommand and patient mode.
#include "app/feature.h"

#include <filesystem>
#include <string>

namespace myoatlas::app {

// Builds and writes a handout for a trigger point: the pattern faced and framed (from behind for one on the back),
// and the self-care technique on the body under the site rule.
void writeTriggerPointHandout(FeatureContext& context, const std::string& trpId, const std::string& side,
                              const std::filesystem::path& output);

} // namespace myoatlas::app
