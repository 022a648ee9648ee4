#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace myoatlas::core {
namespace {
std::atomic<LogLevel> gLevel{LogLevel::Info};
std::atomic<bool> gProgressLineOpen{false};
std::mutex gMutex;
constexpr const char* kPrefix[] = {"debug", "info", "warning", "error"};
} // namespace

void setLogLevel(LogLevel level) {
    gLevel = level;
}
LogLevel logLevel() {
    return gLevel;
}
void setProgressLineOpen(bool open) {
    gProgressLineOpen = open;
}

void log(LogLevel level, std::string_view message) {
    if (level < gLevel.load() || level == LogLevel::Off)
        return;
    std::lock_guard lock(gMutex);
    // A progress line being rewritten on the terminal is cleared first; its next update writes it again below.
    if (gProgressLineOpen)
        std::fputs("\r\x1b[K", stderr);
    std::fprintf(stderr, "myoatlas: %s: %.*s\n", kPrefix[static_cast<int>(level)], static_cast<int>(message.size()),
                 message.data());
}

} // namespace myoatlas::core
