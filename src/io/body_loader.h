#pragma once
// Loads the BodyParts3D body: manifest -> Assimp import of every file -> layer assignment -> grouping,
// through a binary cache keyed by the input files' sizes and times.
#include "anatomy/body.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace myoatlas::io {

// Where a start-up load is, for a progress bar or a progress line: the stage, and within it `done` of `total`
// structures (both 0 where a stage has no count).
struct LoadProgress {
    enum class Stage { Cache, Parsing, Classifying, WritingCache, Fascia, Done };
    Stage stage = Stage::Cache;
    size_t done = 0, total = 0;
};
// Called on the thread that called loadBody, stages in the order above (some skipped), `done` never decreasing
// within a stage and reaching `total` before the stage ends.
using LoadProgressFn = std::function<void(const LoadProgress&)>;

// "Loading the body: 312 of 712 structures", "Building the fascia layer...".
[[nodiscard]] std::string describeProgress(const LoadProgress& progress);
// The share of a cold start-up a stage spans, [first, second) within 0..1, from measured stage times (parsing
// takes nearly half, the fascia under a third, sorting into layers a fifth).
[[nodiscard]] std::pair<float, float> stageSpan(LoadProgress::Stage stage);
// The whole start-up's share done, 0..1, for one bar over all stages: the stage's span, filled by done/total. A stage
// without a count creeps towards its end with `secondsInStage`, so a long one (the fascia) still moves.
[[nodiscard]] float progressFraction(const LoadProgress& progress, double secondsInStage = 0.0);
// Progress for a subcommand: one line on stderr (rewritten on a terminal, a few lines in a log), nothing when quiet.
// Only a load that parses the files reports; a start from the cache stays silent.
[[nodiscard]] LoadProgressFn stderrProgress(bool quiet);

struct LoadOptions {
    std::filesystem::path dataDir;  // the bodyparts3d directory (holds manifest.csv)
    std::filesystem::path cacheDir; // empty: the user's cache directory ($XDG_CACHE_HOME/myoatlas)
    bool useCache = true;
    std::filesystem::path layerOverrides; // empty: assets/layer_overrides.json from the assets directory
    unsigned threads = 0;                 // parsing threads; 0: one per core
    LoadProgressFn progress;              // may be empty
    // A body parsed from the files is not written to the cache by loadBody: the caller writes it with
    // writeBodyCacheLater (beside other work that only reads the body), so that nothing waits for the disk.
    bool deferCacheWrite = false;
};

struct LoadReport {
    double seconds = 0.0;
    bool fromCache = false;
    bool cacheRejected = false; // a cache file existed but was stale or corrupt, and was rebuilt
    std::string cacheRejectReason;
    size_t filesListed = 0;
    size_t filesLoaded = 0;
    size_t failures = 0;
    // With LoadOptions::deferCacheWrite, where and under which key the body parsed from the files is to be cached
    // (cachePath empty: nothing to write, the body came from the cache or the cache is off).
    std::filesystem::path cachePath;
    uint64_t cacheKey = 0;
};

// Throws core::DataError when the directory or its manifest is missing or unreadable. A structure file that fails
// to load is reported in Body::failures and skipped.
[[nodiscard]] anatomy::Body loadBody(const LoadOptions& options, LoadReport* report = nullptr);
// The cache write loadBody left to its caller (LoadOptions::deferCacheWrite), content first (reads the body, before
// it changes) then file; nothing when the report names none. A failure is logged, never thrown: the next start
// parses the files again.
[[nodiscard]] std::string encodeBodyCacheLater(const anatomy::Body& body, const LoadReport& report);
void writeBodyCacheLater(const std::string& payload, const LoadReport& report);

// --data, else $MYOATLAS_DATA, else the compiled-in default (../shared/bodyparts3d beside the source tree), else
// ../shared/bodyparts3d relative to the executable's prefix. Throws core::DataError naming every place it looked.
[[nodiscard]] std::filesystem::path locateData(const std::optional<std::filesystem::path>& cli);

// The assets directory (layer overrides, atlas, fonts list): $MYOATLAS_ASSETS, else the compiled-in source path,
// else <prefix>/share/myoatlas.
[[nodiscard]] std::filesystem::path locateAssets();

} // namespace myoatlas::io
