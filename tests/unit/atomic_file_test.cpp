// Atomic file replacement: complete writes replace the file, a failure mid-write leaves the old file intact.
#include "core/atomic_file.h"
#include "core/error.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("myoatlas-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

size_t filesIn(const fs::path& dir) {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

} // namespace

TEST(AtomicFile, WritesAndReplaces) {
    auto dir = freshDir("atomic-replace");
    auto path = dir / "sub" / "a.json";
    core::writeFileAtomically(path, "first");
    EXPECT_EQ(core::readFile(path), "first");
    core::writeFileAtomically(path, "second, longer");
    EXPECT_EQ(core::readFile(path), "second, longer");
    EXPECT_EQ(filesIn(path.parent_path()), 1u) << "no temporary file left behind";
}

TEST(AtomicFile, FailureMidWriteLeavesTheOldFileIntact) {
    auto dir = freshDir("atomic-fail");
    auto path = dir / "lesson.json";
    const std::string old = "{\"title\": \"old\"}";
    core::writeFileAtomically(path, old);
    // 20 kB: several chunks; the hook fails after the first one is on disk.
    std::string big(20000, 'x');
    size_t calls = 0;
    auto crash = [&](size_t written) {
        ++calls;
        if (written >= 4096)
            throw std::runtime_error("simulated power loss");
    };
    EXPECT_THROW(core::writeFileAtomically(path, big, crash), std::runtime_error);
    EXPECT_EQ(calls, 1u);
    EXPECT_EQ(core::readFile(path), old);
    EXPECT_EQ(filesIn(dir), 1u) << "the partial temporary file is removed";
}

TEST(AtomicFile, ReadingAMissingFileNamesIt) {
    try {
        (void)core::readFile("/nonexistent/dir/x.json");
        FAIL();
    } catch (const core::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/x.json"), std::string::npos);
    }
}

TEST(AtomicFile, UnwritableDirectoryIsADataError) {
    EXPECT_THROW(core::writeFileAtomically("/proc/myoatlas-cannot/x.json", "x"), core::DataError);
}
