// Reading assets/atlas/*.json into the typed Atlas, reporting every problem with file, record and field.
#include "anatomy/atlas.h"
#include "anatomy/atlas_reader.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text_checks.h"

#include <set>

namespace myoatlas::anatomy {

using detail::json;
using detail::RecordReader;

namespace {

struct FileDoc {
    std::string name;
    json doc;
    bool ok = false;
};

FileDoc readFile(const std::filesystem::path& dir, std::string_view name, std::vector<AtlasIssue>& issues) {
    FileDoc f{std::string(name), {}, false};
    std::string text;
    try {
        text = core::readFile(dir / name);
    } catch (const core::DataError& e) {
        issues.push_back(
            {IssueSeverity::Error, f.name, "", "", "cannot open " + (dir / name).string() + " (" + e.what() + ")"});
        return f;
    }
    try {
        f.doc = json::parse(text);
    } catch (const json::exception& e) {
        // Range errors (a number like 1e400) carry no position: find the token so the message points at it.
        std::string where = core::jsonErrorLocation(text, e.what());
        issues.push_back({IssueSeverity::Error, f.name, "", "",
                          std::string("invalid JSON") + (where.empty() ? "" : " at " + where) + ": " + e.what()});
        return f;
    }
    if (!f.doc.is_object()) {
        issues.push_back({IssueSeverity::Error, f.name, "", "", "wrong type: the top level must be an object"});
        return f;
    }
    std::string expected = "myoatlas.atlas/" + std::string(name.substr(0, name.size() - 5));
    if (!f.doc.contains("schema") || f.doc["schema"] != expected)
        issues.push_back({IssueSeverity::Error, f.name, "", "schema", "expected \"" + expected + "\""});
    if (!f.doc.contains("version") || !f.doc["version"].is_number_integer() || f.doc["version"] != 1)
        issues.push_back({IssueSeverity::Error, f.name, "", "version", "expected version 1"});
    f.ok = true;
    return f;
}

// Calls fn(reader-context, element) for each record of the named top-level array, with the record id read first.
template <typename Fn> void forEachRecord(FileDoc& f, const char* key, std::vector<AtlasIssue>& issues, Fn fn) {
    if (!f.ok)
        return;
    auto it = f.doc.find(key);
    if (it == f.doc.end() || !it->is_array()) {
        issues.push_back({IssueSeverity::Error, f.name, "", key,
                          it == f.doc.end() ? "missing field" : "wrong type: expected an array"});
        return;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < it->size(); ++i) {
        const json& e = (*it)[i];
        std::string id = e.is_object() && e.contains("id") && e["id"].is_string()
                             ? e["id"].get<std::string>()
                             : key + std::string("[") + std::to_string(i) + "]";
        if (!seen.insert(id).second)
            issues.push_back({IssueSeverity::Error, f.name, id, "id", "duplicate id"});
        fn(id, e);
    }
}

void readSources(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    forEachRecord(f, "sources", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e, {"id", "title", "url", "topic"});
        if (!r.valid())
            return;
        a.sources.push_back({r.str("id"), r.str("title"), r.str("url", false), r.str("topic")});
    });
}

void readEvidence(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    forEachRecord(f, "caveats", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e, {"id", "title", "text", "applies_to", "sources"});
        if (!r.valid())
            return;
        a.caveats.push_back(
            {r.str("id"), r.str("title"), r.str("text"), r.strings("applies_to"), r.strings("sources")});
    });
}

void readRange(RecordReader& r, const json& within, LandmarkRule& rule) {
    auto w = r.child("within", within, {"x", "y", "z"});
    if (!w.valid())
        return;
    const char* axes[3] = {"x", "y", "z"};
    for (int i = 0; i < 3; ++i) {
        const json* v = w.array(axes[i], false);
        if (!v)
            continue;
        if (v->size() != 2 || !(*v)[0].is_number() || !(*v)[1].is_number()) {
            w.error(axes[i], "wrong type: expected [low, high]");
            continue;
        }
        rule.lo[i] = (*v)[0].get<float>();
        rule.hi[i] = (*v)[1].get<float>();
        if (rule.lo[i] < 0.0f || rule.hi[i] > 1.0f || rule.lo[i] >= rule.hi[i])
            w.error(axes[i], "range must satisfy 0 <= low < high <= 1");
    }
}

void readLandmarks(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    forEachRecord(f, "landmarks", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e,
                       {"id", "name", "sided", "kind", "expected_h", "basis", "estimate", "tolerance_h", "rule", "note",
                        "sources", "part4"});
        if (!r.valid())
            return;
        Landmark l;
        l.id = r.str("id");
        l.name = r.str("name");
        l.sided = r.boolean("sided");
        l.kind = r.str("kind");
        l.part4 = r.boolean("part4");
        l.note = r.str("note", false);
        l.sources = r.strings("sources");
        if (const json* h = r.objectField("expected_h", l.part4)) {
            auto hr = r.child("expected_h", *h, {"men", "women"});
            l.expectedH = hr.num("men");
            l.expectedHWomen = hr.num("women", false);
            if (l.expectedH && (*l.expectedH <= 0.0f || *l.expectedH > 1.0f))
                hr.error("men", "height fraction out of range (0, 1]");
            l.basis = r.str("basis");
            l.estimate = r.boolean("estimate");
        }
        if (auto tol = r.num("tolerance_h", false)) {
            l.toleranceH = *tol;
            if (*tol <= 0.0f || *tol > 0.1f)
                r.error("tolerance_h", "tolerance out of range (0, 0.1]");
        }
        if (const json* rule = r.objectField("rule")) {
            auto rr = r.child("rule", *rule, {"op", "structures", "direction", "within", "from", "toward"});
            auto op = rr.str("op");
            LandmarkRule& lr = l.rule;
            if (op == "extreme" || op == "centroid") {
                lr.op = op == "extreme" ? LandmarkOp::Extreme : LandmarkOp::Centroid;
                if (rr.has("structures"))
                    lr.structures = detail::readStructureSet(rr, "structures", rule->at("structures"));
                else
                    rr.error("structures", "missing field");
                if (lr.structures.empty())
                    rr.error("structures", "names no structure");
                if (l.sided && lr.structures.shared.empty() &&
                    (lr.structures.right.empty() || lr.structures.left.empty()))
                    rr.error("structures", "a sided landmark needs right and left structures (or a midline list)");
                if (lr.op == LandmarkOp::Extreme) {
                    const json* d = rr.array("direction");
                    if (d && (d->size() != 3 || !(*d)[0].is_number() || !(*d)[1].is_number() || !(*d)[2].is_number()))
                        rr.error("direction", "wrong type: expected [lateral, superior, anterior]");
                    else if (d)
                        lr.direction = {(*d)[0].get<float>(), (*d)[1].get<float>(), (*d)[2].get<float>()};
                    if (d && lr.direction == glm::vec3(0.0f))
                        rr.error("direction", "zero direction");
                }
                if (rr.has("within"))
                    readRange(rr, rule->at("within"), lr);
            } else if (op == "skin" || op == "point") {
                lr.op = op == "skin" ? LandmarkOp::Skin : LandmarkOp::Point;
                if (rr.has("from"))
                    lr.from = detail::readPoint(rr, "from", rule->at("from"));
                else
                    rr.error("from", "missing field");
                auto toward = rr.str("toward", false);
                if (!toward.empty()) {
                    if (auto t = parseToward(toward))
                        lr.toward = *t;
                    else
                        rr.error("toward", "unknown direction \"" + toward + "\"");
                }
            } else if (!op.empty()) {
                rr.error("op", "unknown rule \"" + op + "\" (extreme, centroid, skin, point)");
            }
        }
        a.landmarks.push_back(std::move(l));
    });
}

void readMuscles(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    static const std::set<std::string> regions = {"head_neck", "shoulder_arm", "trunk", "hip_leg"};
    forEachRecord(f, "muscles", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e,
                       {"id",          "name",   "region",     "origin",       "insertion", "action",
                        "innervation", "lines",  "lines_note", "perpetuating", "symptoms",  "patient_summary",
                        "mesh",        "fma",    "surrogate",  "notes",        "safety",    "evidence",
                        "recall",      "sources"});
        if (!r.valid())
            return;
        Muscle m;
        m.id = r.str("id");
        m.name = r.str("name");
        m.region = r.str("region");
        if (!m.region.empty() && !regions.count(m.region))
            r.error("region", "unknown region \"" + m.region + "\"");
        m.origin = r.str("origin");
        m.insertion = r.str("insertion");
        m.action = r.str("action");
        m.innervation = r.str("innervation");
        m.lines = r.strings("lines");
        m.linesNote = r.str("lines_note", false);
        m.perpetuating = r.strings("perpetuating");
        m.symptoms = r.str("symptoms", false);
        m.patientSummary = r.str("patient_summary");
        auto mesh = r.str("mesh");
        if (mesh != "present" && mesh != "absent" && !mesh.empty())
            r.error("mesh", "expected \"present\" or \"absent\"");
        m.meshPresent = mesh != "absent";
        if (r.objectField("fma"))
            m.fma = detail::readStructureSet(r, "fma", e.at("fma"));
        if (m.meshPresent && m.fma.shared.empty() && (m.fma.right.empty() || m.fma.left.empty()))
            r.error("fma", "a muscle with a mesh needs FMA ids on both sides (or a shared list)");
        if (!m.meshPresent) {
            if (!m.fma.empty())
                r.error("fma", "mesh is absent but FMA ids are listed");
            if (const json* s = r.objectField("surrogate")) {
                m.surrogate = detail::readStructureSet(r, "surrogate", *s);
                m.surrogateNote = s->value("note", "");
                if (m.surrogateNote.empty())
                    r.error("surrogate.note", "missing field");
                if (m.surrogate.right.empty() || m.surrogate.left.empty())
                    r.error("surrogate", "needs right and left surrogate structures");
            }
        } else if (r.has("surrogate")) {
            r.error("surrogate", "only muscles with an absent mesh take a surrogate");
        }
        m.notes = r.str("notes", false);
        m.safety = r.str("safety", false);
        m.evidence = r.strings("evidence");
        m.recall = r.boolean("recall");
        m.sources = r.strings("sources");
        a.muscles.push_back(std::move(m));
    });
}

void readTriggerPoints(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    forEachRecord(f, "trigger_points", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e,
                       {"id", "muscle", "name", "ts_number", "description", "location", "max_snap_mm", "sides",
                        "referral", "satellites", "evidence", "recall", "sources"});
        if (!r.valid())
            return;
        TriggerPoint t;
        t.id = r.str("id");
        t.muscle = r.str("muscle");
        t.name = r.str("name", false);
        t.tsNumber = r.str("ts_number", false);
        t.description = r.str("description");
        if (r.has("location"))
            t.location = detail::readPoint(r, "location", e.at("location"));
        else
            r.error("location", "missing field");
        if (auto snap = r.num("max_snap_mm", false)) {
            t.maxSnapMm = *snap;
            if (*snap <= 0.0f || *snap > 80.0f)
                r.error("max_snap_mm", "out of range (0, 80]");
        }
        if (r.has("sides")) {
            for (const auto& s : r.strings("sides")) {
                auto side = parseSide(s);
                if (!side || *side == Side::Midline)
                    r.error("sides", "expected \"left\" or \"right\", got \"" + s + "\"");
                else
                    t.sides.push_back(*side);
            }
            if (t.sides.empty())
                r.error("sides", "empty side list");
        } else {
            t.sides = {Side::Right, Side::Left};
        }
        if (const json* ref = r.objectField("referral")) {
            auto rr = r.child("referral", *ref, {"essential", "spillover", "note"});
            t.essential = detail::readZones(rr, "essential");
            t.spillover = detail::readZones(rr, "spillover");
            t.referralNote = rr.str("note", false);
        }
        t.satellites = r.strings("satellites", false);
        t.evidence = r.strings("evidence");
        t.recall = r.boolean("recall");
        t.sources = r.strings("sources");
        a.triggerPoints.push_back(std::move(t));
    });
}

void readLines(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    forEachRecord(f, "lines", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e,
                       {"id", "name", "paired", "order", "elements", "function", "compensations", "evidence_note",
                        "wilke2016", "notes", "evidence", "recall", "sources"});
        if (!r.valid())
            return;
        FascialLine l;
        l.id = r.str("id");
        l.name = r.str("name");
        l.paired = r.boolean("paired");
        l.order = r.str("order");
        if (const json* els = r.array("elements")) {
            for (size_t i = 0; i < els->size(); ++i) {
                std::string path = "elements[" + std::to_string(i) + "]";
                auto er = r.child(path.c_str(), (*els)[i],
                                  {"kind", "name", "point", "side", "muscles", "structures", "conceptual", "note",
                                   "mesh", "branch", "route"});
                if (!er.valid())
                    continue;
                LineElement el;
                auto kind = er.str("kind");
                el.station = kind == "station";
                if (kind != "station" && kind != "track")
                    er.error("kind", "expected \"station\" or \"track\"");
                el.name = er.str("name");
                el.note = er.str("note", false);
                el.branch = er.boolean("branch");
                if (el.branch && i == 0)
                    er.error("branch", "the first element already starts the line");
                auto side = er.str("side", false);
                el.opposite = side == "opposite";
                if (!side.empty() && side != "opposite" && side != "same")
                    er.error("side", "expected \"same\" or \"opposite\"");
                if (el.station) {
                    if (er.has("route"))
                        er.error("route", "only tracks have a route");
                    if (er.has("point"))
                        el.point = detail::readPoint(er, "point", (*els)[i].at("point"));
                    else
                        er.error("point", "missing field");
                } else {
                    el.muscles = er.strings("muscles");
                    if (er.has("structures"))
                        el.structures = detail::readStructureSet(er, "structures", (*els)[i].at("structures"));
                    el.conceptual = er.boolean("conceptual");
                    auto mesh = er.str("mesh", false);
                    el.meshAbsent = mesh == "absent";
                    if (!mesh.empty() && mesh != "absent")
                        er.error("mesh", "expected \"absent\"");
                    auto route = er.str("route", false);
                    el.route = route == "surface"      ? TrackRoute::Surface
                               : route == "centreline" ? TrackRoute::Centreline
                                                       : TrackRoute::Auto;
                    if (!route.empty() && el.route == TrackRoute::Auto)
                        er.error("route", "expected \"surface\" or \"centreline\"");
                    if (el.muscles.empty() && el.structures.empty() && !el.conceptual && !el.meshAbsent)
                        er.error("muscles", "track names no muscle or structure (mark it mesh: absent or conceptual)");
                }
                l.elements.push_back(std::move(el));
            }
        }
        l.function = r.str("function");
        l.compensations = r.strings("compensations");
        l.evidenceNote = r.str("evidence_note");
        l.wilke2016 = r.str("wilke2016", false);
        l.notes = r.str("notes", false);
        l.evidence = r.strings("evidence");
        l.recall = r.boolean("recall");
        l.sources = r.strings("sources");
        a.lines.push_back(std::move(l));
    });
}

std::vector<TechniqueStep> readSteps(RecordReader& r, const char* key) {
    static const std::set<std::string> pressures = {"L1", "L2", "L3", "L4"};
    static const std::set<std::string> strokes = {"static", "glide", "across_fibres", "along_fibres", "scrape"};
    std::vector<TechniqueStep> steps;
    const json* arr = r.array(key);
    if (!arr)
        return steps;
    if (arr->empty())
        r.error(key, "no steps");
    for (size_t i = 0; i < arr->size(); ++i) {
        std::string path = std::string(key) + "[" + std::to_string(i) + "]";
        auto sr = r.child(
            path.c_str(), (*arr)[i],
            {"text", "patient_text", "duration_s", "duration_range_s", "pressure", "feel_for", "stroke", "stretch"});
        if (!sr.valid())
            continue;
        TechniqueStep s;
        s.text = sr.str("text");
        s.patientText = sr.str("patient_text");
        s.durationS = sr.num("duration_s").value_or(0.0f);
        if (s.durationS < 0.0f)
            sr.error("duration_s", "negative duration");
        if (const json* range = sr.array("duration_range_s", false)) {
            if (range->size() != 2 || !(*range)[0].is_number() || !(*range)[1].is_number())
                sr.error("duration_range_s", "wrong type: expected [min, max]");
            else
                s.durationRangeS = std::array<float, 2>{(*range)[0].get<float>(), (*range)[1].get<float>()};
        }
        s.pressure = sr.str("pressure", false);
        if (!s.pressure.empty() && !pressures.count(s.pressure))
            sr.error("pressure", "expected L1, L2, L3 or L4");
        s.feelFor = sr.str("feel_for", false);
        s.stroke = sr.str("stroke", false);
        if (!s.stroke.empty() && !strokes.count(s.stroke))
            sr.error("stroke", "expected static, glide, across_fibres, along_fibres or scrape");
        s.stretch = sr.str("stretch", false);
        steps.push_back(std::move(s));
    }
    return steps;
}

std::vector<ContactKind> readContactKinds(RecordReader& r, const char* key) {
    std::vector<ContactKind> kinds;
    for (const auto& name : r.strings(key)) {
        if (auto k = parseContactKind(name))
            kinds.push_back(*k);
        else
            r.error(key, "unknown contact kind \"" + name +
                             "\" (expected light, sustained_deep, gliding, tool, suction, heat or needle)");
    }
    return kinds;
}

void readTechniques(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    if (f.ok) {
        RecordReader top(issues, f.name, "", "", f.doc,
                         {"schema", "version", "session_frame", "pressure_levels", "discomfort_scale", "techniques"});
        if (const json* frame = top.objectField("session_frame")) {
            auto fr = top.child("session_frame", *frame, {"steps", "evidence", "sources"});
            a.sessionFrame = fr.strings("steps");
            fr.strings("evidence");
            fr.strings("sources");
        }
        if (const json* levels = top.array("pressure_levels")) {
            for (size_t i = 0; i < levels->size(); ++i) {
                std::string path = "pressure_levels[" + std::to_string(i) + "]";
                auto lr = top.child(path.c_str(), (*levels)[i], {"id", "name", "text"});
                if (lr.valid())
                    a.pressureLevels.push_back({lr.str("id"), lr.str("name"), lr.str("text")});
            }
        }
        a.discomfortScale = top.str("discomfort_scale");
    }
    forEachRecord(f, "techniques", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e,
                       {"id", "name", "facts_section", "idea", "steps", "tools", "dosage", "targets",
                        "contraindications", "cautions", "endangerment_sites", "evidence", "recall", "sources",
                        "variants", "contact_kinds", "information_only"});
        if (!r.valid())
            return;
        Technique t;
        t.id = r.str("id");
        t.name = r.str("name");
        t.section = r.str("facts_section");
        t.idea = r.str("idea");
        t.contactKinds = readContactKinds(r, "contact_kinds");
        if (r.has("contact_kinds") && t.contactKinds.empty())
            r.error("contact_kinds", "empty: name at least one kind of contact");
        t.informationOnly = r.boolean("information_only");
        t.steps = readSteps(r, "steps");
        t.tools = r.strings("tools");
        if (const json* d = r.objectField("dosage")) {
            auto dr = r.child("dosage", *d, {"per_site", "repetitions", "pressure", "frequency", "note"});
            for (const char* k : {"per_site", "repetitions", "pressure", "frequency"})
                t.dosage[k] = dr.str(k);
            if (dr.has("note"))
                t.dosage["note"] = dr.str("note");
        }
        t.targets = r.strings("targets");
        t.contraindications = r.strings("contraindications");
        t.cautions = r.strings("cautions");
        if (r.has("endangerment_sites") && e.at("endangerment_sites").is_string()) {
            auto all = r.str("endangerment_sites");
            if (all != "all")
                r.error("endangerment_sites", "expected \"all\" or a list of endangerment site ids");
            t.endangermentSites = {"all"};
        } else {
            t.endangermentSites = r.strings("endangerment_sites");
        }
        t.evidence = r.strings("evidence");
        t.recall = r.boolean("recall");
        t.sources = r.strings("sources");
        if (const json* vs = r.array("variants", false)) {
            for (size_t i = 0; i < vs->size(); ++i) {
                std::string path = "variants[" + std::to_string(i) + "]";
                auto vr = r.child(path.c_str(), (*vs)[i], {"id", "name", "steps", "note", "replaces_steps"});
                if (!vr.valid())
                    continue;
                TechniqueVariant v{vr.str("id"), vr.str("name"), vr.str("note", false), readSteps(vr, "steps"), {}};
                if (const json* range = vr.array("replaces_steps", false)) {
                    auto whole = [](const json& x) { return x.is_number_integer(); };
                    if (range->size() != 2 || !whole((*range)[0]) || !whole((*range)[1]))
                        vr.error("replaces_steps", "wrong type: expected [first, last] step indices (0-based)");
                    else if (int a = (*range)[0].get<int>(), b = (*range)[1].get<int>();
                             a < 0 || b < a || b >= static_cast<int>(t.steps.size()))
                        vr.error("replaces_steps", "steps " + std::to_string(a) + ".." + std::to_string(b) +
                                                       " are not among the technique's " +
                                                       std::to_string(t.steps.size()) + " steps (0-based)");
                    else
                        v.replaces = std::array<int, 2>{a, b};
                }
                if (t.variant(v.id))
                    vr.error("id", "duplicate variant id '" + v.id + "'");
                t.variants.push_back(std::move(v));
            }
        }
        a.techniques.push_back(std::move(t));
    });
}

void readSafety(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    if (!f.ok)
        return;
    RecordReader top(
        issues, f.name, "", "", f.doc,
        {"schema", "version", "red_flags", "local_contraindications", "precautions", "endangerment_sites", "sources"});
    a.localContraindications = top.strings("local_contraindications");
    a.precautions = top.strings("precautions");
    top.strings("sources");
    forEachRecord(f, "red_flags", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e, {"id", "text", "action"});
        if (!r.valid())
            return;
        RedFlag rf{r.str("id"), r.str("text"), r.str("action")};
        if (rf.action != "stop_refer" && rf.action != "emergency")
            r.error("action", "expected \"stop_refer\" or \"emergency\"");
        a.redFlags.push_back(std::move(rf));
    });
    forEachRecord(f, "endangerment_sites", issues, [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e,
                       {"id", "name", "structures_at_risk", "sided", "zones", "note", "at_risk", "unsafe_contact",
                        "taught", "alternative"});
        if (!r.valid())
            return;
        EndangermentSite s;
        s.id = r.str("id");
        s.name = r.str("name");
        s.structuresAtRisk = r.str("structures_at_risk");
        s.sided = r.boolean("sided", true);
        s.zones = detail::readZones(r, "zones");
        s.note = r.str("note", false);
        s.atRisk = r.strings("at_risk");
        s.unsafeContact = readContactKinds(r, "unsafe_contact");
        s.alternative = r.str("alternative");
        if (const json* taught = r.array("taught", false)) {
            for (size_t i = 0; i < taught->size(); ++i) {
                std::string path = "taught[" + std::to_string(i) + "]";
                auto tr = r.child(path.c_str(), (*taught)[i], {"techniques", "muscles", "caution"});
                if (tr.valid())
                    s.taught.push_back({tr.strings("techniques"), tr.strings("muscles"), tr.str("caution")});
            }
        }
        a.endangermentSites.push_back(std::move(s));
    });
}

// names.json: common names, groups and structure names. Records are keyed by the muscle, group or structure they
// name, so a duplicate key is reported like a duplicate id.
void readNames(FileDoc& f, Atlas& a, std::vector<AtlasIssue>& issues) {
    if (!f.ok)
        return;
    auto each = [&](const char* key, const char* idKey, auto fn) {
        auto it = f.doc.find(key);
        if (it == f.doc.end() || !it->is_array()) {
            issues.push_back({IssueSeverity::Error, f.name, "", key,
                              it == f.doc.end() ? "missing field" : "wrong type: expected an array"});
            return;
        }
        std::set<std::string> seen;
        for (size_t i = 0; i < it->size(); ++i) {
            const json& e = (*it)[i];
            std::string id = e.is_object() && e.contains(idKey) && e[idKey].is_string()
                                 ? e[idKey].get<std::string>()
                                 : key + std::string("[") + std::to_string(i) + "]";
            if (!seen.insert(id).second)
                issues.push_back({IssueSeverity::Error, f.name, id, idKey, "duplicate " + std::string(idKey)});
            fn(id, e);
        }
    };
    each("names", "muscle", [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e, {"muscle", "names", "recall", "sources"});
        if (!r.valid())
            return;
        a.commonNames.push_back({r.str("muscle"), r.strings("names"), r.strings("sources"), r.boolean("recall")});
    });
    each("groups", "id", [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e, {"id", "name", "names", "members", "note", "recall", "sources"});
        if (!r.valid())
            return;
        MuscleGroup g;
        g.id = r.str("id");
        g.name = r.str("name");
        g.note = r.str("note", false);
        g.names = r.strings("names");
        g.members = r.strings("members");
        g.sources = r.strings("sources");
        g.recall = r.boolean("recall");
        if (g.members.size() < 2)
            r.error("members", "a group needs at least two muscles");
        a.groups.push_back(std::move(g));
    });
    each("structures", "structure", [&](const std::string& id, const json& e) {
        RecordReader r(issues, f.name, id, "", e, {"structure", "names", "recall", "sources"});
        if (!r.valid())
            return;
        a.structureNames.push_back({r.str("structure"), r.strings("names"), r.strings("sources"), r.boolean("recall")});
    });
}

} // namespace

std::string AtlasIssue::toString() const {
    std::string s = file + ": ";
    if (!record.empty())
        s += "record " + record + " ";
    if (!field.empty())
        s += "field " + field + " ";
    if (!record.empty() || !field.empty())
        s.back() = ':', s += " ";
    s += message;
    if (severity == IssueSeverity::Warning)
        s = "warning: " + s;
    return s;
}

size_t errorCount(const std::vector<AtlasIssue>& issues) {
    size_t n = 0;
    for (const auto& i : issues)
        n += i.severity == IssueSeverity::Error;
    return n;
}

Atlas loadAtlas(const std::filesystem::path& dir, std::vector<AtlasIssue>& issues) {
    Atlas a;
    a.dir = dir;
    std::vector<FileDoc> files;
    for (auto name : kAtlasFiles)
        files.push_back(readFile(dir, name, issues));
    readSources(files[0], a, issues);
    readEvidence(files[1], a, issues);
    readLandmarks(files[2], a, issues);
    readMuscles(files[3], a, issues);
    readTriggerPoints(files[4], a, issues);
    readLines(files[5], a, issues);
    readTechniques(files[6], a, issues);
    readSafety(files[7], a, issues);
    readNames(files[8], a, issues);
    a.buildIndex();
    checkAtlasReferences(a, issues);
    return a;
}

Atlas loadAtlasOrThrow(const std::filesystem::path& dir) {
    std::vector<AtlasIssue> issues;
    Atlas a = loadAtlas(dir, issues);
    if (errorCount(issues) == 0)
        return a;
    std::ostringstream msg;
    std::string firstFile;
    for (const auto& i : issues) {
        if (i.severity != IssueSeverity::Error)
            continue;
        if (firstFile.empty())
            firstFile = (dir / i.file).string();
        msg << "\n  " << i.toString();
    }
    throw core::DataError(firstFile, std::to_string(errorCount(issues)) + " atlas error(s):" + msg.str());
}

} // namespace myoatlas::anatomy
