#pragma once
// Referred-pain subcommands (the JSON is report/heat_report's):
//   myoatlas heat --trp ID [--side left|right] [--time T] --json
//   myoatlas suspects --at LANDMARK[,LANDMARK...] [--point x,y,z ...] [--side left|right] [--top N] --json
#include "app/commands.h"

namespace myoatlas::app {

// Adds `heat` and `suspects` to the command line.
void registerHeatCommands(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
