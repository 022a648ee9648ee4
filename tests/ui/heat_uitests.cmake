# The trigger point panel of issue 4 under a headless ImGui context (needs the atlas only). Included by
# tests/CMakeLists.txt.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(heat_panel_uitest ${CMAKE_CURRENT_LIST_DIR}/heat_panel_uitest.cpp)
target_link_libraries(heat_panel_uitest PRIVATE myo_ui myo_anatomy GTest::gtest_main)
target_include_directories(heat_panel_uitest PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(heat_panel_uitest PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(heat_panel_uitest PROPERTIES LABELS ui DISCOVERY_TIMEOUT 60)
