// Patient handouts: the page renders to PDF and PNG bytes, and writing replaces the file atomically.
#include "core/atomic_file.h"
#include "core/error.h"
#include "io/handout.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

io::HandoutContent sample() {
    io::HandoutContent c;
    c.title = "Upper trapezius trigger point";
    c.explanation = {"A tight spot in the top of the shoulder muscle can send pain up the neck to the temple."};
    c.attribution = "Body: BodyParts3D, (c) The Database Center for Life Science, CC BY-SA 2.1 Japan";
    c.footer = "Made with MyoAtlas";
    return c;
}

fs::path freshDir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("myoatlas-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST(Handout, RendersPdfAndPngBytes) {
    std::string pdf = io::renderHandout(io::HandoutFormat::Pdf, sample());
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    std::string png = io::renderHandout(io::HandoutFormat::Png, sample());
    ASSERT_GT(png.size(), 1000u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(Handout, WritingReplacesTheFileAndLeavesNoTemporaryFiles) {
    auto dir = freshDir("handout");
    fs::path out = dir / "handout.pdf";
    core::writeFileAtomically(out, "an older handout");
    io::writeHandout(out, sample());
    EXPECT_EQ(core::readFile(out).substr(0, 5), "%PDF-");
    size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++files;
    EXPECT_EQ(files, 1u);
    fs::remove_all(dir);
}

TEST(Handout, AFailedWriteNamesTheFileAndKeepsWhatWasThere) {
    auto dir = freshDir("handout-fail");
    fs::path old = dir / "handout.png";
    core::writeFileAtomically(old, "an older handout");
    // A directory where the file should go: the page renders, the replacement fails, nothing is lost.
    fs::path blocked = dir / "blocked.png";
    fs::create_directories(blocked / "inside");
    try {
        io::writeHandout(blocked, sample());
        FAIL() << "expected a DataError";
    } catch (const core::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("blocked.png"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_directory(blocked / "inside"));
    EXPECT_EQ(core::readFile(old), "an older handout");
    size_t entries = 0; // the old handout and the directory: no temporary file left behind
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++entries;
    EXPECT_EQ(entries, 2u);
    EXPECT_THROW(io::writeHandout(dir / "handout.txt", sample()), core::UsageError);
    EXPECT_EQ(core::readFile(old), "an older handout");
    fs::remove_all(dir);
}
