# Referred-pain heat unit tests of issue 4 (geodesic distance, heat field, suspects, colormaps). Included by
# tests/CMakeLists.txt. The real-data tests read MYOATLAS_TEST_DATA and fail when it is missing.
find_package(GTest REQUIRED)
include(GoogleTest)
foreach(_name IN ITEMS geodesic heat_field suspects colormap)
  add_executable(${_name}_test ${CMAKE_CURRENT_LIST_DIR}/${_name}_test.cpp)
  target_link_libraries(${_name}_test PRIVATE myo_scene myo_geometry assimp::assimp GTest::gtest_main)
  target_include_directories(${_name}_test PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  gtest_discover_tests(${_name}_test
    PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR}"
    DISCOVERY_TIMEOUT 60)
endforeach()
