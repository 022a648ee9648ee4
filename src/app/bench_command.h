#pragma once
// `myoatlas bench`: the renderer's scenarios (render/bench.h) on the loaded body, headless through EGL.
#include "app/commands.h"

namespace myoatlas::app {

void registerBenchCommand(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
