# Atlas unit tests of issue 3 (loading and validating assets/atlas, resolution on the real body). Included by
# tests/CMakeLists.txt. atlas_load_test needs no body; atlas_body_test reads MYOATLAS_TEST_DATA and fails without it.
find_package(GTest REQUIRED)
include(GoogleTest)
foreach(_name IN ITEMS atlas_load atlas_body atlas_landmark)
  add_executable(${_name}_test ${CMAKE_CURRENT_LIST_DIR}/${_name}_test.cpp)
  target_link_libraries(${_name}_test PRIVATE myo_anatomy GTest::gtest_main)
  target_include_directories(${_name}_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${_name}_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
  gtest_discover_tests(${_name}_test
    PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
    DISCOVERY_TIMEOUT 60)
endforeach()
target_link_libraries(atlas_body_test PRIVATE myo_io)
target_link_libraries(atlas_landmark_test PRIVATE myo_io)
