#pragma once
#include <chrono>

namespace myoatlas::core {

// Wall-clock stopwatch for load-time and benchmark figures.
class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    [[nodiscard]] double millis() const { return seconds() * 1000.0; }
    void reset() { start_ = std::chrono::steady_clock::now(); }

private:
    std::chrono::steady_clock::time_point start_;
};

} // namespace myoatlas::core

namespace myoatlas::core {

// Seconds since this process was started (exec, before the dynamic linker), from /proc on Linux: what a person who
// launched the program has waited. Resolution: the kernel's clock tick (10 ms). Negative where it cannot be read.
[[nodiscard]] double secondsSinceLaunch();

} // namespace myoatlas::core
