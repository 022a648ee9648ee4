#include "app/inspect.h"
#include "core/error.h"
#include "core/log.h"
#include "io/body_loader.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

using namespace myoatlas;

int main(int argc, char** argv) {
    CLI::App cli{"MyoAtlas: 3D myofascial anatomy"};
    std::string dataDir;
    cli.add_option("--data", dataDir, "BodyParts3D directory (holds manifest.csv)");
    bool noCache = false;
    cli.add_flag("--no-cache", noCache, "Ignore and do not write the body cache");
    auto* inspect = cli.add_subcommand("inspect", "Print what was loaded");
    bool json = false;
    inspect->add_flag("--json", json, "JSON output");
    CLI11_PARSE(cli, argc, argv);
    try {
        io::LoadOptions lo;
        lo.dataDir = io::locateData(dataDir.empty() ? std::nullopt : std::optional<std::filesystem::path>(dataDir));
        lo.useCache = !noCache;
        io::LoadReport rep;
        auto body = io::loadBody(lo, &rep);
        if (*inspect) {
            std::cout << app::bodyToJson(body, rep).dump(2) << "\n";
        }
    } catch (const core::Error& e) {
        core::logError(e.what());
        return static_cast<int>(e.code());
    }
    return 0;
}
