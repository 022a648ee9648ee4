#pragma once
// BodyParts3D manifest.csv: one row per structure file.
#include "anatomy/structure.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::io {

struct ManifestRow {
    std::string set; // "isa" or "supplement"
    anatomy::Category category = anatomy::Category::Muscle;
    std::string file; // relative to the data directory
    std::string fj, fma, name;
    anatomy::Side side = anatomy::Side::Midline;
    float minDistToSkinMm = -1.0f; // the manifest's heuristic, kept for comparison only
    size_t vertices = 0, triangles = 0;
};

// Splits one CSV line (RFC 4180 quoting).
[[nodiscard]] std::vector<std::string> splitCsvLine(std::string_view line);

// Parses manifest text; `origin` names the file in error messages. Throws core::DataError on a malformed row.
[[nodiscard]] std::vector<ManifestRow> parseManifest(std::string_view text, const std::string& origin);
[[nodiscard]] std::vector<ManifestRow> readManifest(const std::filesystem::path& path);

// The file a manifest row names, kept inside the data directory: no absolute path, no "..", and no symbolic link
// that leads out of it. Throws core::DataError naming the manifest and the row's file otherwise.
[[nodiscard]] std::filesystem::path confineToDataDir(const std::filesystem::path& dataDir, const std::string& file,
                                                     const std::string& manifest);

} // namespace myoatlas::io
