#pragma once
// An injectable clock: the app uses the steady clock, tests drive a manual one.
#include <chrono>

namespace myoatlas::core {

class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since an arbitrary epoch fixed for the clock's lifetime.
    [[nodiscard]] virtual double now() const = 0;
};

class SteadyClock final : public Clock {
public:
    SteadyClock() : start_(std::chrono::steady_clock::now()) {}
    [[nodiscard]] double now() const override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

class ManualClock final : public Clock {
public:
    [[nodiscard]] double now() const override { return t_; }
    void set(double t) { t_ = t; }
    void advance(double dt) { t_ += dt; }

private:
    double t_ = 0.0;
};

} // namespace myoatlas::core
