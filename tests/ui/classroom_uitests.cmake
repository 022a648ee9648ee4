# The classroom panels of issue 7 (lesson, quiz, patient) under a headless ImGui context. The lesson panel is
# driven through the lesson feature on the real body (reads MYOATLAS_TEST_DATA); no GL. Included by
# tests/CMakeLists.txt.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(classroom_uitest ${CMAKE_CURRENT_LIST_DIR}/classroom_uitest.cpp)
target_link_libraries(classroom_uitest PRIVATE myo_app GTest::gtest_main)
target_include_directories(classroom_uitest PRIVATE ${PROJECT_SOURCE_DIR}/tests ${CMAKE_BINARY_DIR}/tests/support)
target_compile_definitions(classroom_uitest PRIVATE MYOATLAS_LESSON_DIR="${PROJECT_SOURCE_DIR}/assets/lessons"
                                                   MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(classroom_uitest PROPERTIES LABELS ui ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
