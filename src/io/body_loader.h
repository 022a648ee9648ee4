#pragma once
// Loads the BodyParts3D body: manifest -> Assimp import of every file -> layer assignment -> grouping,
// through a binary cache keyed by the input files' sizes and times.
#include "anatomy/body.h"

#include <filesystem>
#include <optional>
#include <string>

namespace myoatlas::io {

struct LoadOptions {
    std::filesystem::path dataDir;  // the bodyparts3d directory (holds manifest.csv)
    std::filesystem::path cacheDir; // empty: the user's cache directory ($XDG_CACHE_HOME/myoatlas)
    bool useCache = true;
    std::filesystem::path layerOverrides; // empty: assets/layer_overrides.json from the assets directory
};

struct LoadReport {
    double seconds = 0.0;
    bool fromCache = false;
    bool cacheRejected = false; // a cache file existed but was stale or corrupt, and was rebuilt
    std::string cacheRejectReason;
    size_t filesListed = 0;
    size_t filesLoaded = 0;
    size_t failures = 0;
};

// Throws core::DataError when the directory or its manifest is missing or unreadable. A structure file that fails
// to load is reported in Body::failures and skipped.
[[nodiscard]] anatomy::Body loadBody(const LoadOptions& options, LoadReport* report = nullptr);

// --data, else $MYOATLAS_DATA, else the compiled-in default (../shared/bodyparts3d beside the source tree), else
// ../shared/bodyparts3d relative to the executable's prefix. Throws core::DataError naming every place it looked.
[[nodiscard]] std::filesystem::path locateData(const std::optional<std::filesystem::path>& cli);

// The assets directory (layer overrides, atlas, fonts list): $MYOATLAS_ASSETS, else the compiled-in source path,
// else <prefix>/share/myoatlas.
[[nodiscard]] std::filesystem::path locateAssets();

} // namespace myoatlas::io
