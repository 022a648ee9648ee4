# Technique player unit tests of issue 6 (timer on an injected clock, safety gating, resolution of every technique
# on the real body). Included by tests/CMakeLists.txt; reads MYOATLAS_TEST_DATA and fails when it is missing.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(technique_player_test ${CMAKE_CURRENT_LIST_DIR}/technique_player_test.cpp)
target_link_libraries(technique_player_test PRIVATE myo_scene myo_io GTest::gtest_main)
target_include_directories(technique_player_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(technique_player_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(technique_player_test
  PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
  DISCOVERY_TIMEOUT 60)

# The endangerment-site rule as a table (every technique x every site), body-free.
add_executable(contact_safety_test ${CMAKE_CURRENT_LIST_DIR}/contact_safety_test.cpp)
target_link_libraries(contact_safety_test PRIVATE myo_anatomy GTest::gtest_main)
target_compile_definitions(contact_safety_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(contact_safety_test PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
