// Start-up loading: the parallel parse gives the body a serial one gives, and progress only moves forward.
#include "io/body_loader.h"
#include "io/gltf_loader.h"
#include "support/synthetic_mesh.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

// A data directory of `count` ellipsoid "bones" of different sizes and tessellations (nothing from the body data).
fs::path syntheticDataDir(int count) {
    auto dir = fs::temp_directory_path() / ("myoatlas-progress-data-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "isa" / "bones");
    std::ofstream manifest(dir / "manifest.csv");
    manifest << "set,category,file,fj,fma,name,side\n";
    for (int i = 0; i < count; ++i) {
        auto mesh =
            test::uvEllipsoid(glm::vec3(0.1f * static_cast<float>(i), 0.0f, 0.0f),
                              glm::vec3(0.02f + 0.001f * static_cast<float>(i), 0.03f, 0.01f), 6 + i % 5, 8 + i % 7);
        const std::string file = "isa/bones/b" + std::to_string(i) + ".glb";
        io::saveMeshFile(mesh, dir / file);
        manifest << "isa,bones," << file << ",FJ" << 9000 + i << ",FMA" << 100 + i << ",test bone " << i << ",R\n";
    }
    return dir;
}

} // namespace

TEST(BodyLoadProgress, ParallelLoadGivesTheSerialBody) {
    const auto dir = syntheticDataDir(23);
    io::LoadOptions options;
    options.dataDir = dir;
    options.useCache = false;
    options.threads = 1;
    const auto serial = io::loadBody(options);
    options.threads = 4;
    const auto parallel = io::loadBody(options);
    ASSERT_EQ(serial.size(), 23u);
    ASSERT_EQ(parallel.size(), serial.size());
    for (size_t i = 0; i < serial.size(); ++i) {
        EXPECT_EQ(parallel.structures[i].name, serial.structures[i].name);
        EXPECT_EQ(parallel.meshes[i].triangleCount(), serial.meshes[i].triangleCount());
        EXPECT_EQ(parallel.meshes[i].positions, serial.meshes[i].positions);
    }
    const auto a = serial.bounds(), b = parallel.bounds();
    EXPECT_EQ(a.min, b.min);
    EXPECT_EQ(a.max, b.max);
    fs::remove_all(dir);
}

TEST(BodyLoadProgress, ProgressRisesToTheTotalOnTheCallingThread) {
    const auto dir = syntheticDataDir(17);
    io::LoadOptions options;
    options.dataDir = dir;
    options.useCache = false;
    options.threads = 3;
    std::vector<io::LoadProgress> seen;
    const auto caller = std::this_thread::get_id();
    bool otherThread = false;
    options.progress = [&](const io::LoadProgress& p) {
        otherThread = otherThread || std::this_thread::get_id() != caller;
        seen.push_back(p);
    };
    const auto body = io::loadBody(options);
    EXPECT_FALSE(otherThread);
    ASSERT_FALSE(seen.empty());
    size_t lastParsed = 0;
    bool parsedAll = false;
    for (size_t i = 0; i < seen.size(); ++i) {
        if (i > 0) {
            EXPECT_GE(static_cast<int>(seen[i].stage), static_cast<int>(seen[i - 1].stage)) << "stage went back";
        }
        EXPECT_GE(io::progressFraction(seen[i]), i > 0 ? io::progressFraction(seen[i - 1]) : 0.0f);
        if (seen[i].stage != io::LoadProgress::Stage::Parsing)
            continue;
        EXPECT_EQ(seen[i].total, 17u);
        EXPECT_GE(seen[i].done, lastParsed);
        lastParsed = seen[i].done;
        parsedAll = parsedAll || seen[i].done == seen[i].total;
    }
    EXPECT_TRUE(parsedAll);
    EXPECT_EQ(seen.back().stage, io::LoadProgress::Stage::Classifying);
    EXPECT_EQ(io::describeProgress({io::LoadProgress::Stage::Parsing, 312, 712}),
              "Loading the body: 312 of 712 structures");
    EXPECT_EQ(body.size(), 17u);
    fs::remove_all(dir);
}

// One bar over all stages: a counted stage fills its span; one without a count creeps on with time, never past
// its end, so a long stage (the fascia) still moves. A quiet subcommand reports nothing.
TEST(BodyLoadProgress, TheBarFillsCountedStagesAndCreepsThroughUncountedOnes) {
    using S = io::LoadProgress::Stage;
    const auto [first, last] = io::stageSpan(S::Parsing);
    EXPECT_FLOAT_EQ(io::progressFraction({S::Parsing, 0, 10}), first);
    EXPECT_NEAR(io::progressFraction({S::Parsing, 5, 10}), (first + last) / 2.0f, 1e-6f);
    EXPECT_FLOAT_EQ(io::progressFraction({S::Parsing, 12, 10}), last);
    const auto [f0, f1] = io::stageSpan(S::Fascia);
    float before = io::progressFraction({S::Fascia, 0, 0}, 0.0);
    EXPECT_FLOAT_EQ(before, f0);
    for (double t : {0.5, 2.0, 8.0}) {
        const float now = io::progressFraction({S::Fascia, 0, 0}, t);
        EXPECT_GT(now, before);
        before = now;
    }
    EXPECT_GE(io::progressFraction({S::Fascia, 0, 0}, 1e6), before);
    EXPECT_LT(io::progressFraction({S::Fascia, 0, 0}, 1e6), f1);
    EXPECT_FALSE(static_cast<bool>(io::stderrProgress(true)));
    EXPECT_TRUE(static_cast<bool>(io::stderrProgress(false)));
}
