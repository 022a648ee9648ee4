#pragma once
// The real BodyParts3D body for tests, loaded once per test process through the production loader.
// MYOATLAS_TEST_DATA names the data directory; a missing directory fails the test (never skips).
#include "anatomy/body.h"
#include "io/body_loader.h"
#include "test_config.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <stdexcept>

namespace myoatlas::test {

inline std::filesystem::path testDataDir() {
    auto dir = configuredPath("MYOATLAS_TEST_DATA", kConfiguredData);
    if (!std::filesystem::exists(dir / "manifest.csv"))
        throw std::runtime_error("the tests need the BodyParts3D body: no manifest.csv in " + dir.string() +
                                 " (set MYOATLAS_TEST_DATA)");
    return dir;
}

inline std::filesystem::path testCacheDir() {
    return configuredPath("MYOATLAS_TEST_CACHE", kConfiguredCache);
}

inline const anatomy::Body& testBody() {
    static const anatomy::Body body = [] {
        io::LoadOptions options;
        options.dataDir = testDataDir();
        options.cacheDir = testCacheDir();
        return io::loadBody(options);
    }();
    return body;
}

} // namespace myoatlas::test
