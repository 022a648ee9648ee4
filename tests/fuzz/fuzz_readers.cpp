// Seeded random-mutation fuzzing of every reader that takes user files: manifest, mesh (through Assimp), atlas,
// lesson, settings and the body cache. Built with the rest (no clang or libFuzzer needed); run under ASan+UBSan by
// `scripts/test --sanitize`, where a memory error aborts with the input saved.
//
//   fuzz_readers --replay DIR...                    every file under DIR through its reader (regression run)
//   fuzz_readers --fuzz DIR --seconds N [--seed S]  mutate the seeds under DIR/<reader>/ for N seconds in all
//
// A reader may refuse an input (core::Error, or std::exception for the cache decoder) but must not crash, hang or
// throw anything else. Corpus layout: DIR/<reader>/<file>, reader one of manifest, mesh, atlas, lesson, settings,
// cache. A crash found becomes a file in tests/fuzz/corpus/<reader>/ so that --replay keeps it fixed.
#include "anatomy/atlas.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/log.h"
#include "geometry/cluster_bounds.h"
#include "io/body_cache.h"
#include "io/cache_file.h"
#include "io/gltf_loader.h"
#include "io/manifest.h"
#include "io/settings.h"
#include "scene/lesson.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

fs::path gWorkDir;          // scratch files for readers that take a path
fs::path gCrashPath;        // where the input being run is saved when the process dies
std::string gCurrentInput;  // the input being run
std::string gCurrentReader; // its reader
const char* kAtlasFiles[] = {"evidence.json", "landmarks.json", "lines.json",      "muscles.json",
                             "safety.json",   "sources.json",   "techniques.json", "trigger_points.json"};

// Saves the input that killed us; async-signal-safe enough for a dying process (open/write/close only).
void saveCurrentInput() {
    if (gCrashPath.empty())
        return;
    int fd = ::open(gCrashPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    ssize_t ignored = ::write(fd, gCurrentInput.data(), gCurrentInput.size());
    (void)ignored;
    ::close(fd);
    const char msg[] = "\nfuzz_readers: crashing input saved\n";
    ignored = ::write(2, msg, sizeof msg - 1);
}

void onFatalSignal(int sig) {
    if (sig == SIGALRM) {
        const char msg[] = "\nfuzz_readers: an input ran past 10 s (hang)\n";
        ssize_t ignored = ::write(2, msg, sizeof msg - 1);
        (void)ignored;
        saveCurrentInput();
        std::signal(SIGABRT, SIG_DFL);
        std::abort();
    }
    saveCurrentInput();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void writeScratch(const fs::path& path, const std::string& bytes) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        throw std::runtime_error("cannot write scratch file " + path.string());
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
}

// The cache header (see io/cache_file.cpp): magic[8], version, reserved, key, payload size, payload checksum.
constexpr size_t kCacheHeader = 40;
constexpr uint64_t kFuzzKey = 0x5eed;

// Half of the mutated caches get a repaired header so that the payload decoder, not only the checksum, is reached.
std::string repairCacheHeader(std::string bytes) {
    if (bytes.size() < kCacheHeader)
        return bytes;
    uint32_t version = io::kBodyCacheVersion;
    uint64_t size = bytes.size() - kCacheHeader;
    uint64_t sum = io::checksum64(bytes.data() + kCacheHeader, size);
    std::memcpy(bytes.data(), "MYOBODY\n", 8);
    std::memcpy(bytes.data() + 8, &version, 4);
    std::memcpy(bytes.data() + 16, &kFuzzKey, 8);
    std::memcpy(bytes.data() + 24, &size, 8);
    std::memcpy(bytes.data() + 32, &sum, 8);
    return bytes;
}

// Runs one input through its reader. `name` is the seed's file name (the mesh reader needs its extension).
void runOne(const std::string& reader, const std::string& name, const std::string& bytes) {
    gCurrentInput = bytes;
    gCurrentReader = reader;
    // A hang is a failure too: one input may take 10 s at most (under ASan, on a slow machine).
    ::alarm(10);
    struct Disarm {
        ~Disarm() { ::alarm(0); }
    } disarm;
    try {
        if (reader == "manifest") {
            (void)io::parseManifest(bytes, "manifest.csv");
        } else if (reader == "mesh") {
            auto path = gWorkDir / ("input" + fs::path(name).extension().string());
            writeScratch(path, bytes);
            (void)io::loadMeshFile(path);
        } else if (reader == "lesson") {
            (void)scene::parseLesson(bytes, "lesson.json");
        } else if (reader == "settings") {
            (void)io::parseSettings(bytes, "settings.json");
        } else if (reader == "cache") {
            auto path = gWorkDir / "body.bin";
            writeScratch(path, bytes);
            (void)io::readBodyCache(path, kFuzzKey);
        } else if (reader == "atlas") {
            // The seed names the atlas file it replaces ("muscles.json", "muscles.json.2", ...); the others are
            // the project's own, copied into the scratch atlas once.
            std::string target = name.substr(0, name.find(".json") + 5);
            auto dir = gWorkDir / "atlas";
            writeScratch(dir / target, bytes);
            std::vector<anatomy::AtlasIssue> issues;
            (void)anatomy::loadAtlas(dir, issues);
            core::writeFileAtomically(dir / target, core::readFile(fs::path(MYOATLAS_ATLAS_DIR) / target));
        } else {
            throw std::runtime_error("unknown reader " + reader);
        }
    } catch (const core::Error&) {
        // refused with a message: fine
    } catch (const std::runtime_error& e) {
        if (std::string(e.what()).starts_with("unknown reader") || std::string(e.what()).starts_with("cannot write"))
            throw;
    }
}

std::string mutate(std::string s, std::mt19937_64& rng, const std::vector<std::string>& dictionary) {
    auto pick = [&](size_t n) { return n == 0 ? size_t(0) : static_cast<size_t>(rng() % n); };
    const int rounds = 1 + static_cast<int>(rng() % 4);
    for (int r = 0; r < rounds; ++r) {
        switch (rng() % 8) {
        case 0: // flip a bit
            if (!s.empty())
                s[pick(s.size())] ^= static_cast<char>(1u << (rng() % 8));
            break;
        case 1: // random byte
            if (!s.empty())
                s[pick(s.size())] = static_cast<char>(rng());
            break;
        case 2: // delete a run
            if (!s.empty()) {
                size_t at = pick(s.size());
                s.erase(at, 1 + pick(std::min<size_t>(64, s.size() - at)));
            }
            break;
        case 3: // duplicate a run
            if (!s.empty()) {
                size_t at = pick(s.size());
                size_t len = 1 + pick(std::min<size_t>(256, s.size() - at));
                s.insert(pick(s.size() + 1), s.substr(at, len));
            }
            break;
        case 4: // an interesting token from the dictionary
            s.insert(pick(s.size() + 1), dictionary[pick(dictionary.size())]);
            break;
        case 5: { // replace a number-like run with an interesting token
            size_t at = pick(s.size() + 1);
            size_t end = at;
            while (end < s.size() &&
                   (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.' || s[end] == '-'))
                ++end;
            s.replace(at, end - at, dictionary[pick(dictionary.size())]);
            break;
        }
        case 6: // truncate
            s.resize(pick(s.size() + 1));
            break;
        default: // overwrite 4 or 8 bytes with an extreme integer (binary formats)
            if (s.size() >= 8) {
                uint64_t v = (rng() % 2) ? ~uint64_t(0) >> (rng() % 64) : uint64_t(1) << (rng() % 64);
                std::memcpy(s.data() + pick(s.size() - 7), &v, (rng() % 2) ? 4 : 8);
            }
        }
    }
    return s;
}

struct Seed {
    std::string reader, name, bytes;
};

std::vector<Seed> readCorpus(const fs::path& dir) {
    std::vector<Seed> seeds;
    for (const auto& readerDir : fs::directory_iterator(dir)) {
        if (!readerDir.is_directory())
            continue;
        for (const auto& f : fs::directory_iterator(readerDir.path()))
            if (f.is_regular_file())
                seeds.push_back(
                    {readerDir.path().filename().string(), f.path().filename().string(), core::readFile(f.path())});
    }
    std::sort(seeds.begin(), seeds.end(),
              [](const Seed& a, const Seed& b) { return std::tie(a.reader, a.name) < std::tie(b.reader, b.name); });
    return seeds;
}

// Seeds that live elsewhere in the project or are made at run time: the atlas and lessons as shipped, default
// settings, and a body cache of a synthetic two-structure body (never the real body: nothing derived from it is
// committed or needed).
std::vector<Seed> builtInSeeds() {
    std::vector<Seed> seeds;
    for (const char* f : kAtlasFiles)
        seeds.push_back({"atlas", f, core::readFile(fs::path(MYOATLAS_ATLAS_DIR) / f)});
    for (const auto& f : fs::directory_iterator(MYOATLAS_LESSON_DIR))
        if (f.path().extension() == ".json")
            seeds.push_back({"lesson", f.path().filename().string(), core::readFile(f.path())});
    seeds.push_back({"settings", "defaults.json", io::settingsToJson(io::Settings{})});
    anatomy::Body body;
    for (int i = 0; i < 2; ++i) {
        anatomy::Structure st;
        st.fj = "FJ" + std::to_string(i);
        st.fma = "FMA" + std::to_string(i);
        st.name = "synthetic " + std::to_string(i);
        st.file = "isa/synthetic" + std::to_string(i) + ".obj";
        st.set = "isa";
        geometry::Mesh m;
        m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        m.normals = {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {0, 1, 0}};
        m.indices = {0, 1, 2, 0, 1, 3, 0, 2, 3, 1, 2, 3};
        m.lods = {{{0, 1, 2}, 0.01f}};
        geometry::cutIntoPieces(m, 1); // pieces in the cache too, so that their decoder is reached
        body.structures.push_back(st);
        body.meshes.push_back(m);
    }
    body.failures.push_back({"isa/missing.obj", "file not found"});
    auto cache = gWorkDir / "seed-body.bin";
    io::writeBodyCache(cache, body, kFuzzKey);
    seeds.push_back({"cache", "synthetic-body.bin", core::readFile(cache)});
    return seeds;
}

int usage() {
    std::cerr << "usage: fuzz_readers --replay DIR... | --fuzz DIR --seconds N [--seed S] [--crash-dir DIR]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2)
        return usage();
    core::setLogLevel(core::LogLevel::Off);
    gWorkDir = fs::temp_directory_path() / ("myoatlas-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(gWorkDir / "atlas");
    for (const char* f : kAtlasFiles)
        fs::copy_file(fs::path(MYOATLAS_ATLAS_DIR) / f, gWorkDir / "atlas" / f, fs::copy_options::overwrite_existing);
    fs::path crashDir = fs::current_path();
    double seconds = 60.0;
    uint64_t seed = 1;
    std::vector<fs::path> dirs;
    bool fuzz = false;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--replay" || args[i] == "--fuzz")
            fuzz = args[i] == "--fuzz";
        else if (args[i] == "--seconds" && i + 1 < args.size())
            seconds = std::stod(args[++i]);
        else if (args[i] == "--seed" && i + 1 < args.size())
            seed = std::stoull(args[++i]);
        else if (args[i] == "--crash-dir" && i + 1 < args.size())
            crashDir = args[++i];
        else
            dirs.emplace_back(args[i]);
    }
    if (dirs.empty())
        return usage();
    fs::create_directories(crashDir);
    gCrashPath = crashDir / "crash-input";
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback(saveCurrentInput);
#endif
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGALRM})
        std::signal(sig, onFatalSignal);

    std::vector<Seed> seeds = builtInSeeds();
    for (const auto& d : dirs) {
        auto more = readCorpus(d);
        seeds.insert(seeds.end(), more.begin(), more.end());
    }
    if (seeds.empty()) {
        std::cerr << "fuzz_readers: no seeds found\n";
        return 1;
    }
    // Every seed first, as it is: the regression run, and the baseline of a fuzz run.
    for (const auto& s : seeds) {
        gCrashPath = crashDir / ("crash-" + s.reader + "-" + s.name);
        runOne(s.reader, s.name, s.bytes);
    }
    std::cout << "replayed " << seeds.size() << " inputs\n";
    if (!fuzz)
        return 0;

    const std::vector<std::string> dictionary = {"0",
                                                 "-1",
                                                 "1e400",
                                                 "-1e400",
                                                 "nan",
                                                 "NaN",
                                                 "inf",
                                                 "1e38",
                                                 "4294967295",
                                                 "18446744073709551616",
                                                 "999999999999",
                                                 "\"\"",
                                                 "null",
                                                 "[]",
                                                 "{}",
                                                 "[[[[[[[[",
                                                 "}}}}",
                                                 "\"\\u0000\"",
                                                 ",",
                                                 "\n",
                                                 "\r\n",
                                                 "\"..\"",
                                                 "\"/etc/passwd\"",
                                                 "../../etc/passwd",
                                                 "element vertex 99999999\n",
                                                 "OFF\n999999999 1 0\n",
                                                 "f 1 2 99999\n",
                                                 "v 1e300 0 0\n",
                                                 "\xff\xfe",
                                                 std::string(300, 'x')};
    std::mt19937_64 rng(seed);
    std::map<std::string, std::vector<const Seed*>> byReader;
    for (const auto& s : seeds)
        byReader[s.reader].push_back(&s);
    const double perReader = seconds / static_cast<double>(byReader.size());
    size_t total = 0;
    for (const auto& [reader, list] : byReader) {
        auto start = std::chrono::steady_clock::now();
        size_t runs = 0;
        while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < perReader) {
            const Seed& s = *list[rng() % list.size()];
            gCrashPath = crashDir / ("crash-" + reader + "-" + s.name);
            std::string input = mutate(s.bytes, rng, dictionary);
            if (reader == "cache" && rng() % 2)
                input = repairCacheHeader(input);
            runOne(reader, s.name, input);
            ++runs;
        }
        total += runs;
        std::cout << reader << ": " << runs << " mutated inputs in " << perReader << " s, no crash\n";
    }
    std::cout << "fuzz: " << total << " inputs, seed " << seed << ", no crash\n";
    fs::remove_all(gWorkDir);
    return 0;
}
