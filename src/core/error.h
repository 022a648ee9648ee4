#pragma once
// Typed errors thrown at load and init boundaries; main() maps them to exit codes.
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

} // namespace myoatlas::core
