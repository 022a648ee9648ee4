// Atlas lookups and the body-free referential checks.
#include "anatomy/atlas.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace myoatlas::anatomy {

namespace {

template <typename T> const T* findById(const std::vector<T>& v, std::string_view id) {
    for (const auto& e : v)
        if (e.id == id)
            return &e;
    return nullptr;
}

template <typename T>
const T* findIndexed(const std::vector<T>& v, const std::unordered_map<std::string, size_t>& index,
                     std::string_view id) {
    if (index.size() == v.size()) {
        auto it = index.find(std::string(id));
        if (it == index.end())
            return nullptr;
        if (it->second < v.size() && v[it->second].id == id)
            return &v[it->second];
    }
    return findById(v, id);
}

template <typename T> void indexById(const std::vector<T>& v, std::unordered_map<std::string, size_t>& index) {
    index.clear();
    index.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i)
        index.emplace(v[i].id, i); // the first of duplicate ids wins, as in the scan
}

constexpr std::array<std::pair<Toward, std::string_view>, 7> kToward = {{{Toward::Nearest, "nearest"},
                                                                         {Toward::Anterior, "anterior"},
                                                                         {Toward::Posterior, "posterior"},
                                                                         {Toward::Lateral, "lateral"},
                                                                         {Toward::Medial, "medial"},
                                                                         {Toward::Superior, "superior"},
                                                                         {Toward::Inferior, "inferior"}}};

} // namespace

std::string_view towardName(Toward t) {
    for (auto [k, n] : kToward)
        if (k == t)
            return n;
    return "nearest";
}

std::optional<Toward> parseToward(std::string_view name) {
    for (auto [k, n] : kToward)
        if (n == name)
            return k;
    return std::nullopt;
}

namespace {
constexpr std::array<std::pair<ContactKind, std::string_view>, 7> kContactKinds = {
    {{ContactKind::Light, "light"},
     {ContactKind::SustainedDeep, "sustained_deep"},
     {ContactKind::Gliding, "gliding"},
     {ContactKind::Tool, "tool"},
     {ContactKind::Suction, "suction"},
     {ContactKind::Heat, "heat"},
     {ContactKind::Needle, "needle"}}};
} // namespace

std::string_view contactKindName(ContactKind k) {
    for (auto [kind, n] : kContactKinds)
        if (kind == k)
            return n;
    return "light";
}

std::optional<ContactKind> parseContactKind(std::string_view name) {
    for (auto [kind, n] : kContactKinds)
        if (n == name)
            return kind;
    return std::nullopt;
}

std::vector<std::string> StructureSet::all() const {
    std::vector<std::string> out = right;
    out.insert(out.end(), left.begin(), left.end());
    out.insert(out.end(), shared.begin(), shared.end());
    return out;
}

const Source* Atlas::source(std::string_view id) const {
    return findById(sources, id);
}
const EvidenceCaveat* Atlas::caveat(std::string_view id) const {
    return findById(caveats, id);
}
const Landmark* Atlas::landmark(std::string_view id) const {
    return findIndexed(landmarks, landmarkIndex, id);
}
const Muscle* Atlas::muscle(std::string_view id) const {
    return findIndexed(muscles, muscleIndex, id);
}
const TriggerPoint* Atlas::triggerPoint(std::string_view id) const {
    return findIndexed(triggerPoints, triggerPointIndex, id);
}

void Atlas::buildIndex() {
    indexById(landmarks, landmarkIndex);
    indexById(muscles, muscleIndex);
    indexById(triggerPoints, triggerPointIndex);
}
const FascialLine* Atlas::line(std::string_view id) const {
    return findById(lines, id);
}
const Technique* Atlas::technique(std::string_view id) const {
    return findById(techniques, id);
}
const TechniqueVariant* Technique::variant(std::string_view id) const {
    for (const auto& v : variants)
        if (v.id == id)
            return &v;
    return nullptr;
}

std::vector<TechniqueStep> Technique::stepsOf(std::string_view variantId) const {
    const TechniqueVariant* v = variantId.empty() ? nullptr : variant(variantId);
    if (!v)
        return steps;
    if (!v->replaces)
        return v->steps;
    auto [first, last] = *v->replaces;
    std::vector<TechniqueStep> out(steps.begin(), steps.begin() + std::clamp(first, 0, static_cast<int>(steps.size())));
    out.insert(out.end(), v->steps.begin(), v->steps.end());
    if (last + 1 < static_cast<int>(steps.size()))
        out.insert(out.end(), steps.begin() + std::max(0, last + 1), steps.end());
    return out;
}

const EndangermentSite* Atlas::endangermentSite(std::string_view id) const {
    return findById(endangermentSites, id);
}

const MuscleGroup* Atlas::group(std::string_view id) const {
    for (const auto& g : groups)
        if (g.id == id)
            return &g;
    return nullptr;
}

std::vector<std::string> Atlas::commonNamesOf(std::string_view muscleId) const {
    for (const auto& n : commonNames)
        if (n.muscle == muscleId)
            return n.names;
    return {};
}

std::vector<const TriggerPoint*> Atlas::triggerPointsOf(std::string_view muscleId) const {
    std::vector<const TriggerPoint*> out;
    for (const auto& t : triggerPoints)
        if (t.muscle == muscleId)
            out.push_back(&t);
    return out;
}

LandmarkRef findLandmarkRef(const Atlas& atlas, std::string_view ref) {
    if (const Landmark* l = atlas.landmark(ref))
        return {l, std::nullopt};
    if (ref.size() > 2 && ref[ref.size() - 2] == '_') {
        char s = ref.back();
        if (s == 'l' || s == 'r') {
            const Landmark* l = atlas.landmark(ref.substr(0, ref.size() - 2));
            if (l && l->sided)
                return {l, s == 'l' ? Side::Left : Side::Right};
        }
    }
    return {};
}

std::string flatLandmarkName(const Landmark& landmark, Side side) {
    if (!landmark.sided || side == Side::Midline)
        return landmark.id;
    return landmark.id + (side == Side::Left ? "_l" : "_r");
}

namespace {

struct RefChecker {
    const Atlas& atlas;
    std::vector<AtlasIssue>& issues;

    void error(const std::string& file, const std::string& record, const std::string& field, std::string msg) {
        issues.push_back({IssueSeverity::Error, file, record, field, std::move(msg)});
    }
    void sources(const std::string& file, const std::string& record, const std::vector<std::string>& ids) {
        if (ids.empty())
            error(file, record, "sources", "missing source: at least one source is required");
        for (const auto& s : ids)
            if (!atlas.source(s))
                error(file, record, "sources", "unknown source \"" + s + "\"");
    }
    void evidence(const std::string& file, const std::string& record, const std::vector<std::string>& ids) {
        for (const auto& e : ids)
            if (!atlas.caveat(e))
                error(file, record, "evidence", "unknown evidence caveat \"" + e + "\"");
    }
    // sided: the context has a side (a sided record); midline contexts must name sided landmarks with _l/_r.
    void landmark(const std::string& file, const std::string& record, const std::string& field, const std::string& ref,
                  bool sidedContext) {
        if (ref.empty())
            return;
        auto r = findLandmarkRef(atlas, ref);
        if (!r.landmark)
            error(file, record, field, "unknown landmark \"" + ref + "\"");
        else if (r.landmark->sided && !r.explicitSide && !sidedContext)
            error(file, record, field, "sided landmark \"" + ref + "\" needs _l or _r in a midline context");
    }
    void point(const std::string& file, const std::string& record, const std::string& field, const PointSpec& p,
               bool sidedContext) {
        landmark(file, record, field + ".at", p.at, sidedContext);
        landmark(file, record, field + ".to", p.to, sidedContext);
        if (!sidedContext && p.offsetMm.x != 0.0f)
            issues.push_back({IssueSeverity::Warning, file, record, field + ".offset_mm",
                              "lateral offset in a midline context is applied toward the subject's left"});
    }
    void zones(const std::string& file, const std::string& record, const std::string& field,
               const std::vector<ZoneSpec>& zs, bool sidedContext) {
        for (size_t i = 0; i < zs.size(); ++i) {
            if (!zs[i].reportedSource.empty() && !atlas.source(zs[i].reportedSource))
                error(file, record, field + "[" + std::to_string(i) + "].reported.source",
                      "unknown source \"" + zs[i].reportedSource + "\"");
            for (size_t k = 0; k < zs[i].points.size(); ++k)
                point(file, record,
                      field + "[" + std::to_string(i) + "]." +
                          (zs[i].stroke ? "stroke[" + std::to_string(k) + "]" : "patch"),
                      zs[i].points[k], sidedContext);
        }
    }
};

} // namespace

// names.json: every name points at an atlas muscle and no name is empty; a name used for two records would make
// search ambiguous, so it is reported too.
static void checkNames(RefChecker& c, const Atlas& a) {
    const std::string f = "names.json";
    std::map<std::string, std::string> owner; // lower-cased name -> record
    auto claim = [&](const std::string& record, const std::string& name) {
        std::string key;
        for (char ch : name)
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (key.find_first_not_of(' ') == std::string::npos) {
            c.error(f, record, "names", "empty name");
            return;
        }
        auto [it, fresh] = owner.emplace(key, record);
        if (!fresh && it->second != record)
            c.error(f, record, "names", "name \"" + name + "\" is also given to " + it->second);
    };
    for (const auto& n : a.commonNames) {
        c.sources(f, n.muscle, n.sources);
        if (!a.muscle(n.muscle))
            c.error(f, n.muscle, "muscle", "unknown muscle \"" + n.muscle + "\"");
        for (const auto& name : n.names)
            claim(n.muscle, name);
    }
    for (const auto& g : a.groups) {
        c.sources(f, g.id, g.sources);
        if (a.muscle(g.id))
            c.error(f, g.id, "id", "a group id must not be a muscle id");
        for (const auto& m : g.members)
            if (!a.muscle(m))
                c.error(f, g.id, "members", "unknown muscle \"" + m + "\"");
        for (const auto& name : g.names)
            claim(g.id, name);
    }
    for (const auto& s : a.structureNames) {
        c.sources(f, s.structure, s.sources);
        for (const auto& name : s.names)
            claim(s.structure, name);
    }
}

void checkAtlasReferences(const Atlas& a, std::vector<AtlasIssue>& issues) {
    RefChecker c{a, issues};
    static const std::set<std::string> lineIds = {"SBL",  "SFL",  "LL",  "SPL", "SFAL", "DFAL",
                                                  "SBAL", "DBAL", "BFL", "FFL", "IFL",  "DFL"};
    for (const auto& e : a.caveats)
        c.sources("evidence.json", e.id, e.sources);
    for (const auto& l : a.landmarks) {
        c.sources("landmarks.json", l.id, l.sources);
        if (l.rule.op == LandmarkOp::Skin || l.rule.op == LandmarkOp::Point) {
            c.point("landmarks.json", l.id, "rule.from", l.rule.from, l.sided);
            if (l.rule.from.at == l.id || l.rule.from.to == l.id)
                c.error("landmarks.json", l.id, "rule.from", "landmark refers to itself");
        }
        if (l.sided && l.id.size() > 2 && (l.id.ends_with("_l") || l.id.ends_with("_r")))
            c.error("landmarks.json", l.id, "id", "sided landmark ids must not end in _l/_r (the flat names add it)");
    }
    for (const auto& m : a.muscles) {
        c.sources("muscles.json", m.id, m.sources);
        c.evidence("muscles.json", m.id, m.evidence);
        for (const auto& line : m.lines)
            if (!lineIds.count(line))
                c.error("muscles.json", m.id, "lines", "unknown Anatomy Trains line \"" + line + "\"");
        if (a.triggerPointsOf(m.id).empty())
            c.error("muscles.json", m.id, "id", "muscle has no trigger point");
    }
    for (const auto& t : a.triggerPoints) {
        const std::string f = "trigger_points.json";
        c.sources(f, t.id, t.sources);
        c.evidence(f, t.id, t.evidence);
        if (!t.muscle.empty() && !a.muscle(t.muscle))
            c.error(f, t.id, "muscle", "unknown muscle \"" + t.muscle + "\"");
        c.point(f, t.id, "location", t.location, true);
        c.zones(f, t.id, "referral.essential", t.essential, true);
        c.zones(f, t.id, "referral.spillover", t.spillover, true);
        for (const auto& s : t.satellites) {
            if (!a.triggerPoint(s))
                c.error(f, t.id, "satellites", "unknown trigger point \"" + s + "\"");
            else if (s == t.id)
                c.error(f, t.id, "satellites", "a trigger point cannot be its own satellite");
        }
    }
    for (const auto& l : a.lines) {
        const std::string f = "lines.json";
        c.sources(f, l.id, l.sources);
        c.evidence(f, l.id, l.evidence);
        if (!lineIds.count(l.id))
            c.error(f, l.id, "id", "not one of the 12 Anatomy Trains lines");
        for (size_t i = 0; i < l.elements.size(); ++i) {
            const auto& el = l.elements[i];
            std::string field = "elements[" + std::to_string(i) + "]";
            if (el.station)
                c.point(f, l.id, field + ".point", el.point, true);
            for (const auto& m : el.muscles)
                if (!a.muscle(m))
                    c.error(f, l.id, field + ".muscles", "unknown muscle \"" + m + "\"");
        }
    }
    for (const auto& line : lineIds)
        if (!a.line(line))
            c.error("lines.json", line, "id", "line missing from the atlas");
    for (const auto& t : a.techniques) {
        const std::string f = "techniques.json";
        c.sources(f, t.id, t.sources);
        c.evidence(f, t.id, t.evidence);
        for (const auto& m : t.targets)
            if (m != "any" && !a.muscle(m))
                c.error(f, t.id, "targets", "unknown muscle \"" + m + "\"");
        for (const auto& s : t.endangermentSites)
            if (s != "all" && !a.endangermentSite(s))
                c.error(f, t.id, "endangerment_sites", "unknown endangerment site \"" + s + "\"");
        for (const auto& ci : t.contraindications)
            if (ci != "general")
                c.error(f, t.id, "contraindications", "expected \"general\" (the safety.json lists)");
    }
    for (const auto& s : a.endangermentSites) {
        c.zones("safety.json", s.id, "zones", s.zones, s.sided);
        for (size_t i = 0; i < s.taught.size(); ++i) {
            std::string field = "taught[" + std::to_string(i) + "]";
            for (const auto& t : s.taught[i].techniques)
                if (!a.technique(t))
                    c.error("safety.json", s.id, field + ".techniques", "unknown technique \"" + t + "\"");
            for (const auto& m : s.taught[i].muscles)
                if (!a.muscle(m))
                    c.error("safety.json", s.id, field + ".muscles", "unknown muscle \"" + m + "\"");
        }
    }
    for (const auto& src : a.sources)
        if (src.id.empty())
            c.error("sources.json", "", "id", "missing field");
    checkNames(c, a);
}

} // namespace myoatlas::anatomy
