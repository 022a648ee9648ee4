// Settings: round trip, atomic save, defaults when absent, corrupt files reported and kept aside.
#include "core/atomic_file.h"
#include "core/error.h"
#include "io/settings.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("myoatlas-settings-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

io::Settings custom() {
    io::Settings s;
    s.window = {10, 20, 1280, 720, true, 1};
    s.uiScale = 1.5f;
    s.theme = "high_contrast";
    s.showBrowser = false;
    s.presentationScale = 2.5f;
    s.lastLesson = "/home/t/neck.json";
    s.quiz.asked = 12;
    s.quiz.correct = 9;
    s.quiz.bestStreak = 5;
    s.quiz.byKind["name_muscle"] = {8, 7};
    s.quiz.recentMistakes.push_back({"muscle_line", "Which line?", "SFL", "Superficial Back Line"});
    return s;
}

} // namespace

TEST(Settings, PathFollowsXdgConfigHome) {
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(io::defaultSettingsPath(), fs::path("/tmp/xdg-test/myoatlas/settings.json"));
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(io::defaultSettingsPath(), fs::path("/home/someone/.config/myoatlas/settings.json"));
}

TEST(Settings, RoundTripThroughAFile) {
    auto path = freshDir("rt") / "myoatlas" / "settings.json";
    io::saveSettings(path, custom());
    auto loaded = io::loadSettings(path);
    EXPECT_TRUE(loaded.problem.empty()) << loaded.problem;
    EXPECT_EQ(loaded.settings, custom());
}

TEST(Settings, MissingFileGivesDefaultsQuietly) {
    auto loaded = io::loadSettings(freshDir("missing") / "settings.json");
    EXPECT_TRUE(loaded.problem.empty());
    EXPECT_EQ(loaded.settings, io::Settings{});
}

TEST(Settings, CorruptFileIsReportedKeptAsideAndReplacedWithDefaults) {
    auto dir = freshDir("corrupt");
    auto path = dir / "settings.json";
    core::writeFileAtomically(path, "{\"ui_scale\": 1.2, \"window\": {\"width\": 80");
    auto loaded = io::loadSettings(path);
    EXPECT_NE(loaded.problem.find(path.string()), std::string::npos) << loaded.problem;
    EXPECT_NE(loaded.problem.find("not valid JSON"), std::string::npos) << loaded.problem;
    EXPECT_EQ(loaded.settings, io::Settings{});
    EXPECT_FALSE(fs::exists(path));
    ASSERT_FALSE(loaded.keptAsideAs.empty());
    EXPECT_TRUE(fs::exists(loaded.keptAsideAs));
    EXPECT_NE(loaded.keptAsideAs.filename().string().find("settings.json.corrupt-"), std::string::npos);
    EXPECT_EQ(core::readFile(loaded.keptAsideAs), "{\"ui_scale\": 1.2, \"window\": {\"width\": 80");
    // Saving again writes a fresh file beside the kept one.
    io::saveSettings(path, loaded.settings);
    EXPECT_EQ(io::loadSettings(path).settings, io::Settings{});
}

TEST(Settings, WrongTypesAndRangesNameTheField) {
    auto errorOf = [](const std::string& text) -> std::string {
        try {
            (void)io::parseSettings(text, "settings.json");
        } catch (const core::DataError& e) {
            return e.what();
        }
        return "(no error)";
    };
    EXPECT_EQ(errorOf(R"({"ui_scale": "big"})"), "settings.json: field ui_scale: expected a number, got string");
    EXPECT_NE(errorOf(R"({"ui_scale": 40})").find("field ui_scale: must be between"), std::string::npos);
    EXPECT_NE(errorOf(R"({"theme": "neon"})").find("field theme"), std::string::npos);
    EXPECT_NE(errorOf(R"({"window": {"width": "wide"}})").find("field window.width"), std::string::npos);
    EXPECT_NE(errorOf(R"({"quiz": {"asked": 1, "correct": 5}})").find("field quiz.correct"), std::string::npos);
    EXPECT_NE(errorOf(R"({"quiz": {"mistakes": [{"prompt": 3}]}})").find("field quiz.mistakes[0].prompt"),
              std::string::npos);
    // Unknown fields (a newer version's) are ignored.
    EXPECT_EQ(errorOf(R"({"future_option": true})"), "(no error)");
}

TEST(Settings, TypeErrorInAFileIsAlsoKeptAside) {
    auto dir = freshDir("type");
    auto path = dir / "settings.json";
    core::writeFileAtomically(path, R"({"ui_scale": "huge"})");
    auto loaded = io::loadSettings(path);
    EXPECT_NE(loaded.problem.find("field ui_scale"), std::string::npos) << loaded.problem;
    EXPECT_TRUE(fs::exists(loaded.keptAsideAs));
}

TEST(QuizProgress, RecordsAnswersByKindAndKeepsTheLatestMistakes) {
    io::QuizProgress p;
    p.record("name_muscle", true, {"name_muscle", "q0", "soleus", "soleus"}, 1);
    p.record("muscle_line", false, {"muscle_line", "q1", "SFL", "SBL"}, 1);
    EXPECT_EQ(p.asked, 2);
    EXPECT_EQ(p.correct, 1);
    EXPECT_EQ(p.byKind["name_muscle"], std::make_pair(1, 1));
    EXPECT_EQ(p.byKind["muscle_line"], std::make_pair(1, 0));
    ASSERT_EQ(p.recentMistakes.size(), 1u);
    EXPECT_EQ(p.recentMistakes[0].expected, "SBL");
    p.bestStreak = 4; // from an earlier sitting: a shorter streak now does not lower it
    p.record("name_muscle", true, {}, 2);
    EXPECT_EQ(p.bestStreak, 4);
    const size_t many = io::QuizProgress::kMaxMistakes + 5;
    for (size_t i = 0; i < many; ++i)
        p.record("name_muscle", false, {"name_muscle", std::to_string(i), "x", "y"}, 0);
    EXPECT_EQ(p.recentMistakes.size(), io::QuizProgress::kMaxMistakes);
    EXPECT_EQ(p.recentMistakes.back().prompt, std::to_string(many - 1));
}
