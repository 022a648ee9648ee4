// Regressions for numbers and text a user types or feeds in: JSON errors that name the file, line and field,
// checked numbers, lesson cameras that cannot render, and captions too long for ImGui.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/shutdown.h"
#include "core/text_checks.h"
#include "io/settings.h"
#include "scene/lesson.h"

#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <string>
#include <unistd.h>

using namespace myoatlas;

namespace {

std::string lessonWith(const std::string& camera) {
    return R"({"format": "myoatlas-lesson", "version": 1, "title": "t", "steps": [
  {"caption": "one", "view": "anterior"},
  {"caption": "two", "camera": )" +
           camera + "}]}";
}

template <class Fn> std::string errorOf(Fn fn) {
    try {
        fn();
    } catch (const core::Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(JsonErrors, AnOverflowingNumberNamesFileLineAndField) {
    // "unexpected: [json.exception.out_of_range.406] number overflow" named neither file nor place.
    auto text = lessonWith(R"({"target": [0, 1, 0], "distance": 1e400, "yaw": 0, "pitch": 0})");
    auto what = errorOf([&] { (void)scene::parseLesson(text, "lesson.json"); });
    EXPECT_NE(what.find("lesson.json"), std::string::npos) << what;
    EXPECT_NE(what.find("line 3"), std::string::npos) << what;
    EXPECT_NE(what.find("\"distance\""), std::string::npos) << what;

    auto settings = errorOf([] { (void)io::parseSettings("{\n\"ui_scale\": -1e999\n}", "settings.json"); });
    EXPECT_NE(settings.find("settings.json"), std::string::npos) << settings;
    EXPECT_NE(settings.find("line 2"), std::string::npos) << settings;
}

TEST(JsonErrors, LocationFinderCopesWithAnything) {
    EXPECT_EQ(core::jsonErrorLocation("", "number overflow parsing '1e400'"), "");
    EXPECT_EQ(core::jsonErrorLocation("1e400", "number overflow parsing '1e400'"), "line 1");
    EXPECT_EQ(core::jsonErrorLocation("{\"a\":1}", "no quote here"), "");
    EXPECT_EQ(core::jsonErrorLocation("\"", "parsing ''"), "");
    EXPECT_EQ(core::jsonErrorLocation("{\"x\":\n 1e400}", "number overflow parsing '1e400'"), "line 2, field \"x\"");
}

TEST(LessonNumbers, ACameraWithNoFieldOfViewIsRefused) {
    // fov_y 0 rendered a blank picture with exit 0.
    for (const char* fov : {"0", "-1", "3.5"}) {
        auto text = lessonWith(std::string(R"({"target": [0, 1, 0], "distance": 1, "yaw": 0, "pitch": 0, "fov_y": )") +
                               fov + "}");
        auto what = errorOf([&] { (void)scene::parseLesson(text, "lesson.json"); });
        EXPECT_NE(what.find("lesson.json"), std::string::npos) << fov << ": " << what;
        EXPECT_NE(what.find("step 2"), std::string::npos) << what;
        EXPECT_NE(what.find("fov_y"), std::string::npos) << what;
    }
    auto ok = lessonWith(R"({"target": [0, 1, 0], "distance": 1, "yaw": 0, "pitch": 0, "fov_y": 0.6})");
    EXPECT_EQ(scene::parseLesson(ok, "lesson.json").steps.size(), 2u);
}

TEST(CheckedNumbers, NonFiniteAndOutOfRangeAreUsageErrors) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (double bad : {std::nan(""), inf, -inf, 1e308, -5.0}) {
        try {
            core::requireFiniteInRange(bad, 0.0, 86400.0, "--time");
            ADD_FAILURE() << bad << " accepted";
        } catch (const core::UsageError& e) {
            EXPECT_EQ(e.code(), core::ExitCode::Usage);
            EXPECT_NE(std::string(e.what()).find("--time"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(core::requireFiniteInRange(0.8, 0.0, 86400.0, "--time"), 0.8);
}

TEST(DisplayText, A17000CharacterWordIsCutAndBroken) {
    // ImGui asserted on a ~17,000-character caption without spaces (render --caption, lesson captions).
    std::string caption(17000, 'x');
    auto shown = core::sanitizeDisplayText(caption);
    EXPECT_LE(shown.size(), core::kMaxCaptionChars * 2);
    ASSERT_EQ(shown.substr(shown.size() - 3), "...");
    size_t word = 0, longest = 0;
    for (char c : shown.substr(0, shown.size() - 3)) {
        word = (c == ' ' || c == '\n') ? 0 : word + 1;
        longest = std::max(longest, word);
    }
    EXPECT_LE(longest, core::kMaxWordChars);
    EXPECT_EQ(core::sanitizeDisplayText("short caption"), "short caption");
}

TEST(DisplayText, CutsOnACharacterBoundary) {
    std::string text;
    for (int i = 0; i < 3000; ++i)
        text += "\xC3\xA9"; // é
    auto shown = core::sanitizeDisplayText(text, 1000, 1000000);
    EXPECT_EQ(shown.size(), 2000u + 3u);
}

TEST(Shutdown, SigtermSetsTheFlagInsteadOfKilling) {
    // The window saved no settings when ended with SIGINT or SIGTERM: the default action killed it.
    EXPECT_FALSE(core::shutdownRequested());
    core::installShutdownHandlers();
    std::raise(SIGTERM);
    EXPECT_TRUE(core::shutdownRequested());
    EXPECT_EQ(core::shutdownSignal(), SIGTERM);
}

TEST(LessonPainPoints, APointOffTheBodyIsReportedMissingNotThrown) {
    // "geodesic solver: no surface to project onto" named neither the lesson nor the step.
    anatomy::Body body;
    anatomy::Structure st;
    st.fj = "FJ1";
    st.name = "box";
    geometry::Mesh m;
    m.positions = {{0, 0, 0}, {0.5f, 0, 0}, {0, 1.8f, 0}, {0, 0, 0.3f}};
    m.normals.assign(4, {0, 1, 0});
    m.indices = {0, 1, 2, 0, 1, 3, 0, 2, 3, 1, 2, 3};
    body.structures.push_back(st);
    body.meshes.push_back(m);
    body.updateBounds();
    scene::LessonStep step;
    step.view.painPoints = {{0.1f, 1.0f, 0.1f}, {100.0f, 100.0f, 100.0f}};
    auto resolved = scene::resolveStep(step, body, 1.5f);
    ASSERT_EQ(resolved.view.painPoints.size(), 1u);
    ASSERT_EQ(resolved.missing.size(), 1u);
    EXPECT_NE(resolved.missing[0].find("pain point (100"), std::string::npos) << resolved.missing[0];
}

TEST(AtlasIndex, LookupsStayRightWhenTheTablesChange) {
    // validate on a 200,000-record landmarks file did not finish in 5 minutes: every lookup was a scan.
    anatomy::Atlas atlas;
    for (int i = 0; i < 1000; ++i) {
        anatomy::Landmark l;
        l.id = "lm" + std::to_string(i);
        atlas.landmarks.push_back(l);
    }
    atlas.buildIndex();
    ASSERT_NE(atlas.landmark("lm999"), nullptr);
    EXPECT_EQ(atlas.landmark("lm999")->id, "lm999");
    EXPECT_EQ(atlas.landmark("nope"), nullptr);
    // Changed after indexing: never a stale answer.
    std::swap(atlas.landmarks[0], atlas.landmarks[999]);
    ASSERT_NE(atlas.landmark("lm999"), nullptr);
    EXPECT_EQ(atlas.landmark("lm999")->id, "lm999");
    anatomy::Landmark extra;
    extra.id = "late";
    atlas.landmarks.push_back(extra);
    ASSERT_NE(atlas.landmark("late"), nullptr);
    anatomy::Atlas copy = atlas;
    atlas.landmarks.clear();
    ASSERT_NE(copy.landmark("lm5"), nullptr);
    EXPECT_EQ(copy.landmark("lm5"), &copy.landmarks[5]);
}

TEST(JsonErrors, AnOverflowInAnAtlasFileNamesTheFileAndLine) {
    namespace fs = std::filesystem;
    auto dir = fs::temp_directory_path() / ("myoatlas-robust-atlas-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(MYOATLAS_ATLAS_DIR, dir);
    std::string text = core::readFile(dir / "evidence.json");
    auto at = text.find("\"version\": 1");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 12, "\"version\": 1e400");
    std::ofstream(dir / "evidence.json", std::ios::trunc) << text;
    std::vector<anatomy::AtlasIssue> issues;
    (void)anatomy::loadAtlas(dir, issues);
    bool found = false;
    for (const auto& i : issues)
        if (i.file == "evidence.json" && i.message.find("line ") != std::string::npos &&
            i.message.find("\"version\"") != std::string::npos)
            found = true;
    EXPECT_TRUE(found) << (issues.empty() ? std::string("no issue") : issues.front().message);
    fs::remove_all(dir);
}

// What reaches the top of main or the loading thread becomes a message and an exit code; nothing escapes.
TEST(Failure, EveryExceptionBecomesAMessageAndAnExitCode) {
    auto of = [](auto thrown) {
        try {
            throw thrown;
        } catch (...) {
            return core::failureOf(std::current_exception());
        }
    };
    const auto data = of(core::DataError("body.glb", "no meshes"));
    EXPECT_EQ(data.message, "body.glb: no meshes");
    EXPECT_EQ(data.code, core::ExitCode::Data);
    EXPECT_TRUE(data.expected);
    EXPECT_EQ(of(core::UsageError("--size")).code, core::ExitCode::Usage);
    const auto odd = of(std::out_of_range("vector::at"));
    EXPECT_EQ(odd.message, "vector::at");
    EXPECT_EQ(odd.code, core::ExitCode::Failure);
    EXPECT_FALSE(odd.expected);
    const auto unknown = of(42);
    EXPECT_EQ(unknown.code, core::ExitCode::Failure);
    EXPECT_FALSE(unknown.message.empty());
}
