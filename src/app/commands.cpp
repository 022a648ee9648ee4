#include "app/commands.h"

namespace myoatlas::app {

void registerSubcommands(CLI::App& cli, std::vector<Subcommand>& out) {
    registerHeatCommands(cli, out);
    registerHandoutCommand(cli, out);
    registerTechniqueCommands(cli, out);
    registerReviewCommand(cli, out);
    registerStudyCommands(cli, out);
    registerBenchCommand(cli, out);
}

} // namespace myoatlas::app
