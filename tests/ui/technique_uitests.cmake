# Technique panel tests of issue 6 under a headless ImGui context (atlas only, no body, no GL).
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(technique_uitest ${CMAKE_CURRENT_LIST_DIR}/technique_uitest.cpp)
target_link_libraries(technique_uitest PRIVATE myo_ui GTest::gtest_main)
target_compile_definitions(technique_uitest PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(technique_uitest PROPERTIES LABELS ui DISCOVERY_TIMEOUT 60)
