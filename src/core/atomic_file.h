#pragma once
// Atomic file replacement: the new content goes to a temporary file in the same directory, is flushed to disk
// (fsync), then renamed over the target. A crash or an error at any point leaves the old file as it was.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace myoatlas::core {

// No input file MyoAtlas reads (manifest, atlas, lesson, settings, mesh) is anywhere near this; the caches are.
inline constexpr uint64_t kMaxInputFileBytes = uint64_t(1) << 30;

// Test hook: called after `bytesWritten` bytes of the temporary file are on disk; throwing from it simulates a
// failure mid-write (power loss, full disk). Empty in production.
using AtomicWriteHook = std::function<void(size_t bytesWritten)>;

// Writes `content` to `path` atomically; creates the parent directory. Throws core::DataError naming the file.
// A write past `ulimit -f` fails with a message (EFBIG) instead of killing the process: SIGXFSZ is ignored from the
// first call on.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content, const AtomicWriteHook& hook = {});
// The same, for content in several pieces (a cache header and its payload) without joining them first.
void writeFileAtomically(const std::filesystem::path& path, std::initializer_list<std::string_view> parts,
                         const AtomicWriteHook& hook = {});

// Reads a whole file; throws core::DataError naming it when it cannot be read.
[[nodiscard]] std::string readFile(const std::filesystem::path& path);

// Reads a whole input file that the user may have swapped for anything: only a regular file is opened (a FIFO or
// a device would block or never end), and one larger than `maxBytes` is refused. Throws core::DataError naming it.
[[nodiscard]] std::string readRegularFile(const std::filesystem::path& path, uint64_t maxBytes = kMaxInputFileBytes);
// Throws core::DataError naming the file unless it is a regular file (symbolic links are followed).
void requireRegularFile(const std::filesystem::path& path);

} // namespace myoatlas::core
