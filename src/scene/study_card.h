#pragma once
// The study card: everything a student must know about what was selected, gathered from the atlas. For a muscle:
// its names, origin, insertion, action, innervation, trigger points, the Anatomy Trains lines it belongs to, the
// techniques that suit it, palpation (where its trigger points are found), endangerment sites near it and the
// sources. The same card, with the fields that apply, for a muscle group, a trigger point, a line, a landmark, a
// technique and a body structure. GL-free: the window's card panel and `myoatlas info` read it.
#include "anatomy/atlas.h"
#include "scene/study_search.h"

#include <string>
#include <vector>

namespace myoatlas::scene {

class TechniqueResolver;

// Something the card links to: clicking it studies that record (a trigger point, a line, a technique, a muscle).
struct CardLink {
    std::string id;
    StudyKind kind = StudyKind::Muscle;
    std::string label;
    std::string detail; // one line shown under the label (a referral summary, a line's role)
};

struct CardField {
    std::string label, text;
};

struct CardSource {
    std::string id, title, url;
};

struct StudyCard {
    std::string id;
    StudyKind kind = StudyKind::Muscle;
    std::string name;
    std::vector<std::string> commonNames;
    std::string origin, insertion, action, innervation; // muscles
    std::vector<CardField> fields; // further text in reading order (a trigger point's referral, a line's function)
    std::vector<CardLink> triggerPoints, lines, techniques, muscles; // muscles: a group's members, a line's tracks
    std::vector<std::string> palpation;                              // where to find it under the hands
    std::vector<CardLink> endangerment;                              // sites near it: work with care
    std::string safety;                                              // the atlas's own safety note
    std::vector<std::string> caveats;                                // evidence caveats (titles)
    std::vector<CardSource> sources;
    bool recall = false; // content from memory, to be reviewed by an expert
    [[nodiscard]] bool empty() const { return id.empty(); }
};

// The card of one record; an empty card when the id is unknown. `techniques` (optional, needs the body) adds the
// endangerment sites near a muscle the way the technique player finds them.
[[nodiscard]] StudyCard buildStudyCard(const anatomy::Atlas& atlas, StudyKind kind, std::string_view id,
                                       TechniqueResolver* techniques = nullptr);
// The card of a body structure, with the atlas muscle it belongs to when there is one.
[[nodiscard]] StudyCard buildStructureCard(const anatomy::Atlas* atlas, const anatomy::Body& body,
                                           std::string_view name);
// The atlas muscle whose meshes include a structure (by FMA id), if any.
[[nodiscard]] const anatomy::Muscle* muscleOfStructure(const anatomy::Atlas& atlas, const anatomy::Body& body,
                                                       uint32_t structure);

} // namespace myoatlas::scene
