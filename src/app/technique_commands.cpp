#include "app/commands.h"

#include "core/error.h"
#include "report/technique_report.h"

#include <iostream>
#include <memory>

namespace myoatlas::app {
namespace {

struct TechniqueRequest {
    std::string id, target;
    std::string side = "right";
    std::string variant; // empty: the standard sequence
    bool list = false;
};

} // namespace

void registerTechniqueCommands(CLI::App& cli, std::vector<Subcommand>& out) {
    auto req = std::make_shared<TechniqueRequest>();
    auto* tc = cli.add_subcommand("technique", "A release technique's steps resolved on this body, as JSON");
    tc->add_option("--id", req->id, "technique id, e.g. cross_fibre_friction");
    tc->add_option("--target", req->target, "target: muscle id or trigger point id, e.g. infraspinatus, INFRA-TP1");
    tc->add_option("--side", req->side, "side of the target: left|right")->check(CLI::IsMember({"left", "right"}));
    tc->add_option("--variant", req->variant, "one of the technique's variants, e.g. ischaemic_compression");
    tc->add_flag("--list", req->list, "list the techniques and their suitable targets");
    tc->add_flag("--json")->description("JSON output (the only format)");
    out.push_back({tc, true, [req](FeatureContext& context) {
                       if (req->list) {
                           std::cout << report::techniqueListJson(*context.atlas).dump(2) << "\n";
                           return 0;
                       }
                       if (req->id.empty() || req->target.empty())
                           throw core::UsageError("technique needs --id and --target (or --list)");
                       scene::TechniqueResolver resolver(*context.atlas, context.body, *context.resolver);
                       auto side = req->side == "left" ? anatomy::Side::Left : anatomy::Side::Right;
                       auto r = resolver.resolve(req->id, req->target, side, req->variant);
                       if (!r.verdict.allowed()) {
                           // The same rule that stops the GUI stepper: the plan is refused with the site, the
                           // structures at risk and a safer alternative.
                           std::cout << report::refusalJson(r).dump(2) << "\n";
                           std::cerr << "myoatlas: technique " << r.techniqueId << " on " << r.targetId << ": "
                                     << r.verdict.message << "\n";
                           return kExitUnsafeSite;
                       }
                       std::cout << report::techniqueJson(r).dump(2) << "\n";
                       return 0;
                   }});
}

} // namespace myoatlas::app
