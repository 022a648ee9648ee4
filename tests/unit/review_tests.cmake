# The review sheet of one muscle (review subcommand, GL-free part) on the real body. Included by
# tests/CMakeLists.txt; fails without MYOATLAS_TEST_DATA.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(review_app_test ${CMAKE_CURRENT_LIST_DIR}/review_app_test.cpp)
target_link_libraries(review_app_test PRIVATE myo_app GTest::gtest_main)
target_include_directories(review_app_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(review_app_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(review_app_test
  PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
  DISCOVERY_TIMEOUT 60)
