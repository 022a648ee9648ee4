# Geometry unit tests of issue 5 (tubes, polylines, muscle axes, line paths, fascia shells). Included by
# tests/CMakeLists.txt. The real-data tests read MYOATLAS_TEST_DATA and fail when it is missing.
find_package(GTest REQUIRED)
include(GoogleTest)
foreach(_name IN ITEMS polyline tube_builder muscle_axis surface_route line_path fascia_shell frustum)
  add_executable(${_name}_test ${CMAKE_CURRENT_LIST_DIR}/${_name}_test.cpp)
  target_link_libraries(${_name}_test PRIVATE myo_geometry assimp::assimp GTest::gtest_main)
  gtest_discover_tests(${_name}_test
    PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR}"
    DISCOVERY_TIMEOUT 60)
endforeach()
