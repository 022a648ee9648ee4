#pragma once
// The atlas: muscles, landmarks, trigger points with referral zones, fascial lines, techniques, safety and evidence,
// loaded from assets/atlas/*.json (schema: docs/atlas.md). GL-free and body-free: positions are rules and point
// specs in landmark terms; landmark_resolver.h turns them into points on a loaded Body.
#include "anatomy/structure.h"

#include <array>
#include <filesystem>
#include <glm/vec3.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace myoatlas::anatomy {

enum class IssueSeverity : uint8_t { Error, Warning };

// One problem found while loading, validating or resolving the atlas. Always names the file, and where known the
// record id and the field, so a message reads "trigger_points.json: record TRAPU-TP1 field muscle: unknown muscle".
struct AtlasIssue {
    IssueSeverity severity = IssueSeverity::Error;
    std::string file;   // e.g. "muscles.json"; "body" for checks against the loaded body without a file
    std::string record; // record id, empty for file-level problems
    std::string field;  // dotted path inside the record, e.g. "referral.essential[0].patch"
    std::string message;
    [[nodiscard]] std::string toString() const;
};

// Which way a point is pushed onto the skin: a ray from the point in that direction (first skin hit), or the nearest
// skin point. Lateral/medial follow the side the point belongs to.
enum class Toward : uint8_t { Nearest, Anterior, Posterior, Lateral, Medial, Superior, Inferior };
[[nodiscard]] std::string_view towardName(Toward t);
[[nodiscard]] std::optional<Toward> parseToward(std::string_view name);

// A point in landmark terms: `at`, optionally moved toward `to` by fraction t, then offset in millimetres along
// (lateral, superior, anterior) of the point's side. `opposite` evaluates it on the other side of the body.
struct PointSpec {
    std::string at;
    std::string to; // empty: no interpolation
    float t = 0.0f;
    glm::vec3 offsetMm{0.0f};
    bool opposite = false;
};

// A region of referred pain (or an endangerment site) paintable on the skin: a patch around one point or a stroke
// along a polyline of points.
// How well a referral zone is attested: a frequency measured in a study, a published chart, a chart that sources
// dispute, or our own estimate. Drawn as the heat's intensity so a contested zone does not look well studied.
enum class ZoneEvidence : unsigned char { Charted, Measured, Contested, Estimated };

struct ZoneSpec {
    std::string label;
    ZoneEvidence evidence = ZoneEvidence::Charted;
    float reportedFraction = -1.0f; // share of subjects who felt it, where a study reports it (else < 0)
    std::string reportedSource;     // sources.json id of that study
    std::string reportedText;       // e.g. "about half of 35 volunteers"
    bool stroke = false;
    std::vector<PointSpec> points; // one for a patch
    float sizeMm = 30.0f;          // patch radius, or stroke width (the zone radius is half of it)
    Toward toward = Toward::Nearest;
    bool bilateral = false; // also painted, mirrored, on the opposite side
};

// BodyParts3D FMA ids. Sided records list right and left; `shared` holds midline files that serve both sides
// (a shared file whose bounds lie clearly on one side belongs to that side only).
struct StructureSet {
    std::vector<std::string> right, left, shared;
    [[nodiscard]] bool empty() const { return right.empty() && left.empty() && shared.empty(); }
    [[nodiscard]] std::vector<std::string> all() const;
};

enum class LandmarkOp : uint8_t { Extreme, Centroid, Skin, Point };

struct LandmarkRule {
    LandmarkOp op = LandmarkOp::Extreme;
    StructureSet structures;          // extreme, centroid
    glm::vec3 direction{0.0f};        // extreme: (lateral, superior, anterior)
    std::array<float, 3> lo{0, 0, 0}; // `within`: box in the structures' normalised bounds, x in the lateral sense
    std::array<float, 3> hi{1, 1, 1};
    PointSpec from;                  // skin, point
    Toward toward = Toward::Nearest; // skin
};

struct Landmark {
    std::string id, name, kind, basis, note;
    bool sided = false;
    bool part4 = false; // listed in FACTS Part 4 (has an expected height)
    bool estimate = false;
    std::optional<float> expectedH; // fraction of stature, men (BodyParts3D is an adult male)
    std::optional<float> expectedHWomen;
    float toleranceH = 0.03f;
    LandmarkRule rule;
    std::vector<std::string> sources;
};

struct Muscle {
    std::string id, name, region, origin, insertion, action, innervation, linesNote, symptoms, patientSummary, notes,
        safety;
    std::vector<std::string> lines, perpetuating, evidence, sources;
    bool meshPresent = true;
    StructureSet fma;
    StructureSet surrogate; // where trigger points are placed when the mesh is absent
    std::string surrogateNote;
    bool recall = false;
};

struct TriggerPoint {
    std::string id, muscle, name, tsNumber, description, referralNote;
    PointSpec location;
    float maxSnapMm = 40.0f;
    std::vector<Side> sides; // the sides it exists on (both unless FACTS says otherwise)
    std::vector<ZoneSpec> essential, spillover;
    std::vector<std::string> satellites, evidence, sources;
    bool recall = false;
};

// How a line runs through a track (LineElement::route): chosen from the geometry, or forced by the atlas.
enum class TrackRoute { Auto, Centreline, Surface };

struct LineElement {
    bool station = false;
    bool branch = false; // starts a new branch: the path breaks before this element (the DFL's separate tracks)
    TrackRoute route = TrackRoute::Auto; // tracks
    std::string name, note;
    PointSpec point; // stations
    std::vector<std::string> muscles;
    StructureSet structures;
    bool opposite = false; // on the side opposite the line's own
    bool conceptual = false;
    bool meshAbsent = false;
};

struct FascialLine {
    std::string id, name, order, function, evidenceNote, wilke2016, notes;
    bool paired = false;
    bool recall = false;
    std::vector<LineElement> elements;
    std::vector<std::string> compensations, evidence, sources;
};

struct TechniqueStep {
    std::string text, patientText, pressure, feelFor, stroke, stretch;
    float durationS = 0.0f;
    std::optional<std::array<float, 2>> durationRangeS;
};

struct TechniqueVariant {
    std::string id, name, note;
    std::vector<TechniqueStep> steps;
    // The main steps [first, last] (0-based) these steps stand in for (reciprocal inhibition changes only the
    // contraction); none: the variant is a whole sequence of its own.
    std::optional<std::array<int, 2>> replaces;
};

// The kinds of contact a technique makes with the body. An endangerment site lists the kinds that are unsafe over it
// (contact_safety.h applies the rule).
enum class ContactKind : uint8_t { Light, SustainedDeep, Gliding, Tool, Suction, Heat, Needle };
inline constexpr std::array<ContactKind, 7> kAllContactKinds = {
    ContactKind::Light,   ContactKind::SustainedDeep, ContactKind::Gliding, ContactKind::Tool,
    ContactKind::Suction, ContactKind::Heat,          ContactKind::Needle};
// "light", "sustained_deep", "gliding", "tool", "suction", "heat", "needle".
[[nodiscard]] std::string_view contactKindName(ContactKind k);
[[nodiscard]] std::optional<ContactKind> parseContactKind(std::string_view name);

struct Technique {
    std::string id, name, section, idea;
    std::vector<ContactKind> contactKinds;
    // Shown to students as what a qualified practitioner does (needling, injection), never as a self-help step.
    bool informationOnly = false;
    std::vector<TechniqueStep> steps;
    std::vector<TechniqueVariant> variants;
    std::vector<std::string> tools, targets, contraindications, cautions, endangermentSites, evidence, sources;
    std::map<std::string, std::string> dosage;
    bool recall = false;

    [[nodiscard]] const TechniqueVariant* variant(std::string_view id) const;
    // The sequence played: the main steps, or a variant's (whole, or spliced in for the steps it replaces).
    // An empty or unknown variant id gives the main steps.
    [[nodiscard]] std::vector<TechniqueStep> stepsOf(std::string_view variantId) const;
};

// Manual work taught inside an endangerment site (a pincer grip of the SCM): allowed there with its caution shown,
// although the technique's contact kinds are otherwise unsafe at the site.
struct TaughtContact {
    std::vector<std::string> techniques, muscles;
    std::string caution;
};

struct EndangermentSite {
    std::string id, name, structuresAtRisk, note;
    bool sided = true;
    std::vector<ZoneSpec> zones;
    std::vector<std::string> atRisk;        // the structures at risk, one per entry
    std::vector<ContactKind> unsafeContact; // kinds of contact a technique may not use over the site
    std::vector<TaughtContact> taught;
    std::string alternative; // what to do instead, in a sentence
};

struct RedFlag {
    std::string id, text, action;
};

struct EvidenceCaveat {
    std::string id, title, text;
    std::vector<std::string> appliesTo, sources;
};

struct Source {
    std::string id, title, url, topic;
};

// names.json: what students call things. Common names and abbreviations of one atlas muscle.
struct CommonNames {
    std::string muscle;
    std::vector<std::string> names, sources;
    bool recall = false;
};

// Several atlas muscles taught as one ("rotator cuff", "quads"): searching the group selects all its members.
struct MuscleGroup {
    std::string id, name, note;
    std::vector<std::string> names, members, sources;
    bool recall = false;
};

// Everyday names of a body structure that is no atlas muscle ("IT band" = iliotibial tract), matched against the
// BodyParts3D names that end with `structure`.
struct StructureNames {
    std::string structure;
    std::vector<std::string> names, sources;
    bool recall = false;
};

struct PressureLevel {
    std::string id, name, text;
};

struct Atlas {
    std::filesystem::path dir;
    std::vector<Source> sources;
    std::vector<EvidenceCaveat> caveats;
    std::vector<Landmark> landmarks;
    std::vector<Muscle> muscles;
    std::vector<TriggerPoint> triggerPoints;
    std::vector<FascialLine> lines;
    std::vector<Technique> techniques;
    std::vector<PressureLevel> pressureLevels;
    std::vector<std::string> sessionFrame;
    std::string discomfortScale;
    std::vector<RedFlag> redFlags;
    std::vector<std::string> localContraindications, precautions;
    std::vector<EndangermentSite> endangermentSites;
    std::vector<CommonNames> commonNames;
    std::vector<MuscleGroup> groups;
    std::vector<StructureNames> structureNames;

    [[nodiscard]] const Source* source(std::string_view id) const;
    [[nodiscard]] const EvidenceCaveat* caveat(std::string_view id) const;
    [[nodiscard]] const Landmark* landmark(std::string_view id) const;
    [[nodiscard]] const Muscle* muscle(std::string_view id) const;
    [[nodiscard]] const TriggerPoint* triggerPoint(std::string_view id) const;
    [[nodiscard]] const FascialLine* line(std::string_view id) const;
    [[nodiscard]] const Technique* technique(std::string_view id) const;
    [[nodiscard]] const EndangermentSite* endangermentSite(std::string_view id) const;
    [[nodiscard]] std::vector<const TriggerPoint*> triggerPointsOf(std::string_view muscleId) const;
    [[nodiscard]] const MuscleGroup* group(std::string_view id) const;
    // The common names of a muscle (empty when names.json lists none).
    [[nodiscard]] std::vector<std::string> commonNamesOf(std::string_view muscleId) const;

    // Lookups by id in O(1) for the large tables (a 200,000-record landmarks file made validation quadratic).
    // loadAtlas builds it; an atlas built or changed in code without calling it falls back to a scan, and a stale
    // entry is never trusted (each hit is checked against the record it points to).
    void buildIndex();
    std::unordered_map<std::string, size_t> landmarkIndex, muscleIndex, triggerPointIndex;
};

// A landmark reference as written in a point spec: "c7", "acromion" (the context side), "acromion_l"/"acromion_r".
struct LandmarkRef {
    const Landmark* landmark = nullptr;
    std::optional<Side> explicitSide; // set by a _l/_r suffix
};
[[nodiscard]] LandmarkRef findLandmarkRef(const Atlas& atlas, std::string_view ref);
// The flat name of a landmark on a side: "acromion_r", or "c7" for midline landmarks.
[[nodiscard]] std::string flatLandmarkName(const Landmark& landmark, Side side);

// The data files, in load order.
inline constexpr std::array<std::string_view, 9> kAtlasFiles = {
    "sources.json", "evidence.json",   "landmarks.json", "muscles.json", "trigger_points.json",
    "lines.json",   "techniques.json", "safety.json",    "names.json"};

// Reads every file of the atlas directory and checks it without a body: JSON syntax, required fields, types,
// unknown fields, value ranges, duplicate ids and every cross reference (muscles, landmarks, trigger points,
// sources, evidence caveats, endangerment sites). Every problem is appended to `issues`; the returned atlas holds
// whatever could be read.
[[nodiscard]] Atlas loadAtlas(const std::filesystem::path& dir, std::vector<AtlasIssue>& issues);
// As loadAtlas, but throws core::DataError (naming the first file) listing every error when any is found.
[[nodiscard]] Atlas loadAtlasOrThrow(const std::filesystem::path& dir);
// The referential checks alone (loadAtlas runs them); exposed for atlases built in code.
void checkAtlasReferences(const Atlas& atlas, std::vector<AtlasIssue>& issues);

[[nodiscard]] size_t errorCount(const std::vector<AtlasIssue>& issues);

} // namespace myoatlas::anatomy
