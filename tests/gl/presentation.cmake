# Presentation mode (issue 7): the caption bar and overlays rendered by Dear ImGui's OpenGL3 backend on llvmpipe
# over an empty synthetic scene, compared with a PNG baseline. Included by tests/CMakeLists.txt.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(presentation_gltest ${CMAKE_CURRENT_LIST_DIR}/presentation_gltest.cpp)
target_include_directories(presentation_gltest PRIVATE ${PROJECT_SOURCE_DIR}/tests ${CMAKE_BINARY_DIR}/tests/support)
target_link_libraries(presentation_gltest PRIVATE myo_ui myo_platform myo_io PkgConfig::EPOXY GTest::gtest_main)
gtest_discover_tests(presentation_gltest PROPERTIES LABELS gl ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
