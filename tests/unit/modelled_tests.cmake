# Muscles modelled from their attachments where the body data has none (masseter, lateral pterygoid), on the real
# body. Included by tests/CMakeLists.txt; fails without MYOATLAS_TEST_DATA.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(modelled_muscles_test ${CMAKE_CURRENT_LIST_DIR}/modelled_muscles_test.cpp)
target_link_libraries(modelled_muscles_test PRIVATE myo_io myo_anatomy GTest::gtest_main)
target_include_directories(modelled_muscles_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(modelled_muscles_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(modelled_muscles_test
  PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
  DISCOVERY_TIMEOUT 60)
