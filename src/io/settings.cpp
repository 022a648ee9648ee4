#include "io/settings.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text_checks.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

namespace myoatlas::io {
namespace {

using nlohmann::json;

struct Reader {
    std::string file;
    [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
        throw core::DataError(file, "field " + field + ": " + problem);
    }
    const json* get(const json& obj, const char* key, const std::string& prefix) const {
        (void)prefix;
        return obj.contains(key) ? &obj.at(key) : nullptr;
    }
    void num(const json& obj, const char* key, const std::string& prefix, float& out, float lo, float hi) const {
        if (auto* v = get(obj, key, prefix)) {
            if (!v->is_number())
                fail(prefix + key, std::string("expected a number, got ") + v->type_name());
            float f = v->get<float>();
            if (!std::isfinite(f) || f < lo || f > hi)
                fail(prefix + key, "must be between " + json(lo).dump() + " and " + json(hi).dump());
            out = f;
        }
    }
    void integer(const json& obj, const char* key, const std::string& prefix, int& out) const {
        if (auto* v = get(obj, key, prefix)) {
            if (!v->is_number_integer())
                fail(prefix + key, std::string("expected a whole number, got ") + v->type_name());
            out = v->get<int>();
        }
    }
    void boolean(const json& obj, const char* key, const std::string& prefix, bool& out) const {
        if (auto* v = get(obj, key, prefix)) {
            if (!v->is_boolean())
                fail(prefix + key, std::string("expected true or false, got ") + v->type_name());
            out = v->get<bool>();
        }
    }
    void string(const json& obj, const char* key, const std::string& prefix, std::string& out) const {
        if (auto* v = get(obj, key, prefix)) {
            if (!v->is_string())
                fail(prefix + key, std::string("expected a string, got ") + v->type_name());
            out = v->get<std::string>();
        }
    }
    const json* object(const json& obj, const char* key, const std::string& prefix) const {
        auto* v = get(obj, key, prefix);
        if (v && !v->is_object())
            fail(prefix + key, std::string("expected an object, got ") + v->type_name());
        return v;
    }
};

std::string timestamp() {
    auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

} // namespace

void QuizProgress::record(const std::string& kind, bool right, const Mistake& mistake, int sittingBestStreak) {
    ++asked;
    auto& k = byKind[kind];
    ++k.first;
    if (right) {
        ++correct;
        ++k.second;
    } else {
        recentMistakes.push_back(mistake);
        if (recentMistakes.size() > kMaxMistakes)
            recentMistakes.erase(recentMistakes.begin());
    }
    bestStreak = std::max(bestStreak, sittingBestStreak);
}

std::filesystem::path defaultSettingsPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    std::filesystem::path base;
    if (xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".config";
    else
        base = std::filesystem::temp_directory_path();
    return base / "myoatlas" / "settings.json";
}

Settings parseSettings(const std::string& text, const std::string& file) {
    Reader r{file};
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        std::string where = core::jsonErrorLocation(text, e.what());
        throw core::DataError(file, (where.empty() ? "" : where + ": ") + "not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object())
        throw core::DataError(file, "expected a JSON object");
    Settings s;
    if (auto* w = r.object(j, "window", "")) {
        r.integer(*w, "x", "window.", s.window.x);
        r.integer(*w, "y", "window.", s.window.y);
        r.integer(*w, "width", "window.", s.window.width);
        r.integer(*w, "height", "window.", s.window.height);
        if (s.window.width < 200 || s.window.height < 150 || s.window.width > 16384 || s.window.height > 16384)
            r.fail("window.width/height", "window size out of range");
        r.boolean(*w, "maximized", "window.", s.window.maximized);
        r.integer(*w, "presentation_monitor", "window.", s.window.presentationMonitor);
    }
    r.num(j, "ui_scale", "", s.uiScale, 0.5f, 4.0f);
    r.string(j, "theme", "", s.theme);
    if (s.theme != "dark" && s.theme != "light" && s.theme != "high_contrast")
        r.fail("theme", "must be dark, light or high_contrast (got '" + s.theme + "')");
    if (auto* p = r.object(j, "panels", "")) {
        r.boolean(*p, "layers", "panels.", s.showLayers);
        r.boolean(*p, "browser", "panels.", s.showBrowser);
        r.boolean(*p, "info", "panels.", s.showInfo);
    }
    r.num(j, "presentation_scale", "", s.presentationScale, 1.0f, 5.0f);
    r.string(j, "last_lesson", "", s.lastLesson);
    if (auto* q = r.object(j, "quiz", "")) {
        r.integer(*q, "asked", "quiz.", s.quiz.asked);
        r.integer(*q, "correct", "quiz.", s.quiz.correct);
        r.integer(*q, "best_streak", "quiz.", s.quiz.bestStreak);
        if (s.quiz.asked < 0 || s.quiz.correct < 0 || s.quiz.correct > s.quiz.asked)
            r.fail("quiz.correct", "must be between 0 and quiz.asked");
        if (auto* k = r.object(*q, "by_kind", "quiz.")) {
            for (auto it = k->begin(); it != k->end(); ++it) {
                std::string f = "quiz.by_kind." + it.key();
                if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() ||
                    !(*it)[1].is_number_integer())
                    r.fail(f, "expected [asked, correct]");
                s.quiz.byKind[it.key()] = {(*it)[0].get<int>(), (*it)[1].get<int>()};
            }
        }
        if (q->contains("mistakes")) {
            const auto& m = (*q)["mistakes"];
            if (!m.is_array())
                r.fail("quiz.mistakes", "expected a list");
            for (size_t i = 0; i < m.size(); ++i) {
                std::string f = "quiz.mistakes[" + std::to_string(i) + "].";
                if (!m[i].is_object())
                    r.fail(f.substr(0, f.size() - 1), "expected an object");
                QuizProgress::Mistake mk;
                r.string(m[i], "kind", f, mk.kind);
                r.string(m[i], "prompt", f, mk.prompt);
                r.string(m[i], "given", f, mk.given);
                r.string(m[i], "expected", f, mk.expected);
                s.quiz.recentMistakes.push_back(mk);
            }
        }
    }
    return s;
}

std::string settingsToJson(const Settings& s) {
    json j;
    j["window"] = {{"x", s.window.x},
                   {"y", s.window.y},
                   {"width", s.window.width},
                   {"height", s.window.height},
                   {"maximized", s.window.maximized},
                   {"presentation_monitor", s.window.presentationMonitor}};
    j["ui_scale"] = s.uiScale;
    j["theme"] = s.theme;
    j["panels"] = {{"layers", s.showLayers}, {"browser", s.showBrowser}, {"info", s.showInfo}};
    j["presentation_scale"] = s.presentationScale;
    j["last_lesson"] = s.lastLesson;
    json byKind = json::object();
    for (const auto& [k, v] : s.quiz.byKind)
        byKind[k] = {v.first, v.second};
    json mistakes = json::array();
    for (const auto& m : s.quiz.recentMistakes)
        mistakes.push_back({{"kind", m.kind}, {"prompt", m.prompt}, {"given", m.given}, {"expected", m.expected}});
    j["quiz"] = {{"asked", s.quiz.asked},
                 {"correct", s.quiz.correct},
                 {"best_streak", s.quiz.bestStreak},
                 {"by_kind", byKind},
                 {"mistakes", mistakes}};
    return j.dump(2) + "\n";
}

SettingsLoad loadSettings(const std::filesystem::path& path) {
    SettingsLoad out;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return out;
    try {
        out.settings = parseSettings(core::readFile(path), path.string());
    } catch (const core::DataError& e) {
        out.settings = Settings{};
        out.keptAsideAs = path;
        out.keptAsideAs += ".corrupt-" + timestamp();
        std::filesystem::rename(path, out.keptAsideAs, ec);
        out.problem = std::string(e.what()) + (ec ? "; could not move it aside: " + ec.message()
                                                  : "; kept as " + out.keptAsideAs.string() + ", using defaults");
        if (ec)
            out.keptAsideAs.clear();
    }
    return out;
}

void saveSettings(const std::filesystem::path& path, const Settings& settings) {
    core::writeFileAtomically(path, settingsToJson(settings));
}

} // namespace myoatlas::io
