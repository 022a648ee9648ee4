#pragma once
// Patient handouts: the text (report/handout_report) with the pictures rendered headless, and the
// `handout` subcommand (`myoatlas handout --trp ID [--side left|right] -o FILE.pdf|FILE.png`).
#include "app/commands.h"
#include "app/feature.h"
#include "app/render_command.h"
#include "io/handout.h"
#include "io/image_io.h"
#include "scene/app_state.h"
#include "scene/technique_player.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::app {

// Builds and writes a handout for a trigger point: the pattern faced and framed (from behind for one on the back),
// and the self-care technique on the body under the site rule.
void writeTriggerPointHandout(FeatureContext& context, const std::string& trpId, const std::string& side,
                              const std::filesystem::path& output);

// Registers `handout` (one line in commands.cpp).
void registerHandoutCommand(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
