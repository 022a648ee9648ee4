# Presentation mode (issue 7) in a real window under Xvfb: `myoatlas --presentation --lesson FILE` goes full screen
# and renders; the screenshot is checked with image_check. Included by tests/CMakeLists.txt.
add_test(NAME smoke_presentation
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/presentation_smoke.sh $<TARGET_FILE:myoatlas> $<TARGET_FILE:image_check>
          ${PROJECT_SOURCE_DIR}/assets/lessons/neck_pain_upper_trapezius.json
          ${CMAKE_BINARY_DIR}/test-output/presentation)
set_tests_properties(smoke_presentation PROPERTIES LABELS smoke ENVIRONMENT "${MYOATLAS_TEST_ENV}" TIMEOUT 600)
