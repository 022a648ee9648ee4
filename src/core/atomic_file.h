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
// A whole input file mapped read-only, with readRegularFile's checks: for a large cache read once at every start,
// it spares a zero-filled buffer as large as the file and the copy into it. The bytes stay valid while it lives
// (MyoAtlas replaces the files it maps by rename, never rewrites them in place). An empty file maps to no bytes.
class MappedFile {
public:
    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();
    [[nodiscard]] std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

private:
    friend MappedFile mapRegularFile(const std::filesystem::path& path, uint64_t maxBytes);
    void* data_ = nullptr;
    size_t size_ = 0;
};
// Throws core::DataError naming the file when it cannot be mapped.
[[nodiscard]] MappedFile mapRegularFile(const std::filesystem::path& path, uint64_t maxBytes = kMaxInputFileBytes);
// Throws core::DataError naming the file unless it is a regular file (symbolic links are followed).
void requireRegularFile(const std::filesystem::path& path);

} // namespace myoatlas::core
