#pragma once
// Atomic file replacement: the new content goes to a temporary file in the same directory, is flushed to disk
// (fsync), then renamed over the target. A crash or an error at any point leaves the old file as it was.
#include <filesystem>
#include <functional>
#include <string_view>

namespace myoatlas::core {

// Test hook: called after `bytesWritten` bytes of the temporary file are on disk; throwing from it simulates a
// failure mid-write (power loss, full disk). Empty in production.
using AtomicWriteHook = std::function<void(size_t bytesWritten)>;

// Writes `content` to `path` atomically; creates the parent directory. Throws core::DataError naming the file.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content, const AtomicWriteHook& hook = {});

// Reads a whole file; throws core::DataError naming it when it cannot be read.
[[nodiscard]] std::string readFile(const std::filesystem::path& path);

} // namespace myoatlas::core
