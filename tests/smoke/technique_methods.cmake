# The `technique` subcommand on the real body: every method listed, the JSON of the methods added for the field's
# other methods, the site rule's refusal (exit 3, JSON on stdout, message on stderr) and a headless render of one
# step of each new method. Included by tests/CMakeLists.txt.
add_test(NAME smoke_technique_methods
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/technique_methods_smoke.sh $<TARGET_FILE:myoatlas> $<TARGET_FILE:image_check>
          ${CMAKE_BINARY_DIR}/test-output/technique_methods)
set_tests_properties(smoke_technique_methods PROPERTIES LABELS smoke ENVIRONMENT "${MYOATLAS_TEST_ENV}" TIMEOUT 900)
