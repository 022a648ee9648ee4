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
