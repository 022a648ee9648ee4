#pragma once
// Minimal leveled logging to stderr. Tests can raise the threshold to keep output quiet.
#include <string_view>

namespace myoatlas::core {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

void setLogLevel(LogLevel level);
[[nodiscard]] LogLevel logLevel();
void log(LogLevel level, std::string_view message);
// While a progress line is rewritten in place on stderr (core::ProgressLine), messages clear it before they print.
void setProgressLineOpen(bool open);

inline void logDebug(std::string_view m) {
    log(LogLevel::Debug, m);
}
inline void logInfo(std::string_view m) {
    log(LogLevel::Info, m);
}
inline void logWarn(std::string_view m) {
    log(LogLevel::Warn, m);
}
inline void logError(std::string_view m) {
    log(LogLevel::Error, m);
}

} // namespace myoatlas::core
