#pragma once
// Subcommands beyond the window: each feature registers its own with the CLI; main() runs the chosen one once the
// body (and the atlas) are loaded.
#include "app/feature.h"

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace myoatlas::app {

struct Subcommand {
    CLI::App* command = nullptr;
    bool needsAtlas = false;
    std::function<int(FeatureContext&)> run; // returns the exit code
};

// Registers every feature's subcommands (render, inspect and validate are main's own). The one place to add more.
void registerSubcommands(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
