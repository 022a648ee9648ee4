# Studying a muscle in the real window under Xvfb: xdotool types into the study panel's search and presses Enter;
# the log's state dump and Xvfb's screen dump are checked. Included by tests/CMakeLists.txt.
add_test(NAME smoke_study
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/study_smoke.sh $<TARGET_FILE:myoatlas> ${CMAKE_BINARY_DIR}/test-output/study)
set_tests_properties(smoke_study PROPERTIES LABELS smoke ENVIRONMENT "${MYOATLAS_TEST_ENV}" TIMEOUT 600)
