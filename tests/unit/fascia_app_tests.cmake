# Generated fascia layer tests of issue 5 (generation on the real body, cache round trip and rejection). Included by
# tests/CMakeLists.txt; reads MYOATLAS_TEST_DATA and fails without it.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(fascia_app_test ${CMAKE_CURRENT_LIST_DIR}/fascia_app_test.cpp)
target_link_libraries(fascia_app_test PRIVATE myo_io GTest::gtest_main)
target_include_directories(fascia_app_test PRIVATE ${PROJECT_SOURCE_DIR}/tests ${CMAKE_BINARY_DIR}/tests/support)
gtest_discover_tests(fascia_app_test PROPERTIES LABELS unit ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
