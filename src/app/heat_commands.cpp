#include "app/commands.h"

#include "report/heat_report.h"
#include "scene/skin_heat.h"

#include <iostream>
#include <memory>

namespace myoatlas::app {

void registerHeatCommands(CLI::App& cli, std::vector<Subcommand>& out) {
    auto heat = std::make_shared<report::HeatRequest>();
    auto* hc = cli.add_subcommand("heat", "Referred-pain heat of one trigger point at every landmark, as JSON");
    hc->add_option("--trp", heat->trp, "trigger point id, e.g. TRAPU-TP1")->required();
    hc->add_option("--side", heat->side, "side of the trigger point: left|right")
        ->check(CLI::IsMember({"left", "right"}));
    hc->add_option("--time", heat->time, "also report the animated heat at this time (seconds)");
    hc->add_flag("--json")->description("JSON output (the only format)");
    out.push_back({hc, true, [heat](FeatureContext& context) {
                       scene::SkinHeat skin(context.body, context.atlas, context.resolver, context.atlasError);
                       std::cout << report::heatJson(context, skin, *heat).dump(2) << "\n";
                       return 0;
                   }});

    auto sus = std::make_shared<report::SuspectsRequest>();
    auto* sc = cli.add_subcommand("suspects", "Trigger points whose referral patterns cover the given pain, ranked");
    sc->add_option("--at", sus->at, "painful landmark(s), e.g. temple_r,mastoid_tip_r")->delimiter(',');
    sc->add_option("--point", sus->points, "painful point x,y,z in metres (repeatable)");
    sc->add_option("--side", sus->side, "side for landmarks given without _l/_r: left|right")
        ->check(CLI::IsMember({"left", "right"}));
    sc->add_option("--top", sus->top, "how many candidates to list (0: all)")->check(CLI::NonNegativeNumber);
    sc->add_flag("--json")->description("JSON output (the only format)");
    out.push_back({sc, true, [sus](FeatureContext& context) {
                       scene::SkinHeat skin(context.body, context.atlas, context.resolver, context.atlasError);
                       std::cout << report::suspectsJson(context, skin, *sus).dump(2) << "\n";
                       return 0;
                   }});
}

} // namespace myoatlas::app
