#include "report/review_report.h"

#include "core/error.h"
#include "report/json_values.h"

#include <algorithm>
#include <sstream>

namespace myoatlas::report {
namespace {

// Front, back and the muscle's own side: the views a reviewer compares with an atlas plate.
std::vector<std::string> reviewViews(const std::string& side) {
    return {"anterior", "posterior", side};
}

std::vector<std::string> structureNames(const scene::AtlasContext& context, const anatomy::ResolvedMuscle& rm,
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
std::string reviewLayers(const scene::AtlasContext& context, const anatomy::ResolvedMuscle& rm, anatomy::Side side) {
    std::string layers = "bone";
    for (uint32_t i : side == anatomy::Side::Left ? rm.left : rm.right) {
        std::string name(anatomy::layerName(context.body.structures[i].layer));
        if (layers.find(name) == std::string::npos)
            layers += "," + name;
    }
    return layers;
}

} // namespace

nlohmann::json reviewJson(const scene::AtlasContext& context, const std::string& muscle, const std::string& sideName) {
    if (!context.atlas || !context.resolver)
        throw core::DataError("atlas", "the atlas did not load: " + context.atlasError);
    const anatomy::Atlas& atlas = *context.atlas;
    const anatomy::Muscle* m = atlas.muscle(muscle);
    if (!m)
        throw core::UsageError("--muscle: unknown muscle '" + muscle + "' (see muscles.json)");
    auto side = anatomy::parseSide(sideName);
    if (!side || *side == anatomy::Side::Midline)
        throw core::UsageError("--side must be left or right (got '" + sideName + "')");
    anatomy::AtlasResolver& resolver = *context.resolver;
    const anatomy::ResolvedMuscle rm = resolver.muscle(*m);

    nlohmann::json sheet = {{"muscle", m->id},
                            {"name", m->name},
                            {"region", m->region},
                            {"side", sideName},
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
    for (const auto& view : reviewViews(sideName))
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
        for (const auto& view : reviewViews(sideName)) {
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

std::vector<ReviewStill> reviewStills(const nlohmann::json& sheet, const std::string& side) {
    std::vector<ReviewStill> out;
    for (const auto& img : sheet["images"]) {
        if (img["shows"] != "muscle on bone")
            continue;
        ReviewStill still{img["file"].get<std::string>(), {}, false};
        auto& r = still.request;
        r.view = img["view"];
        r.side = side;
        r.layers = sheet["layers"].get<std::string>();
        r.select = sheet["structures"].get<std::vector<std::string>>();
        r.frameSelection = still.framed = !r.select.empty();
        out.push_back(std::move(still));
    }
    for (const auto& t : sheet["trigger_points"])
        for (const auto& f : t["images"]) {
            ReviewStill still{f.get<std::string>(), {}, false};
            auto& r = still.request;
            const std::string& file = still.file;
            // The view is the file name's last part (<muscle>_<trp>_<view>.png).
            r.view = file.substr(file.rfind('_') + 1, file.size() - file.rfind('_') - 5);
            r.side = side;
            r.triggerPoints = {t["id"].get<std::string>()};
            // The caption names each zone with what attests it, as the heat's intensity does.
            r.caption = t["id"].get<std::string>();
            r.caption.append(" (").append(side).append(")");
            for (const auto& z : t["zones"])
                r.caption.append("\n")
                    .append(z["kind"].get<std::string>())
                    .append(": ")
                    .append(z["label"].get<std::string>())
                    .append(" - ")
                    .append(z["evidence"].get<std::string>());
            out.push_back(std::move(still));
        }
    return out;
}

} // namespace myoatlas::report
