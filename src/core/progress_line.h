#pragma once
// One progress line on a stream: rewritten in place with \r on a terminal, a few plain lines otherwise (a log or
// a pipe gets one line per stage, not hundreds of updates).
#include <ostream>
#include <string>

namespace myoatlas::core {

class ProgressLine {
public:
    ProgressLine(std::ostream& out, bool terminal) : out_(out), terminal_(terminal) {}
    ~ProgressLine() { finish(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // `stage` names what `text` belongs to: off a terminal, only the first text of each stage and its last
    // (`last`: the stage's count is complete) are written.
    void update(int stage, const std::string& text, bool last = false);
    // Ends a line left open on a terminal, so what follows starts on its own line.
    void finish();

private:
    std::ostream& out_;
    bool terminal_;
    bool open_ = false;
    int stage_ = -1;
    bool lastWritten_ = false;
};

// True when standard error is a terminal (and TERM is not "dumb").
[[nodiscard]] bool stderrIsTerminal();

} // namespace myoatlas::core
