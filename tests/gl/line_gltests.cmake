# GL tests of issue 5: Anatomy Trains line overlays and the fascia material (synthetic baselines), and the real body
# with a line (image properties only). Included by tests/CMakeLists.txt.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(line_gltest ${CMAKE_CURRENT_LIST_DIR}/line_gltest.cpp)
target_include_directories(line_gltest PRIVATE ${PROJECT_SOURCE_DIR}/tests ${CMAKE_BINARY_DIR}/tests/support)
target_link_libraries(line_gltest PRIVATE myo_app GTest::gtest_main)
gtest_discover_tests(line_gltest PROPERTIES LABELS gl ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
