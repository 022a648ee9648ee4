# Lessons, atomic writes, settings, quiz and handout unit tests of issue 7. Included by tests/CMakeLists.txt. GL-free; the
# quiz test reads the atlas (no body).
find_package(GTest REQUIRED)
include(GoogleTest)
foreach(_name IN ITEMS atomic_file lesson settings quiz handout)
  add_executable(${_name}_test ${CMAKE_CURRENT_LIST_DIR}/${_name}_test.cpp)
  target_link_libraries(${_name}_test PRIVATE myo_scene myo_io GTest::gtest_main)
  target_include_directories(${_name}_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${_name}_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas"
    MYOATLAS_LESSON_DIR="${PROJECT_SOURCE_DIR}/assets/lessons")
  gtest_discover_tests(${_name}_test PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
endforeach()
