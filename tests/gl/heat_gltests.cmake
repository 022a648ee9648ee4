# Referred-pain heat through the real GL path (issue 4): synthetic baselines, real-body image properties.
# Included by tests/CMakeLists.txt.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(heat_gltest ${CMAKE_CURRENT_LIST_DIR}/heat_gltest.cpp)
target_link_libraries(heat_gltest PRIVATE myo_app GTest::gtest_main)
target_include_directories(heat_gltest PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(heat_gltest PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(heat_gltest PROPERTIES LABELS gl ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
