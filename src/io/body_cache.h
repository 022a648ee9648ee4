#pragma once
// Binary cache of an imported body. Header: magic, format version, the key of the inputs it was built from,
// payload size and checksum. Anything that does not match is rejected (and the caller rebuilds), never trusted.
#include "anatomy/body.h"
#include "io/cache_file.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace myoatlas::io {

inline constexpr uint32_t kBodyCacheVersion = 12; // 8: a chain of levels of detail per mesh; 9: a finer one;
// 10: each level simplified over the vertices its source uses; 11: a four-lane checksum, pieces kept per mesh;
// 12: left and right muscles in one layer

// Key over the inputs: every listed file's name (relative to the data directory) and a hash of its content, plus
// the contents of the small tables (manifest, metadata, overrides) and the cache version. Where the inputs live is
// not part of it: two checkouts (or a moved data directory) with the same inputs share one cache.
class CacheKey {
public:
    void add(std::string_view bytes);
    // `name` (the file as the manifest lists it), size and content hash of `path` (a missing file counts too).
    void addFile(const std::filesystem::path& path, std::string_view name);
    void addFileContents(const std::filesystem::path& path); // its file name and contents
    [[nodiscard]] uint64_t value() const { return h_; }

private:
    uint64_t h_ = 1469598103934665603ull;
};

// Writes atomically (temporary file + rename). Throws core::DataError on I/O failure.
void writeBodyCache(const std::filesystem::path& path, const anatomy::Body& body, uint64_t key);
// The same in two steps: the content (reads the body), then the file (reads only the content), so that the body can
// change while the disk works.
[[nodiscard]] std::string encodeBodyCache(const anatomy::Body& body);
void writeEncodedBodyCache(const std::filesystem::path& path, const std::string& payload, uint64_t key);

struct CacheReadResult {
    std::optional<anatomy::Body> body;
    std::string rejectReason; // empty when accepted or when no file existed
};
[[nodiscard]] CacheReadResult readBodyCache(const std::filesystem::path& path, uint64_t key);

} // namespace myoatlas::io
