#include "app/commands.h"

namespace myoatlas::app {

void registerSubcommands(CLI::App& cli, std::vector<Subcommand>& out) {
    (void)cli;
    (void)out;
}

} // namespace myoatlas::app
