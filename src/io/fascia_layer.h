#pragma once
// The generated fascia layer: the superficial fascia shell, the deep (investing) fascia envelope and the named sheets
// myofascial teaching needs (thoracolumbar fascia, fascia lata with the iliotibial tract, plantar fascia, galea
// aponeurotica, pectoral and abdominal fascia), cut from the envelope by regions defined with atlas landmarks.
// Built once from the body (geometry/fascia_shell.h) and cached beside the body cache, keyed on the content of
// every input mesh, the landmark rules and the generator version. Appended to the Body as Category::Fascia /
// Layer::Fascia structures before the renderer and picker are made.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "io/body_loader.h"

#include <cstdint>
#include <filesystem>
#include <glm/vec4.hpp>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::io {

inline constexpr uint32_t kFasciaGeneratorVersion = 5; // 2: levels of detail kept with the sheets; 3: finer;
// 4: levels simplified over the vertices their source uses; 5: a four-lane checksum, pieces kept per mesh
inline constexpr std::string_view kFasciaCacheFile = "fascia.bin";

struct FasciaOptions {
    std::filesystem::path cacheDir; // empty: the user's cache directory (beside body.bin)
    bool useCache = true;
    LoadProgressFn progress; // told Stage::Fascia when the layer is generated (not when it comes from the cache)
};

struct FasciaReport {
    double seconds = 0.0;
    bool fromCache = false;
    bool cacheRejected = false; // a cache file existed but was stale or corrupt, and was regenerated
    std::string cacheRejectReason;
    size_t structures = 0;
    size_t triangles = 0;
    uint64_t key = 0;
};

// The generated structures (Category::Fascia, Layer::Fascia) and their meshes, index-aligned.
struct GeneratedFascia {
    std::vector<anatomy::Structure> structures;
    std::vector<geometry::Mesh> meshes;
};

// Key over everything the generator reads: skin, muscle, connective and bone meshes with their layers, the atlas's
// landmark rules (the named sheets' regions) and kFasciaGeneratorVersion.
[[nodiscard]] uint64_t fasciaKey(const anatomy::Body& body, const anatomy::Atlas* atlas);

// Generates the layer (seconds, not milliseconds: the cache is the normal path). Without an atlas only the
// superficial shell and the unnamed deep envelope are made; without a skin, nothing.
[[nodiscard]] GeneratedFascia generateFascia(const anatomy::Body& body, const anatomy::Atlas* atlas);

// Atomic write (temporary file + rename). Throws core::DataError on I/O failure.
void writeFasciaCache(const std::filesystem::path& path, const GeneratedFascia& fascia, uint64_t key);
struct FasciaCacheRead {
    std::optional<GeneratedFascia> fascia;
    std::string rejectReason; // empty when accepted or when no file existed
};
[[nodiscard]] FasciaCacheRead readFasciaCache(const std::filesystem::path& path, uint64_t key);

// Reads the cache or generates (and writes it), then appends the structures to the body (bounds updated).
// Call before anything keeps pointers into body.meshes (renderer, picker, atlas resolver).
FasciaReport addGeneratedFascia(anatomy::Body& body, const anatomy::Atlas* atlas, const FasciaOptions& options = {});
// The same in two steps, so that other readers of the body can run beside the first: the layer from the cache or
// generated (and cached), reading the body only; then appended to it (rep: key, cache and counts filled in).
[[nodiscard]] GeneratedFascia obtainGeneratedFascia(const anatomy::Body& body, const anatomy::Atlas* atlas,
                                                    const FasciaOptions& options, FasciaReport& rep);
void appendGeneratedFascia(anatomy::Body& body, GeneratedFascia fascia, FasciaReport& rep);
// Its two parts. The layer when its cache holds it for this body (rep: key and cache filled in); and the layer
// generated and cached under rep.key (what cachedFascia left there), when it did not.
[[nodiscard]] GeneratedFascia generateAndCacheFascia(const anatomy::Body& body, const anatomy::Atlas* atlas,
                                                     const FasciaOptions& options, FasciaReport& rep);
[[nodiscard]] std::optional<GeneratedFascia> cachedFascia(const anatomy::Body& body, const anatomy::Atlas* atlas,
                                                          const FasciaOptions& options, FasciaReport& rep);

// The window shows the body before its fascia is generated (two seconds of a first start): the fascia's structures
// join the body at once, empty, in the order the generator gives them (the same indices as appended later), and
// are filled in when the layer is ready. The structures generateFascia will give, without meshes or bounds.
[[nodiscard]] std::vector<anatomy::Structure> plannedFasciaStructures(const anatomy::Body& body,
                                                                      const anatomy::Atlas* atlas);
// Where each generated sheet goes: the empty fascia structure of the same fj (kNoPlace when there is none). Only
// reads the body: the window works it out beside the shown body, then fills the structures at a frame's start.
inline constexpr uint32_t kNoPlace = 0xFFFFFFFFu;
[[nodiscard]] std::vector<uint32_t> placeFascia(const anatomy::Body& body, const GeneratedFascia& fascia);
// Moves each sheet into its place; returns the structures filled (rising). A sheet without a place is left out, a
// structure no sheet came for stays empty (both logged).
std::vector<uint32_t> fillFasciaPlaceholders(anatomy::Body& body, GeneratedFascia fascia,
                                             const std::vector<uint32_t>& places, FasciaReport& rep);

} // namespace myoatlas::io
