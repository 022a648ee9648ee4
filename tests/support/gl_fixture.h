#pragma once
// Base fixture of the GL tier: one EGL surfaceless context on software GL per test suite, GL error checks on.
// No skip: a GL test that cannot get a context fails.
#include "platform/egl_context.h"
#include "render/gl_program.h"
#include "test_config.h"

#include <gtest/gtest.h>

namespace myoatlas::test {

class GlFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        forceSoftwareGl();
        context = new platform::EglContext();
        render::setGlChecks(true);
    }
    static void TearDownTestSuite() {
        delete context;
        context = nullptr;
    }
    static inline platform::EglContext* context = nullptr;
};

} // namespace myoatlas::test
