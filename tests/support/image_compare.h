#pragma once
// PNG baseline comparison for GL tests. A missing or failing baseline writes NAME-actual.png and NAME-diff.png
// under $MYOATLAS_TEST_OUTPUT and fails; baselines are promoted by hand after looking at them.
#include "io/image_io.h"
#include "test_config.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

namespace myoatlas::test {

inline std::filesystem::path outputDir() {
    auto p = configuredPath("MYOATLAS_TEST_OUTPUT", kConfiguredOutput);
    std::filesystem::create_directories(p);
    return p;
}

inline ::testing::AssertionResult matchesBaseline(const io::Image& actual, const std::string& name, double maxDelta,
                                                  double meanDelta) {
    auto baselinePath = configuredPath("MYOATLAS_BASELINE_DIR", kConfiguredBaselines) / (name + ".png");
    auto actualPath = outputDir() / (name + "-actual.png");
    io::writePng(actualPath, actual);
    if (!std::filesystem::exists(baselinePath))
        return ::testing::AssertionFailure()
               << "no baseline " << baselinePath << "; review " << actualPath << " and copy it there";
    auto baseline = io::readPng(baselinePath);
    if (baseline.width != actual.width || baseline.height != actual.height)
        return ::testing::AssertionFailure() << "size differs from baseline " << baselinePath;
    auto diff = io::compareImages(actual, baseline);
    if (diff.maxDelta > maxDelta || diff.meanDelta > meanDelta) {
        auto diffPath = outputDir() / (name + "-diff.png");
        io::writePng(diffPath, diff.diff);
        return ::testing::AssertionFailure()
               << name << ": max delta " << diff.maxDelta << " (limit " << maxDelta << "), mean " << diff.meanDelta
               << " (limit " << meanDelta << "); see " << actualPath << " and " << diffPath;
    }
    return ::testing::AssertionSuccess() << "max " << diff.maxDelta << " mean " << diff.meanDelta;
}

} // namespace myoatlas::test
