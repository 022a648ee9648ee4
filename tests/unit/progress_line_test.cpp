// The stderr progress line: rewritten in place on a terminal, a few plain lines in a log.
#include "core/progress_line.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace myoatlas;

TEST(ProgressLine, APipeGetsTheFirstAndLastLineOfEachStage) {
    std::ostringstream out;
    {
        core::ProgressLine line(out, false);
        for (int i = 0; i <= 5; ++i)
            line.update(1, "Loading the body: " + std::to_string(i) + " of 5 structures", i == 5);
        line.update(2, "Building the fascia layer...");
        line.update(2, "Building the fascia layer...");
    }
    EXPECT_EQ(out.str(), "Loading the body: 0 of 5 structures\nLoading the body: 5 of 5 structures\n"
                         "Building the fascia layer...\n");
}

TEST(ProgressLine, ATerminalGetsOneLineRewritten) {
    std::ostringstream out;
    {
        core::ProgressLine line(out, true);
        line.update(1, "a 1", false);
        line.update(1, "a 2", true);
    }
    EXPECT_EQ(out.str(), "\ra 1\x1b[K\ra 2\x1b[K\n");
}
