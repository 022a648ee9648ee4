# Studying a structure: search over the real atlas and body names, the study card against the atlas, the facing
# camera and zoom-to-pointer. Reads MYOATLAS_TEST_DATA (the real body) and fails when it is missing.
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(study_test ${CMAKE_CURRENT_LIST_DIR}/study_test.cpp)
target_link_libraries(study_test PRIVATE myo_scene myo_io GTest::gtest_main)
target_include_directories(study_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(study_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(study_test
  PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
  DISCOVERY_TIMEOUT 60)

# The study feature and the find/info JSON in the program (myo_app), on the real body.
add_executable(study_app_test ${CMAKE_CURRENT_LIST_DIR}/study_app_test.cpp)
target_link_libraries(study_app_test PRIVATE myo_app GTest::gtest_main)
target_include_directories(study_app_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(study_app_test PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(study_app_test
  PROPERTIES LABELS unit ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
  DISCOVERY_TIMEOUT 60)
