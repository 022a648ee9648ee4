# The study panel and the structure browser's shared search under a headless ImGui context (real atlas and body).
find_package(GTest REQUIRED)
include(GoogleTest)
add_executable(study_uitest ${CMAKE_CURRENT_LIST_DIR}/study_uitest.cpp)
target_link_libraries(study_uitest PRIVATE myo_ui myo_io GTest::gtest_main)
target_include_directories(study_uitest PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(study_uitest PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas")
gtest_discover_tests(study_uitest
  PROPERTIES LABELS ui ENVIRONMENT "MYOATLAS_TEST_DATA=${MYOATLAS_DEFAULT_DATA_DIR};MYOATLAS_TEST_CACHE=${CMAKE_BINARY_DIR}/test-cache"
  DISCOVERY_TIMEOUT 60)
