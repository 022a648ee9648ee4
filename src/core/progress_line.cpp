#include "core/progress_line.h"

#include "core/log.h"

#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace myoatlas::core {

void ProgressLine::update(int stage, const std::string& text, bool last) {
    const bool newStage = stage != stage_;
    if (newStage) {
        stage_ = stage;
        lastWritten_ = false;
    }
    if (terminal_) {
        // \x1b[K clears what a longer earlier text left on the line.
        out_ << '\r' << text << "\x1b[K" << std::flush;
        open_ = true;
        setProgressLineOpen(true);
        return;
    }
    if ((newStage && !last) || (last && !lastWritten_)) {
        out_ << text << '\n' << std::flush;
        lastWritten_ = last;
    }
}

void ProgressLine::finish() {
    if (open_) {
        out_ << '\n' << std::flush;
        setProgressLineOpen(false);
    }
    open_ = false;
}

bool stderrIsTerminal() {
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) == 1 && !(term && std::strcmp(term, "dumb") == 0);
}

} // namespace myoatlas::core
