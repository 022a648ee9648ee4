// Regressions for bad input reaching the readers and writers: a full disk, FIFOs and devices, hostile mesh files,
// manifest rows that point outside the data directory, and a cache keyed on content.
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/log.h"
#include "io/body_cache.h"
#include "io/body_loader.h"
#include "io/cache_file.h"
#include "io/gltf_loader.h"
#include "io/image_io.h"
#include "io/manifest.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("myoatlas-robust-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

io::Image testImage(int w, int h, uint8_t seed) {
    io::Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<size_t>(w) * h * 4);
    uint32_t x = seed * 2654435761u + 1; // noise, so the PNG does not compress to nothing
    for (auto& b : img.rgba) {
        x = x * 1664525u + 1013904223u;
        b = static_cast<uint8_t>(x >> 24);
    }
    return img;
}

// Runs `fn` in a child process whose files may grow to `limitBytes` at most (`ulimit -f`), as on a full disk.
// Returns the child's exit status: 0 when fn threw core::DataError naming `file`, 1 when it did not throw, 2 when
// the message was wrong; a signal (SIGXFSZ) shows as 128 + signal.
template <class Fn> int withFileSizeLimit(rlim_t limitBytes, const std::string& file, Fn fn) {
    pid_t pid = ::fork();
    if (pid == 0) {
        rlimit lim{limitBytes, limitBytes};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        try {
            fn();
        } catch (const core::DataError& e) {
            std::string what = e.what();
            ::_exit(what.find(file) != std::string::npos && what.find("File too large") != std::string::npos ? 0 : 2);
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

size_t filesIn(const fs::path& dir) {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

} // namespace

TEST(FullDisk, PngWriteFailsWithTheReasonAndKeepsTheOldFile) {
    auto dir = freshDir("png-full");
    auto path = dir / "out.png";
    io::writePng(path, testImage(64, 64, 1));
    const std::string before = core::readFile(path);
    // The new picture needs far more than the 4 kB the "disk" still has.
    int rc = withFileSizeLimit(4096, path.string(), [&] { io::writePng(path, testImage(256, 256, 2)); });
    EXPECT_EQ(rc, 0) << "expected a DataError naming the file and EFBIG, got child status " << rc;
    EXPECT_EQ(core::readFile(path), before) << "the old picture must survive a failed write";
    EXPECT_EQ(filesIn(dir), 1u) << "no temporary file left behind";
}

TEST(FullDisk, CacheWriteFailsWithTheReasonAndKeepsTheOldCache) {
    auto dir = freshDir("cache-full");
    auto path = dir / "body.bin";
    const io::CacheFormat format{{'M', 'Y', 'O', 'T', 'E', 'S', 'T', '\n'}, 1, "test cache"};
    io::writeCacheFile(path, format, 7, "old payload");
    int rc =
        withFileSizeLimit(1024, path.string(), [&] { io::writeCacheFile(path, format, 8, std::string(100000, 'x')); });
    EXPECT_EQ(rc, 0) << "child status " << rc;
    auto read = io::readCacheFile(path, format, 7);
    ASSERT_TRUE(read.payload) << read.rejectReason;
    EXPECT_EQ(*read.payload, "old payload");
    EXPECT_EQ(filesIn(dir), 1u);
}

TEST(AtomicWrite, RefusesToReplaceADevice) {
    // `render -o /dev/full` exited 0; renaming over a device node would replace the node itself.
    try {
        core::writeFileAtomically("/dev/full", "x");
        FAIL() << "writing onto /dev/full was accepted";
    } catch (const core::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/dev/full"), std::string::npos) << e.what();
    }
    struct stat st {};
    ASSERT_EQ(::stat("/dev/full", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full must still be the device";
}

TEST(AtomicWrite, FollowsASymlinkToTheFileItNames) {
    auto dir = freshDir("atomic-link");
    writeText(dir / "real.json", "old");
    fs::create_symlink(dir / "real.json", dir / "link.json");
    core::writeFileAtomically(dir / "link.json", "new");
    EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
    EXPECT_EQ(core::readFile(dir / "real.json"), "new");
}

TEST(RegularFiles, AFifoIsRefusedWithoutBlocking) {
    auto dir = freshDir("fifo");
    auto fifo = dir / "body.bin";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto start = std::chrono::steady_clock::now();
    // The cache reader: a FIFO in place of body.bin hung the start-up forever.
    const io::CacheFormat format{{'M', 'Y', 'O', 'T', 'E', 'S', 'T', '\n'}, 1, "test cache"};
    auto read = io::readCacheFile(fifo, format, 1);
    EXPECT_FALSE(read.payload);
    EXPECT_NE(read.rejectReason.find("regular"), std::string::npos) << read.rejectReason;
    // Every other reader.
    EXPECT_THROW((void)core::readFile(fifo), core::DataError);
    EXPECT_THROW((void)io::loadMeshFile(fifo), core::DataError);
    EXPECT_THROW((void)io::readManifest(fifo), core::DataError);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST(RegularFiles, ADeviceAndADirectoryAreRefused) {
    EXPECT_THROW((void)core::readFile("/dev/zero"), core::DataError);
    EXPECT_THROW((void)core::readFile(fs::temp_directory_path()), core::DataError);
    EXPECT_THROW((void)core::readRegularFile("/etc/hostname", 1), core::DataError) << "size cap";
}

TEST(RegularFiles, AMappedFileIsRefusedLikeARead) {
    auto dir = freshDir("mapped");
    auto fifo = dir / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_THROW((void)core::mapRegularFile(fifo), core::DataError) << "a FIFO, refused without blocking";
    EXPECT_THROW((void)core::mapRegularFile("/dev/zero"), core::DataError);
    EXPECT_THROW((void)core::mapRegularFile(dir), core::DataError);
    EXPECT_THROW((void)core::mapRegularFile(dir / "missing"), core::DataError);
    EXPECT_THROW((void)core::mapRegularFile("/etc/hostname", 1), core::DataError) << "size cap";
    writeText(dir / "empty", "");
    EXPECT_TRUE(core::mapRegularFile(dir / "empty").bytes().empty());
}

TEST(CacheFile, AnAcceptedPayloadOutlivesTheFileReplacedUnderIt) {
    // The payload is mapped from the file, not copied: moved with its read, it stays as read, even while a new
    // cache is renamed over the file (as the window's late write does).
    auto dir = freshDir("mapped-cache");
    auto path = dir / "body.bin";
    const io::CacheFormat format{{'M', 'Y', 'O', 'T', 'E', 'S', 'T', '\n'}, 1, "test cache"};
    const std::string payload(100000, 'a');
    io::writeCacheFile(path, format, 7, payload);
    io::CacheFileRead read = io::readCacheFile(path, format, 7);
    ASSERT_TRUE(read.payload) << read.rejectReason;
    io::CacheFileRead moved = std::move(read);
    io::writeCacheFile(path, format, 8, std::string(50, 'b'));
    ASSERT_TRUE(moved.payload);
    EXPECT_EQ(*moved.payload, payload);
    auto again = io::readCacheFile(path, format, 8);
    ASSERT_TRUE(again.payload) << again.rejectReason;
    EXPECT_EQ(*again.payload, std::string(50, 'b'));
}

TEST(CacheFile, TheChecksumSeesAFlippedByteAnywhere) {
    // Four lanes and a tail: a flip in any lane, in the words after the last full stride or in the last bytes.
    for (size_t size : {1u, 7u, 8u, 31u, 32u, 33u, 100u, 1000u}) {
        std::string bytes(size, '\0');
        for (size_t i = 0; i < size; ++i)
            bytes[i] = static_cast<char>(i * 37 + 11);
        const uint64_t sum = io::checksum64(bytes.data(), bytes.size());
        for (size_t i = 0; i < size; ++i) {
            std::string flipped = bytes;
            flipped[i] = static_cast<char>(flipped[i] ^ 0x10);
            EXPECT_NE(io::checksum64(flipped.data(), flipped.size()), sum) << "size " << size << ", byte " << i;
        }
        EXPECT_NE(io::checksum64(bytes.data(), size - 1), sum) << "a shorter payload, size " << size;
    }
}

TEST(PayloadReader, ReadsAnEmptyArray) {
    // UBSan reported memcpy to a null pointer here on every cached start (empty failure lists).
    io::PayloadWriter w;
    w.vec(std::vector<float>{});
    w.vec(std::vector<float>{1.0f});
    io::PayloadReader r(w.bytes());
    EXPECT_TRUE(r.vec<float>().empty());
    EXPECT_EQ(r.vec<float>().size(), 1u);
    EXPECT_TRUE(r.atEnd());
}

TEST(CacheKey, AnEditWithTheSameSizeAndTimeChangesTheKey) {
    auto dir = freshDir("cache-key");
    auto mesh = dir / "a.obj";
    writeText(mesh, "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    auto time = fs::last_write_time(mesh);
    io::CacheKey before;
    before.addFile(mesh, "a.obj");
    writeText(mesh, "v 0 0 0\nv 2 0 0\nv 0 1 0\nf 1 2 3\n"); // same size
    fs::last_write_time(mesh, time);
    io::CacheKey after;
    after.addFile(mesh, "a.obj");
    EXPECT_NE(before.value(), after.value()) << "the cache would show the old geometry";
    io::CacheKey again;
    again.addFile(mesh, "a.obj");
    EXPECT_EQ(after.value(), again.value());
}

class MeshLoader : public ::testing::Test {
protected:
    void SetUp() override {
        dir = freshDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
        core::setLogLevel(core::LogLevel::Error);
    }
    void TearDown() override { core::setLogLevel(core::LogLevel::Info); }
    // Expects loadMeshFile to refuse `text` saved as `name`, with a message naming the file and holding `reason`.
    void expectRefused(const std::string& name, const std::string& text, const std::string& reason) {
        auto path = dir / name;
        writeText(path, text);
        try {
            auto mesh = io::loadMeshFile(path);
            ADD_FAILURE() << name << " loaded (" << mesh.positions.size() << " vertices)";
        } catch (const core::DataError& e) {
            std::string what = e.what();
            EXPECT_NE(what.find(path.string()), std::string::npos) << what;
            EXPECT_NE(what.find(reason), std::string::npos) << what;
        }
    }
    fs::path dir;
};

TEST_F(MeshLoader, RefusesNonFiniteAndHugeCoordinates) {
    expectRefused("nan.obj", "v 0 0 0\nv nan 0 0\nv 0 1 0\nf 1 2 3\n", "non-finite");
    expectRefused("huge.obj", "v 0 0 0\nv 1e300 0 0\nv 0 1 0\nf 1 2 3\n", "non-finite");
    expectRefused("far.obj", "v 0 0 0\nv 1e9 0 0\nv 0 1 0\nf 1 2 3\n", "absurd");
}

TEST_F(MeshLoader, RefusesDeclaredCountsThatCannotFit) {
    // invalid/OutOfMemory.off of assimp-testmodels (309 bytes) took 80 s and 15.8 GB before it was refused.
    auto start = std::chrono::steady_clock::now();
    expectRefused("oom.off", "OFF\n353535235358 6 0\n-0.5 -0.5 0.5\n0.5 -0.5 0.5\n-0.5 0.5 0.5\n3 0 1 2\n",
                  "declares 353535235358 vertices");
    expectRefused("faces.off", "OFF\n3 99999999 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n", "faces");
    expectRefused("big.ply", "ply\nformat ascii 1.0\nelement vertex 4000000000\nproperty float x\nend_header\n0\n",
                  "elements");
    std::string stl(84, '\0');
    uint32_t n = 1000000;
    std::memcpy(stl.data() + 80, &n, 4);
    expectRefused("big.stl", stl, "triangles");
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST_F(MeshLoader, RawFileWithAnEmptyGroupIsRefusedNotACrash) {
    // The shape of RAW/WithColor.raw and RAW/WithTexture.raw (assimp-testmodels): two named groups of coloured
    // triangles with blank lines between, which Assimp's RAW importer turns into a null child node. Our walk of
    // the scene segfaulted on it.
    expectRefused("groups.raw",
                  "Group_a\n0.2 0.4 0.6 0.0 0.0 0.0 0.0 2.0 0.0 2.0 0.0 0.0\n"
                  "0.3 0.0 0.0 0.0 0.0 1.0 0.0 2.0 1.0 2.0 0.0 1.0\n\n\n"
                  "Group_b\n0.0 2.0 0.0 0.0 1.0 0.0 0.0 3.0 0.0 2.0 1.0 0.0\n"
                  "0.0 0.0 2.0 0.0 1.0 1.0 0.0 3.0 1.0 2.0 1.0 1.0",
                  "");
}

TEST_F(MeshLoader, LoadsAGoodFileAndRefusesATextWithoutTriangles) {
    writeText(dir / "good.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    EXPECT_EQ(io::loadMeshFile(dir / "good.obj").triangleCount(), 1u);
    expectRefused("empty.obj", "# nothing\n", "");
}

TEST(ManifestPaths, RowsAreConfinedToTheDataDirectory) {
    auto dir = freshDir("confine");
    fs::create_directories(dir / "data" / "isa");
    writeText(dir / "data" / "isa" / "a.obj", "v 0 0 0\n");
    writeText(dir / "secret.obj", "v 0 0 0\n");
    fs::create_symlink(dir / "secret.obj", dir / "data" / "isa" / "escape.obj");
    const auto data = dir / "data";
    EXPECT_EQ(io::confineToDataDir(data, "isa/a.obj", "manifest.csv"), fs::canonical(data / "isa" / "a.obj"));
    for (const char* bad : {"../../etc/passwd", "/etc/shadow", "isa/../../secret.obj", "isa/escape.obj", ""}) {
        try {
            (void)io::confineToDataDir(data, bad, "manifest.csv");
            ADD_FAILURE() << "'" << bad << "' was let through";
        } catch (const core::DataError& e) {
            EXPECT_NE(std::string(e.what()).find("manifest.csv"), std::string::npos) << e.what();
        }
    }
}

TEST(ManifestPaths, NothingLoadedNamesTheFilesAndReasons) {
    auto dir = freshDir("none-loaded");
    writeText(dir / "manifest.csv", "set,category,file,fj,fma,name,side\n"
                                    "isa,connective,../../etc/passwd,FJ1,FMA1,evil,L\n"
                                    "isa,connective,isa/broken.obj,FJ2,FMA2,broken,L\n");
    fs::create_directories(dir / "isa");
    writeText(dir / "isa" / "broken.obj", "v nan 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    writeText(dir / "overrides.json", "{\"overrides\": []}");
    core::setLogLevel(core::LogLevel::Off);
    io::LoadOptions lo;
    lo.dataDir = dir;
    lo.useCache = false;
    lo.layerOverrides = dir / "overrides.json";
    try {
        (void)io::loadBody(lo);
        ADD_FAILURE() << "a body with nothing loadable was accepted";
    } catch (const core::DataError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("none of the listed files"), std::string::npos) << what;
        EXPECT_NE(what.find("../../etc/passwd"), std::string::npos) << what;
        EXPECT_NE(what.find("broken.obj"), std::string::npos) << what;
        EXPECT_NE(what.find("non-finite"), std::string::npos) << what;
    }
    core::setLogLevel(core::LogLevel::Info);
}
