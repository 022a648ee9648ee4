#pragma once
// The technique subcommand (the JSON is report/technique_report's):
//   myoatlas technique --id ID --target MUSCLE_OR_TRP [--side left|right] [--variant V] --json
//   myoatlas technique --list --json        (techniques and their suitable targets)
// A target inside an endangerment site where the technique is unsafe exits kExitUnsafeSite with the verdict on
// stdout and the message on stderr.
#include "app/commands.h"

#include <string>

namespace myoatlas::app {

struct TechniqueRequest {
    std::string id, target;
    std::string side = "right";
    std::string variant; // empty: the standard sequence
    bool list = false;
};

// Exit status of `technique` when the site rule refuses the plan.
inline constexpr int kExitUnsafeSite = 3;

// Adds `technique` to the command line.
void registerTechniqueCommands(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
