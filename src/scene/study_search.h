#pragma once
// Search that finds what students type: atlas muscles by name, id and common names (names.json), muscle groups,
// trigger points, Anatomy Trains lines, landmarks, techniques and the body's own structure names. Case-, accent-
// and punctuation-insensitive, tolerant of typos (edit distance per word and over the whole name), ranked. The
// window's search box, the structure browser and `myoatlas find` all use this one index. GL-free.
#include "anatomy/atlas.h"
#include "anatomy/body.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::scene {

enum class StudyKind : uint8_t { Muscle, Group, TriggerPoint, Line, Landmark, Technique, Structure };
[[nodiscard]] std::string_view studyKindName(StudyKind kind); // "muscle", "group", "trigger_point", ...

// Lower case, accents folded (é -> e), punctuation and underscores as spaces, runs of spaces collapsed, trimmed.
[[nodiscard]] std::string normalizeForSearch(std::string_view text);
// Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past `limit`.
[[nodiscard]] int editDistance(std::string_view a, std::string_view b, int limit = 64);
// How well a query matches one name, 0 (no match) to 1 (the same after normalising). Both already normalised.
[[nodiscard]] float matchScore(std::string_view query, std::string_view name);

struct SearchResult {
    std::string id; // atlas id; for a structure its BodyParts3D name
    StudyKind kind = StudyKind::Muscle;
    std::string name;    // display name
    std::string matched; // the name or alias that matched best
    float score = 0.0f;
};

class StudyIndex {
public:
    // Either may be absent: without the atlas only body structures are found, without the body only atlas records.
    StudyIndex(const anatomy::Atlas* atlas, const anatomy::Body* body);

    // Ranked matches, best first; empty for an empty query or when nothing comes close.
    [[nodiscard]] std::vector<SearchResult> find(std::string_view query, size_t limit = 20) const;
    // The names nearest to a query that found nothing ("did you mean"), best first, looser than find().
    [[nodiscard]] std::vector<std::string> suggestions(std::string_view query, size_t limit = 3) const;
    // The structures a result stands for on the body (a muscle's meshes on both sides, a group's members, a trigger
    // point's muscle on its side, a line's track muscles, a structure's whole muscle). Empty without a body.
    [[nodiscard]] std::vector<uint32_t> structuresOf(const SearchResult& result) const;
    [[nodiscard]] std::vector<uint32_t> structuresOfMuscle(std::string_view muscleId,
                                                           std::optional<anatomy::Side> side = std::nullopt) const;
    [[nodiscard]] size_t size() const { return items_.size(); }
    [[nodiscard]] const anatomy::Atlas* atlas() const { return atlas_; }
    [[nodiscard]] const anatomy::Body* body() const { return body_; }

private:
    struct Item {
        std::string id;
        StudyKind kind;
        std::string name;
        std::vector<std::string> keys; // normalised; keys[0] is the display name
    };
    void addAtlas(const anatomy::Atlas& atlas);
    void addBody(const anatomy::Body& body);

    const anatomy::Atlas* atlas_ = nullptr;
    const anatomy::Body* body_ = nullptr;
    std::vector<Item> items_;
};

} // namespace myoatlas::scene
