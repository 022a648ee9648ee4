#include "app/commands.h"
#include "app/bench_command.h"
#include "app/handout_command.h"
#include "app/heat_commands.h"
#include "app/review_command.h"
#include "app/study_commands.h"
#include "app/technique_commands.h"

namespace myoatlas::app {

void registerSubcommands(CLI::App& cli, std::vector<Subcommand>& out) {
    (void)cli;
    (void)out;
    registerHeatCommands(cli, out);
    registerHandoutCommand(cli, out);
    registerTechniqueCommands(cli, out);
    registerReviewCommand(cli, out);
    registerStudyCommands(cli, out);
    registerBenchCommand(cli, out);
}

} // namespace myoatlas::app
