// The body cache: round trip, and every kind of damage is detected and rejected.
#include "core/error.h"
#include "geometry/cluster_bounds.h"
#include "io/body_cache.h"
#include "io/body_loader.h"
#include "io/cache_file.h"
#include "support/synthetic_mesh.h"
#include "support/test_body.h"

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

anatomy::Body smallBody() {
    anatomy::Body body;
    for (int i = 0; i < 3; ++i) {
        anatomy::Structure s;
        s.fj = "FJ" + std::to_string(i);
        s.fma = "FMA" + std::to_string(100 + i);
        s.name = "part " + std::to_string(i) + " of right test muscle";
        s.file = "isa/muscles/x" + std::to_string(i) + ".glb";
        s.set = "isa";
        s.category = anatomy::Category::Muscle;
        s.side = anatomy::Side::Right;
        s.layer = i == 0 ? anatomy::Layer::SuperficialMuscle : anatomy::Layer::DeepMuscle;
        s.region = anatomy::Region::Trunk;
        s.exposedFraction = 0.1f * i;
        s.group = 0;
        geometry::Mesh m;
        m.positions = {{0, 0, 0}, {1, 0, float(i)}, {0, 1, 0}};
        m.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
        m.indices = {0, 1, 2};
        body.structures.push_back(s);
        body.meshes.push_back(m);
    }
    body.groups.push_back({"", "right test muscle", {0, 1, 2}});
    body.failures.push_back({"isa/muscles/broken.glb", "cannot import"});
    body.updateBounds();
    return body;
}

fs::path tempFile(const std::string& name) {
    auto dir = fs::temp_directory_path() / "myoatlas-cache-test";
    fs::create_directories(dir);
    return dir / name;
}

std::vector<char> readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& p, const std::vector<char>& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

TEST(BodyCache, RoundTripKeepsEverything) {
    auto body = smallBody();
    auto path = tempFile("roundtrip.bin");
    io::writeBodyCache(path, body, 42);
    auto result = io::readBodyCache(path, 42);
    ASSERT_TRUE(result.body.has_value()) << result.rejectReason;
    const auto& b = *result.body;
    ASSERT_EQ(b.size(), body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        EXPECT_EQ(b.structures[i].fj, body.structures[i].fj);
        EXPECT_EQ(b.structures[i].name, body.structures[i].name);
        EXPECT_EQ(b.structures[i].layer, body.structures[i].layer);
        EXPECT_EQ(b.structures[i].group, body.structures[i].group);
        EXPECT_FLOAT_EQ(b.structures[i].exposedFraction, body.structures[i].exposedFraction);
        EXPECT_EQ(b.meshes[i].positions, body.meshes[i].positions);
        EXPECT_EQ(b.meshes[i].indices, body.meshes[i].indices);
    }
    ASSERT_EQ(b.groups.size(), 1u);
    EXPECT_EQ(b.groups[0].members, body.groups[0].members);
    ASSERT_EQ(b.failures.size(), 1u);
    EXPECT_EQ(b.failures[0].file, "isa/muscles/broken.glb");
}

TEST(BodyCache, AMeshsPiecesAreKeptAndPiecesThatDoNotFitAreRefused) {
    auto mesh = test::uvEllipsoid({0, 0, 0}, {0.1f, 0.3f, 0.1f}, 24, 32);
    mesh.buildLods();
    geometry::cutIntoPieces(mesh);
    io::PayloadWriter w;
    io::writeMesh(w, mesh);
    io::PayloadReader r(w.bytes());
    const auto back = io::readMesh(r, "FJ1");
    EXPECT_TRUE(r.atEnd());
    ASSERT_TRUE(geometry::piecesFit(back));
    EXPECT_EQ(back.indices, mesh.indices);
    EXPECT_EQ(back.pieces.starts, mesh.pieces.starts);
    ASSERT_EQ(back.pieces.boxes.size(), mesh.pieces.boxes.size());
    EXPECT_EQ(back.pieces.boxes[1].max, mesh.pieces.boxes[1].max);
    // A mesh whose lists changed since it was cut is written without pieces (the layout cuts it).
    auto changed = mesh;
    changed.indices.resize(changed.indices.size() - 3);
    io::PayloadWriter w2;
    io::writeMesh(w2, changed);
    io::PayloadReader r2(w2.bytes());
    EXPECT_TRUE(io::readMesh(r2, "FJ1").pieces.boxes.empty());
    // A box that holds nothing would hide its piece for good: refused.
    auto emptyBox = mesh;
    emptyBox.pieces.boxes[0] = geometry::Aabb{};
    io::PayloadWriter w4;
    io::writeMesh(w4, emptyBox);
    io::PayloadReader r4(w4.bytes());
    EXPECT_THROW((void)io::readMesh(r4, "FJ1"), std::runtime_error);
    // Runs past a list's end, in a payload whose checksum is right, are refused naming the structure.
    // The payload ends with the last level's runs, the last of them its size: moved past it.
    io::PayloadWriter w3;
    io::writeMesh(w3, mesh);
    std::string bytes = w3.bytes();
    uint32_t end = 0;
    std::memcpy(&end, bytes.data() + bytes.size() - sizeof(end), sizeof(end));
    ASSERT_EQ(end, mesh.lods.back().indices.size());
    end += 3;
    std::memcpy(bytes.data() + bytes.size() - sizeof(end), &end, sizeof(end));
    io::PayloadReader r3(bytes);
    try {
        (void)io::readMesh(r3, "FJ1");
        FAIL() << "pieces past the end were accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("FJ1"), std::string::npos) << e.what();
    }
}

TEST(BodyCache, StaleKeyIsRejected) {
    auto path = tempFile("stale.bin");
    io::writeBodyCache(path, smallBody(), 1);
    auto result = io::readBodyCache(path, 2);
    EXPECT_FALSE(result.body.has_value());
    EXPECT_NE(result.rejectReason.find("stale"), std::string::npos);
}

TEST(BodyCache, FlippedByteIsRejected) {
    auto path = tempFile("flipped.bin");
    io::writeBodyCache(path, smallBody(), 7);
    auto bytes = readAll(path);
    bytes[bytes.size() - 20] ^= 0x5a;
    writeAll(path, bytes);
    auto result = io::readBodyCache(path, 7);
    EXPECT_FALSE(result.body.has_value());
    EXPECT_NE(result.rejectReason.find("corrupt"), std::string::npos) << result.rejectReason;
}

TEST(BodyCache, TruncatedFileIsRejected) {
    auto path = tempFile("truncated.bin");
    io::writeBodyCache(path, smallBody(), 7);
    auto bytes = readAll(path);
    bytes.resize(bytes.size() / 2);
    writeAll(path, bytes);
    EXPECT_FALSE(io::readBodyCache(path, 7).body.has_value());
    bytes.resize(10);
    writeAll(path, bytes);
    EXPECT_FALSE(io::readBodyCache(path, 7).body.has_value());
}

TEST(BodyCache, GarbageIsRejectedAndMissingIsQuiet) {
    auto path = tempFile("garbage.bin");
    writeAll(path, std::vector<char>(4096, 'x'));
    auto garbage = io::readBodyCache(path, 7);
    EXPECT_FALSE(garbage.body.has_value());
    EXPECT_NE(garbage.rejectReason.find("magic"), std::string::npos);
    auto missing = io::readBodyCache(tempFile("does-not-exist.bin"), 7);
    EXPECT_FALSE(missing.body.has_value());
    EXPECT_TRUE(missing.rejectReason.empty());
}

TEST(BodyCache, KeyDependsOnTheInputsNotOnWhereTheyLive) {
    // Two copies of the same inputs (two checkouts, a moved data directory) share one cache; a changed input does not.
    auto a = fs::temp_directory_path() / "myoatlas-key-a", b = fs::temp_directory_path() / "myoatlas-key-b";
    for (const auto& dir : {a, b}) {
        fs::remove_all(dir);
        fs::create_directories(dir / "isa");
        writeAll(dir / "table.csv", {'f', 'j', '\n'});
        writeAll(dir / "isa" / "x.glb", {'g', 'l', 'b'});
        fs::last_write_time(dir / "isa" / "x.glb", fs::last_write_time(a / "isa" / "x.glb"));
    }
    auto keyOf = [](const fs::path& dir) {
        io::CacheKey k;
        k.addFileContents(dir / "table.csv");
        k.addFile(dir / "isa" / "x.glb", "isa/x.glb");
        return k.value();
    };
    EXPECT_EQ(keyOf(a), keyOf(b));
    writeAll(b / "table.csv", {'f', 'm', 'a', '\n'});
    EXPECT_NE(keyOf(a), keyOf(b));
    io::CacheKey missing;
    missing.addFileContents(a / "no-such-table.csv");
    io::CacheKey empty;
    writeAll(a / "no-such-table.csv", {});
    empty.addFileContents(a / "no-such-table.csv");
    EXPECT_NE(missing.value(), empty.value());
    fs::remove_all(a);
    fs::remove_all(b);
}

TEST(BodyCache, LoaderRebuildsACorruptCacheOfTheRealBody) {
    auto dir = fs::temp_directory_path() / "myoatlas-cache-test" / "real";
    fs::remove_all(dir);
    io::LoadOptions options;
    options.dataDir = test::testDataDir();
    options.cacheDir = dir;
    io::LoadReport cold, warm, rebuilt;
    auto a = io::loadBody(options, &cold);
    EXPECT_FALSE(cold.fromCache);
    auto b = io::loadBody(options, &warm);
    EXPECT_TRUE(warm.fromCache);
    EXPECT_EQ(a.size(), b.size());
    EXPECT_EQ(a.triangleCount(), b.triangleCount());
    // Damage the cache in the middle of the mesh data.
    auto bytes = readAll(dir / "body.bin");
    bytes[bytes.size() / 2] ^= 0x01;
    writeAll(dir / "body.bin", bytes);
    auto c = io::loadBody(options, &rebuilt);
    EXPECT_FALSE(rebuilt.fromCache);
    EXPECT_TRUE(rebuilt.cacheRejected);
    EXPECT_EQ(c.triangleCount(), a.triangleCount());
    fs::remove_all(dir);
}

TEST(BodyLoader, ABrokenFileIsNamedSkippedAndCounted) {
    // A data directory with three structures: two real files and one that is not a mesh at all.
    auto src = test::testDataDir();
    auto dir = fs::temp_directory_path() / "myoatlas-broken-data";
    fs::remove_all(dir);
    fs::create_directories(dir / "isa" / "bones");
    fs::copy_file(src / "isa/bones/FJ3365_FMA24474_right_femur.glb", dir / "isa/bones/FJ3365_FMA24474_right_femur.glb");
    fs::copy_file(src / "isa/skin/FJ2810_FMA7163_skin.glb", dir / "isa/bones/skin.glb");
    std::ofstream(dir / "isa/bones/broken.glb") << "this is not a glTF file";
    std::ofstream(dir / "manifest.csv") << "set,category,file,fj,fma,name,side\n"
                                           "isa,bones,isa/bones/FJ3365_FMA24474_right_femur.glb,FJ3365,FMA24474,right "
                                           "femur,R\n"
                                           "isa,skin,isa/bones/skin.glb,FJ2810,FMA7163,skin,M\n"
                                           "isa,bones,isa/bones/broken.glb,FJ9999,FMA1,broken bone,R\n";
    io::LoadOptions options;
    options.dataDir = dir;
    options.useCache = false;
    io::LoadReport report;
    auto body = io::loadBody(options, &report);
    EXPECT_EQ(report.filesListed, 3u);
    EXPECT_EQ(report.filesLoaded, 2u);
    EXPECT_EQ(report.failures, 1u);
    ASSERT_EQ(body.failures.size(), 1u);
    EXPECT_EQ(body.failures[0].file, "isa/bones/broken.glb");
    EXPECT_NE(body.failures[0].problem.find("broken.glb"), std::string::npos) << body.failures[0].problem;
    EXPECT_TRUE(body.findByName("right femur").has_value());
    fs::remove_all(dir);
}

TEST(BodyLoader, MissingDataDirectorySaysWhereItLooked) {
    try {
        (void)io::locateData(fs::path("/nonexistent/bodyparts3d"));
        FAIL() << "expected a DataError";
    } catch (const core::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/bodyparts3d"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("manifest.csv"), std::string::npos);
    }
}
