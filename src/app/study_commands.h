#pragma once
// The study subcommands (the JSON is report/study_report's):
//   myoatlas find QUERY [--limit N] [--json]   ranked matches; no match: an empty list and "did you mean"
//   myoatlas info NAME [--json]                the card of the best match; no match: exit 1
#include "app/commands.h"

namespace myoatlas::app {

// Adds `find` and `info` to the command line.
void registerStudyCommands(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
