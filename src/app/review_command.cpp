#include "app/review_command.h"

#include "app/render_command.h"
#include "core/error.h"
#include "core/log.h"
#include "scene/options.h"

#include <fstream>
#include <memory>
#include <sstream>

namespace myoatlas::app {

namespace {

nlohmann::json vec(const glm::vec3& v) {
    auto r = [](float x) { return std::round(x * 1e4f) / 1e4f; };
    return {r(v.x), r(v.y), r(v.z)};
}

// Front, back and the muscle's own side: the views a reviewer compares with an atlas plate.
std::vector<std::string> reviewViews(const std::string& side) {
    return {"anterior", "posterior", side};
}

std::vector<std::string> structureNames(const FeatureContext& context, const anatomy::ResolvedMuscle& rm,
                                        anatomy::Side side) {
    std::vector<std::string> names;
    for (uint32_t i : side == anatomy::Side::Left ? rm.left : rm.right) {
        const std::string& n = context.body.structures[i].name;
        if (std::find(names.begin(), names.end(), n) == names.end())
            names.push_back(n);
    }
    return names;
}

// The bones and the muscle's own layers: the muscle stands out (selected) among its neighbours, on the skeleton.
std::string reviewLayers(const FeatureContext& context, const anatomy::ResolvedMuscle& rm, anatomy::Side side) {
    std::string layers = "bone";
    for (uint32_t i : side == anatomy::Side::Left ? rm.left : rm.right) {
        std::string name(anatomy::layerName(context.body.structures[i].layer));
        if (layers.find(name) == std::string::npos)
            layers += "," + name;
    }
    return layers;
}

} // namespace

nlohmann::json reviewJson(FeatureContext& context, const ReviewRequest& request) {
    if (!context.atlas || !context.resolver)
        throw core::DataError("atlas", "the atlas did not load: " + context.atlasError);
    const anatomy::Atlas& atlas = *context.atlas;
    const anatomy::Muscle* m = atlas.muscle(request.muscle);
    if (!m)
        throw core::UsageError("--muscle: unknown muscle '" + request.muscle + "' (see muscles.json)");
    auto side = anatomy::parseSide(request.side);
    if (!side || *side == anatomy::Side::Midline)
        throw core::UsageError("--side must be left or right (got '" + request.side + "')");
    anatomy::AtlasResolver& resolver = *context.resolver;
    const anatomy::ResolvedMuscle rm = resolver.muscle(*m);

    nlohmann::json sheet = {{"muscle", m->id},
                            {"name", m->name},
                            {"region", m->region},
                            {"side", request.side},
                            {"origin", m->origin},
                            {"insertion", m->insertion},
                            {"action", m->action},
                            {"innervation", m->innervation},
                            {"mesh", m->meshPresent ? "present" : "absent (modelled on a surrogate)"},
                            {"structures", structureNames(context, rm, *side)},
                            {"layers", reviewLayers(context, rm, *side)},
                            {"recall", m->recall},
                            {"sources", m->sources}};
    if (!m->meshPresent)
        sheet["surrogate_note"] = m->surrogateNote;
    if (!m->safety.empty())
        sheet["safety"] = m->safety;

    nlohmann::json images = nlohmann::json::array();
    for (const auto& view : reviewViews(request.side))
        images.push_back({{"file", m->id + "_" + view + "_muscle.png"}, {"view", view}, {"shows", "muscle on bone"}});

    nlohmann::json trps = nlohmann::json::array();
    for (const anatomy::TriggerPoint* t : atlas.triggerPointsOf(m->id)) {
        if (std::find(t->sides.begin(), t->sides.end(), *side) == t->sides.end())
            continue;
        auto rt = resolver.triggerPoint(*t, *side);
        auto ref = resolver.referral(*t, *side);
        nlohmann::json zones = nlohmann::json::array();
        for (const auto& z : ref.zones)
            zones.push_back({{"label", z.label},
                             {"kind", z.kind == anatomy::ZoneKind::Essential ? "essential" : "spillover"},
                             {"evidence", z.evidence},
                             {"weight", std::round(z.weight * 100.0) / 100.0},
                             {"seeds", z.seeds.size()},
                             {"radius_mm", std::round(z.radius * 1000.0)}});
        nlohmann::json j = {{"id", t->id},
                            {"description", t->description},
                            {"ok", rt.ok},
                            {"position", vec(rt.position)},
                            {"snap_mm", std::round(rt.snapMm * 10.0) / 10.0},
                            {"recall", t->recall},
                            {"zones", std::move(zones)},
                            {"sources", t->sources}};
        if (!t->referralNote.empty())
            j["note"] = t->referralNote;
        nlohmann::json files = nlohmann::json::array();
        for (const auto& view : reviewViews(request.side)) {
            std::string file = m->id + "_" + t->id + "_" + view + ".png";
            files.push_back(file);
            images.push_back({{"file", file}, {"view", view}, {"shows", t->id + " and its referral"}});
        }
        j["images"] = std::move(files);
        trps.push_back(std::move(j));
    }
    sheet["trigger_points"] = std::move(trps);
    sheet["images"] = std::move(images);
    return sheet;
}

std::string reviewMarkdown(const nlohmann::json& s) {
    std::ostringstream md;
    auto str = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    md << "# Review: " << str(s["name"]) << " (`" << str(s["muscle"]) << "`, " << str(s["side"]) << " side)\n\n";
    if (s.value("recall", false))
        md << "Written partly from memory ([RECALL]): every item needs a check against the textbook.\n\n";
    md << "Mesh: " << str(s["mesh"]) << "\n\n";
    if (s.contains("surrogate_note"))
        md << "> " << str(s["surrogate_note"]) << "\n\n";
    for (const char* k : {"origin", "insertion", "action", "innervation"})
        md << "- [ ] **" << k << "**: " << str(s[k]) << "\n";
    if (s.contains("safety"))
        md << "- [ ] **safety**: " << str(s["safety"]) << "\n";
    md << "\n";
    for (const auto& img : s["images"])
        if (str(img["shows"]) == "muscle on bone")
            md << "![" << str(img["view"]) << "](" << str(img["file"]) << ")\n";
    for (const auto& t : s["trigger_points"]) {
        md << "\n## " << str(t["id"]) << (t.value("recall", false) ? " [RECALL]" : "") << "\n\n";
        md << "- [ ] location: " << str(t["description"]) << " (snapped " << str(t["snap_mm"])
           << " mm onto the muscle)\n";
        for (const auto& z : t["zones"])
            md << "- [ ] " << str(z["kind"]) << ": " << str(z["label"]) << " (" << str(z["evidence"]) << ")\n";
        if (t.contains("note"))
            md << "\n> " << str(t["note"]) << "\n";
        md << "\n";
        for (const auto& f : t["images"])
            md << "![" << str(f) << "](" << str(f) << ")\n";
    }
    return md.str();
}

int runReview(FeatureContext& context, const ReviewRequest& request) {
    nlohmann::json sheet = reviewJson(context, request);
    std::error_code ec;
    std::filesystem::create_directories(request.outDir, ec);
    if (ec)
        throw core::UsageError("-o: cannot create " + request.outDir.string() + ": " + ec.message());
    const std::string id = sheet["muscle"];
    std::ofstream(request.outDir / (id + ".json")) << sheet.dump(1) << "\n";
    std::ofstream(request.outDir / (id + ".md")) << reviewMarkdown(sheet);
    if (!request.images)
        return 0;
    auto [w, h] = scene::parseSize(request.size);
    int written = 0;
    auto render = [&](RenderRequest rr, bool framed) {
        scene::AppState state;
        rr.size = request.size;
        rr.side = request.side;
        applyRequest(context, rr, state, static_cast<float>(w) / static_cast<float>(h));
        OffscreenOptions options;
        options.width = w;
        options.height = h;
        options.featureFraming = !framed;
        io::writePng(rr.output, renderOffscreen(context, state, options));
        ++written;
    };
    for (const auto& img : sheet["images"]) {
        RenderRequest rr;
        rr.output = request.outDir / img["file"].get<std::string>();
        rr.view = img["view"];
        if (img["shows"] == "muscle on bone") {
            // The muscle highlighted against the skeleton, framed on it: where it attaches.
            rr.layers = sheet["layers"].get<std::string>();
            rr.select = sheet["structures"].get<std::vector<std::string>>();
            rr.frameSelection = !rr.select.empty();
            render(rr, rr.frameSelection);
        }
    }
    for (const auto& t : sheet["trigger_points"])
        for (const auto& f : t["images"]) {
            RenderRequest rr;
            std::string file = f;
            rr.output = request.outDir / file;
            // The view is the file name's last part (<muscle>_<trp>_<view>.png).
            rr.view = file.substr(file.rfind('_') + 1, file.size() - file.rfind('_') - 5);
            rr.triggerPoints = {t["id"].get<std::string>()};
            // The caption names each zone with what attests it, as the heat's intensity does.
            rr.caption = t["id"].get<std::string>() + " (" + request.side + ")";
            for (const auto& z : t["zones"])
                rr.caption += "\n" + z["kind"].get<std::string>() + ": " + z["label"].get<std::string>() + " - " +
                              z["evidence"].get<std::string>();
            render(rr, false);
        }
    core::logInfo("review of " + id + ": " + std::to_string(written) + " images in " + request.outDir.string());
    return written;
}

void registerReviewCommand(CLI::App& cli, std::vector<Subcommand>& out) {
    auto args = std::make_shared<ReviewRequest>();
    std::string outDir;
    auto* cmd = cli.add_subcommand("review", "Sheet and pictures to review one muscle: attachments, trigger points, "
                                             "referral, from the standard views");
    cmd->add_option("--muscle", args->muscle, "muscle id from muscles.json, e.g. supinator")->required();
    cmd->add_option("-o,--output", args->outDir, "output folder (created)")->required();
    cmd->add_option("--side", args->side, "side of the body: left|right")->check(CLI::IsMember({"left", "right"}));
    cmd->add_option("--size", args->size, "image size WIDTHxHEIGHT");
    cmd->add_flag(
        "--no-images", [args](int64_t) { args->images = false; }, "write the sheet only (no GL)");
    out.push_back({cmd, true, [args](FeatureContext& context) {
                       runReview(context, *args);
                       return 0;
                   }});
}

} // namespace myoatlas::app
