# Anatomy Trains line feature tests of issue 5 (paths on the real body through the atlas). Included by
# tests/CMakeLists.txt; reads MYOATLAS_TEST_DATA and fails without it. GL-free, although it links the app library.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(line_app_test ${CMAKE_CURRENT_LIST_DIR}/line_app_test.cpp)
target_link_libraries(line_app_test PRIVATE myo_app GTest::gtest_main)
target_include_directories(line_app_test PRIVATE ${PROJECT_SOURCE_DIR}/tests ${CMAKE_BINARY_DIR}/tests/support)
gtest_discover_tests(line_app_test PROPERTIES LABELS unit ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
