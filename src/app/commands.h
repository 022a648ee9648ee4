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

// Referred pain (report/heat_report's JSON):
//   heat --trp ID [--side left|right] [--time T] --json
//   suspects --at LANDMARK[,LANDMARK...] [--point x,y,z ...] [--side left|right] [--top N] --json
void registerHeatCommands(CLI::App& cli, std::vector<Subcommand>& out);
// technique --id ID --target MUSCLE_OR_TRP [--side left|right] [--variant V] --json, or --list --json (report/
// technique_report's JSON). A plan the site rule refuses exits kExitUnsafeSite with the verdict on stdout and the
// message on stderr.
inline constexpr int kExitUnsafeSite = 3;
void registerTechniqueCommands(CLI::App& cli, std::vector<Subcommand>& out);
// Study (report/study_report's JSON): find QUERY [--limit N] [--json] lists ranked matches (none: an empty list and
// "did you mean"); info NAME [--json] prints the card of the best match (none: exit 1).
void registerStudyCommands(CLI::App& cli, std::vector<Subcommand>& out);
// handout --trp ID [--side left|right] -o FILE.pdf|FILE.png (handout_command.h)
void registerHandoutCommand(CLI::App& cli, std::vector<Subcommand>& out);
// review --muscle ID -o DIR (review_command.h)
void registerReviewCommand(CLI::App& cli, std::vector<Subcommand>& out);
// bench --json [--size WxH]: the renderer's scenarios (render/bench.h) on the loaded body, headless through EGL.
void registerBenchCommand(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
