#pragma once
// Typed errors thrown at load and init boundaries; main() maps them to exit codes.
#include <exception>
#include <stdexcept>
#include <string>

namespace myoatlas::core {

enum class ExitCode : int { Ok = 0, Failure = 1, Usage = 2, Data = 3, Gpu = 4, Validation = 5 };

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what, ExitCode code = ExitCode::Failure)
        : std::runtime_error(what), code_(code) {}
    [[nodiscard]] ExitCode code() const noexcept { return code_; }

private:
    ExitCode code_;
};

// Bad or missing input data: always names the file (and, where known, the record and field).
class DataError : public Error {
public:
    DataError(std::string file, const std::string& problem)
        : Error(file + ": " + problem, ExitCode::Data), file_(std::move(file)) {}
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
};

class UsageError : public Error {
public:
    explicit UsageError(const std::string& what) : Error(what, ExitCode::Usage) {}
};

// No usable GL context, a shader that does not compile, a framebuffer that is incomplete.
class GpuError : public Error {
public:
    explicit GpuError(const std::string& what) : Error(what, ExitCode::Gpu) {}
};

// What an exception caught at a boundary (main, the loading thread) comes to: its message and exit code. Core errors
// carry theirs; anything else is an unexpected failure (`expected` false: the log says so).
struct Failure {
    std::string message;
    ExitCode code = ExitCode::Failure;
    bool expected = true;
};
[[nodiscard]] inline Failure failureOf(const std::exception_ptr& caught) {
    try {
        std::rethrow_exception(caught);
    } catch (const Error& e) {
        return {e.what(), e.code(), true};
    } catch (const std::exception& e) {
        return {e.what(), ExitCode::Failure, false};
    } catch (...) {
        return {"an unknown error", ExitCode::Failure, false};
    }
}

} // namespace myoatlas::core
