#pragma once
// User settings that persist across runs: window layout, UI scale, theme, panels, last lesson, quiz progress. Stored
// as JSON in $XDG_CONFIG_HOME/myoatlas/settings.json (else ~/.config/myoatlas), written atomically. A corrupt file
// is reported, kept aside as settings.json.corrupt-TIMESTAMP and replaced with defaults.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace myoatlas::io {

struct WindowLayout {
    int x = -1, y = -1; // < 0: let the window manager place it
    int width = 1600, height = 1000;
    bool maximized = false;
    int presentationMonitor = 0; // index into the connected monitors for presentation mode
    [[nodiscard]] bool operator==(const WindowLayout&) const = default;
};

// Per question kind and overall; mistakes are the most recent ones (prompt -> expected), for review.
struct QuizProgress {
    int asked = 0, correct = 0, bestStreak = 0;
    std::map<std::string, std::pair<int, int>> byKind; // kind name -> (asked, correct)
    struct Mistake {
        std::string kind, prompt, given, expected;
        [[nodiscard]] bool operator==(const Mistake&) const = default;
    };
    std::vector<Mistake> recentMistakes; // newest last, at most kMaxMistakes
    static constexpr size_t kMaxMistakes = 50;
    // One answer of a sitting whose best streak is now `bestStreak`; a wrong one joins the mistakes.
    void record(const std::string& kind, bool right, const Mistake& mistake, int sittingBestStreak);
    [[nodiscard]] bool operator==(const QuizProgress&) const = default;
};

struct Settings {
    WindowLayout window;
    float uiScale = 1.0f;
    std::string theme = "dark"; // "dark" | "light" | "high_contrast"
    bool showLayers = true, showBrowser = true, showInfo = true;
    float presentationScale = 2.0f; // text scale in presentation mode
    std::string lastLesson;
    QuizProgress quiz;
    [[nodiscard]] bool operator==(const Settings&) const = default;
};

// $XDG_CONFIG_HOME/myoatlas/settings.json, else $HOME/.config/myoatlas/settings.json.
[[nodiscard]] std::filesystem::path defaultSettingsPath();

// JSON <-> settings. Unknown fields are ignored (newer versions); wrong types throw core::DataError naming the file
// and the field ("settings.json: field ui_scale: expected a number").
[[nodiscard]] Settings parseSettings(const std::string& text, const std::string& file);
[[nodiscard]] std::string settingsToJson(const Settings& settings);

struct SettingsLoad {
    Settings settings;
    std::string problem;               // empty when the file was fine or absent
    std::filesystem::path keptAsideAs; // where a corrupt file was moved
};
// Never throws for a bad file: a missing one gives defaults, a corrupt one is moved aside and reported.
[[nodiscard]] SettingsLoad loadSettings(const std::filesystem::path& path);
void saveSettings(const std::filesystem::path& path, const Settings& settings); // atomic; throws core::DataError

} // namespace myoatlas::io
