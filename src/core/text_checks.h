#pragma once
// Checks on what users type or feed in (numbers, text), shared by the CLI, lesson, settings and JSON readers.
// Std only, so every module and the fuzz harness can use them.
#include <cstddef>
#include <string>
#include <string_view>

namespace myoatlas::core {

// Where a JSON reader's complaint points in `text`: "line N, field \"key\"" for an exception message that quotes
// the offending token ("number overflow parsing '1e400'"), or "" when it cannot be found. nlohmann's range errors
// carry no position, so a message naming only the file would leave the user searching.
[[nodiscard]] std::string jsonErrorLocation(std::string_view text, std::string_view message);

// A number a user typed (CLI option, lesson or settings field): finite and within [lo, hi], or a core::UsageError
// (for options) naming `what` and the allowed range. Returns the value.
double requireFiniteInRange(double value, double lo, double hi, const std::string& what);

// Text headed for ImGui: at most `maxChars` characters (cut on a UTF-8 boundary, with an ellipsis), and no word
// longer than `maxWord` characters (a break is inserted), so that wrapping never runs out of places to break.
inline constexpr size_t kMaxCaptionChars = 2000;
inline constexpr size_t kMaxWordChars = 80;
[[nodiscard]] std::string sanitizeDisplayText(std::string_view text, size_t maxChars = kMaxCaptionChars,
                                              size_t maxWord = kMaxWordChars);

} // namespace myoatlas::core
