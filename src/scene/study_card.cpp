#include "scene/study_card.h"

#include "scene/technique_player.h"

#include <algorithm>

namespace myoatlas::scene {
namespace {

void addSources(const anatomy::Atlas& atlas, StudyCard& card, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        if (std::any_of(card.sources.begin(), card.sources.end(), [&](const CardSource& s) { return s.id == id; }))
            continue;
        const auto* s = atlas.source(id);
        card.sources.push_back({id, s ? s->title : id, s ? s->url : ""});
    }
}

void addCaveats(const anatomy::Atlas& atlas, StudyCard& card, const std::vector<std::string>& ids) {
    for (const auto& id : ids)
        if (const auto* c = atlas.caveat(id))
            if (std::find(card.caveats.begin(), card.caveats.end(), c->title) == card.caveats.end())
                card.caveats.push_back(c->title);
}

void addField(StudyCard& card, std::string label, const std::string& text) {
    if (!text.empty())
        card.fields.push_back({std::move(label), text});
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep = "; ") {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : std::string(sep)) + p;
    return out;
}

std::string zoneLabels(const std::vector<anatomy::ZoneSpec>& zones) {
    std::vector<std::string> labels;
    for (const auto& z : zones)
        labels.push_back(z.label);
    return joined(labels);
}

std::string trpLabel(const anatomy::TriggerPoint& t) {
    std::string what = !t.name.empty() ? t.name : t.tsNumber;
    return what.empty() ? t.id : t.id + " (" + what + ")";
}

// Where the muscle sits in a line: the element naming it ("track: hamstrings"), or the atlas's note.
std::string roleInLine(const anatomy::FascialLine& line, std::string_view muscleId) {
    for (const auto& e : line.elements)
        if (std::find(e.muscles.begin(), e.muscles.end(), muscleId) != e.muscles.end())
            return (e.station ? "station: " : "track: ") + e.name;
    return "listed with the line";
}

bool techniqueSuits(const anatomy::Technique& t, std::string_view muscleId, bool& specific) {
    specific = std::find(t.targets.begin(), t.targets.end(), muscleId) != t.targets.end();
    return specific || std::find(t.targets.begin(), t.targets.end(), "any") != t.targets.end();
}

void addTriggerPoints(const anatomy::Atlas& atlas, StudyCard& card, std::string_view muscleId) {
    for (const auto* t : atlas.triggerPointsOf(muscleId)) {
        std::string referral = zoneLabels(t->essential);
        card.triggerPoints.push_back(
            {t->id, StudyKind::TriggerPoint, trpLabel(*t), referral.empty() ? "" : "refers to " + referral});
        if (!t->description.empty())
            card.palpation.push_back(t->id + ": " + t->description);
    }
}

void addLines(const anatomy::Atlas& atlas, StudyCard& card, const anatomy::Muscle& m) {
    for (const auto& id : m.lines) {
        if (std::any_of(card.lines.begin(), card.lines.end(), [&](const CardLink& l) { return l.id == id; }))
            continue;
        const auto* line = atlas.line(id);
        card.lines.push_back(
            {id, StudyKind::Line, line ? line->name + " (" + id + ")" : id, line ? roleInLine(*line, m.id) : ""});
    }
}

// Techniques written for this muscle first, then those that suit any muscle.
void addTechniques(const anatomy::Atlas& atlas, StudyCard& card, std::string_view muscleId) {
    std::vector<CardLink> general;
    for (const auto& t : atlas.techniques) {
        bool specific = false;
        if (!techniqueSuits(t, muscleId, specific))
            continue;
        if (std::any_of(card.techniques.begin(), card.techniques.end(),
                        [&](const CardLink& l) { return l.id == t.id; }))
            continue;
        CardLink link{t.id, StudyKind::Technique, t.name, specific ? "listed for this muscle" : "suits any muscle"};
        (specific ? card.techniques : general).push_back(std::move(link));
    }
    card.techniques.insert(card.techniques.end(), general.begin(), general.end());
}

void addEndangerment(StudyCard& card, TechniqueResolver* techniques, std::string_view muscleId) {
    if (!techniques)
        return;
    for (auto side : {anatomy::Side::Right, anatomy::Side::Left}) {
        try {
            // Where the technique player would press on the belly, and the sites it would warn about there.
            auto r = techniques->resolve("trp_pressure_release", muscleId, side);
            for (const auto& e : r.endangerment) {
                if (std::any_of(card.endangerment.begin(), card.endangerment.end(),
                                [&](const CardLink& l) { return l.id == e.id; }))
                    continue;
                std::string detail = e.structuresAtRisk;
                if (e.containsTarget)
                    detail = "the muscle lies in this site. " + detail;
                card.endangerment.push_back({e.id, StudyKind::Landmark, e.name, detail});
            }
        } catch (const std::exception&) {
            // A muscle that does not resolve on this body has no contact to measure from; the card stays.
        }
    }
}

void muscleCard(const anatomy::Atlas& atlas, const anatomy::Muscle& m, StudyCard& card, TechniqueResolver* tr) {
    card.name = m.name;
    card.commonNames = atlas.commonNamesOf(m.id);
    card.origin = m.origin;
    card.insertion = m.insertion;
    card.action = m.action;
    card.innervation = m.innervation;
    for (const auto& g : atlas.groups)
        if (std::find(g.members.begin(), g.members.end(), m.id) != g.members.end())
            card.muscles.push_back({g.id, StudyKind::Group, g.name, "part of this group"});
    addTriggerPoints(atlas, card, m.id);
    addLines(atlas, card, m);
    addTechniques(atlas, card, m.id);
    addEndangerment(card, tr, m.id);
    addField(card, "Symptoms", m.symptoms);
    addField(card, "Perpetuating factors", joined(m.perpetuating));
    addField(card, "In the lines", m.linesNote);
    addField(card, "No mesh", m.meshPresent ? "" : m.surrogateNote);
    addField(card, "Notes", m.notes);
    card.safety = m.safety;
    card.recall = m.recall;
    addCaveats(atlas, card, m.evidence);
    addSources(atlas, card, m.sources);
    for (const auto& n : atlas.commonNames)
        if (n.muscle == m.id) {
            addSources(atlas, card, n.sources);
            card.recall = card.recall || n.recall;
        }
}

void groupCard(const anatomy::Atlas& atlas, const anatomy::MuscleGroup& g, StudyCard& card, TechniqueResolver* tr) {
    card.name = g.name;
    card.commonNames = g.names;
    addField(card, "Note", g.note);
    for (const auto& id : g.members) {
        const auto* m = atlas.muscle(id);
        if (!m)
            continue;
        card.muscles.push_back({id, StudyKind::Muscle, m->name, m->action});
        addTriggerPoints(atlas, card, id);
        addLines(atlas, card, *m);
        addEndangerment(card, tr, id);
    }
    // The techniques written for a member first, then those that suit any muscle.
    for (const auto& t : atlas.techniques)
        for (const auto& id : g.members)
            if (std::find(t.targets.begin(), t.targets.end(), id) != t.targets.end() &&
                std::none_of(card.techniques.begin(), card.techniques.end(),
                             [&](const CardLink& l) { return l.id == t.id; }))
                card.techniques.push_back({t.id, StudyKind::Technique, t.name, "listed for " + id});
    if (!g.members.empty())
        addTechniques(atlas, card, g.members.front());
    card.recall = g.recall;
    addSources(atlas, card, g.sources);
}

void triggerPointCard(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& t, StudyCard& card,
                      TechniqueResolver* tr) {
    const auto* m = atlas.muscle(t.muscle);
    card.name = (m ? m->name : t.muscle) + ": trigger point " + trpLabel(t);
    if (m)
        card.muscles.push_back({m->id, StudyKind::Muscle, m->name, "the muscle it lies in"});
    addField(card, "Location", t.description);
    addField(card, "Refers to (essential)", zoneLabels(t.essential));
    addField(card, "Spillover", zoneLabels(t.spillover));
    addField(card, "Referral note", t.referralNote);
    if (!t.description.empty())
        card.palpation.push_back(t.description);
    for (const auto& s : t.satellites)
        if (const auto* sat = atlas.triggerPoint(s))
            card.triggerPoints.push_back({s, StudyKind::TriggerPoint, trpLabel(*sat), "satellite it can seed"});
    if (m) {
        addLines(atlas, card, *m);
        addTechniques(atlas, card, m->id);
        addEndangerment(card, tr, m->id);
        card.safety = m->safety;
    }
    card.recall = t.recall;
    addCaveats(atlas, card, t.evidence);
    addSources(atlas, card, t.sources);
}

void lineCard(const anatomy::Atlas& atlas, const anatomy::FascialLine& l, StudyCard& card) {
    card.name = l.name + " (" + l.id + ")";
    addField(card, "Function", l.function);
    std::vector<std::string> stations;
    for (const auto& e : l.elements) {
        if (e.station)
            stations.push_back(e.name);
        for (const auto& id : e.muscles)
            if (const auto* m = atlas.muscle(id); m && std::none_of(card.muscles.begin(), card.muscles.end(),
                                                                    [&](const CardLink& x) { return x.id == id; }))
                card.muscles.push_back({id, StudyKind::Muscle, m->name, "track: " + e.name});
    }
    addField(card, "Stations", joined(stations, "; "));
    addField(card, "Compensations", joined(l.compensations));
    addField(card, "Evidence", l.evidenceNote);
    addField(card, "Notes", l.notes);
    card.recall = l.recall;
    addCaveats(atlas, card, l.evidence);
    addSources(atlas, card, l.sources);
}

void landmarkCard(const anatomy::Atlas& atlas, const anatomy::Landmark& l, StudyCard& card) {
    card.name = l.name;
    addField(card, "Kind", l.kind);
    addField(card, "Note", l.note);
    addField(card, "Height", l.expectedH ? l.basis : "");
    addSources(atlas, card, l.sources);
}

void techniqueCard(const anatomy::Atlas& atlas, const anatomy::Technique& t, StudyCard& card) {
    card.name = t.name;
    addField(card, "Idea", t.idea);
    std::vector<std::string> dosage;
    for (const auto& [k, v] : t.dosage)
        dosage.push_back(k + ": " + v);
    addField(card, "Dosage", joined(dosage));
    addField(card, "Tools", joined(t.tools, ", "));
    addField(card, "Cautions", joined(t.cautions));
    for (const auto& id : t.targets)
        if (const auto* m = atlas.muscle(id))
            card.muscles.push_back({id, StudyKind::Muscle, m->name, "a listed target"});
    card.recall = t.recall;
    addCaveats(atlas, card, t.evidence);
    addSources(atlas, card, t.sources);
}

} // namespace

StudyCard buildStudyCard(const anatomy::Atlas& atlas, StudyKind kind, std::string_view id,
                         TechniqueResolver* techniques) {
    StudyCard card;
    card.kind = kind;
    switch (kind) {
    case StudyKind::Muscle:
        if (const auto* m = atlas.muscle(id))
            muscleCard(atlas, *m, card, techniques);
        break;
    case StudyKind::Group:
        if (const auto* g = atlas.group(id))
            groupCard(atlas, *g, card, techniques);
        break;
    case StudyKind::TriggerPoint:
        if (const auto* t = atlas.triggerPoint(id))
            triggerPointCard(atlas, *t, card, techniques);
        break;
    case StudyKind::Line:
        if (const auto* l = atlas.line(id))
            lineCard(atlas, *l, card);
        break;
    case StudyKind::Landmark:
        if (const auto* l = atlas.landmark(id))
            landmarkCard(atlas, *l, card);
        break;
    case StudyKind::Technique:
        if (const auto* t = atlas.technique(id))
            techniqueCard(atlas, *t, card);
        break;
    case StudyKind::Structure:
        break;
    }
    if (!card.name.empty())
        card.id = std::string(id);
    return card;
}

const anatomy::Muscle* muscleOfStructure(const anatomy::Atlas& atlas, const anatomy::Body& body, uint32_t structure) {
    if (structure >= body.size())
        return nullptr;
    const std::string& fma = body.structures[structure].fma;
    for (const auto& m : atlas.muscles) {
        const auto all = m.fma.all();
        if (std::find(all.begin(), all.end(), fma) != all.end())
            return &m;
    }
    return nullptr;
}

StudyCard buildStructureCard(const anatomy::Atlas* atlas, const anatomy::Body& body, std::string_view name) {
    StudyCard card;
    card.kind = StudyKind::Structure;
    std::vector<uint32_t> members;
    for (const auto& g : body.groups)
        if (g.name == name)
            members = g.members;
    if (members.empty())
        if (auto s = body.findByName(name))
            members.push_back(*s);
    if (members.empty())
        return card;
    card.id = std::string(name);
    card.name = std::string(name);
    const auto& s = body.structures[members.front()];
    addField(card, "Layer", std::string(anatomy::layerLabel(s.layer)));
    addField(card, "BodyParts3D", s.fma + " / " + s.fj + (members.size() > 1 ? " and more parts" : ""));
    // The atlas muscles it is made of ("right trapezius": upper, middle and lower trapezius).
    if (atlas)
        for (uint32_t m : members)
            if (const auto* muscle = muscleOfStructure(*atlas, body, m);
                muscle && std::none_of(card.muscles.begin(), card.muscles.end(),
                                       [&](const CardLink& l) { return l.id == muscle->id; }))
                card.muscles.push_back({muscle->id, StudyKind::Muscle, muscle->name, "an atlas muscle in it"});
    card.sources.push_back(
        {"bodyparts3d", "BodyParts3D, (c) The Database Center for Life Science (CC BY-SA 2.1 JP)", ""});
    return card;
}

} // namespace myoatlas::scene
