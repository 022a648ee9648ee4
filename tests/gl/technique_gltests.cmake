# GL tests of issue 6: technique overlays on a synthetic limb (baseline) and on the real body (image properties only).
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(technique_gltest ${CMAKE_CURRENT_LIST_DIR}/technique_gltest.cpp)
target_include_directories(technique_gltest PRIVATE ${PROJECT_SOURCE_DIR}/tests ${CMAKE_BINARY_DIR}/tests/support)
target_link_libraries(technique_gltest PRIVATE myo_app GTest::gtest_main)
gtest_discover_tests(technique_gltest PROPERTIES LABELS gl ENVIRONMENT "${MYOATLAS_TEST_ENV}" DISCOVERY_TIMEOUT 60)
