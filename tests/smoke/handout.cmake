# Patient handouts (issue 7): `myoatlas handout` writes a PDF and a PNG for a trigger point; pdftoppm must read
# the PDF, pdftotext must find the attribution. Included by tests/CMakeLists.txt.
add_test(NAME smoke_handout
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/handout_smoke.sh $<TARGET_FILE:myoatlas> ${CMAKE_BINARY_DIR}/test-output/handout)
set_tests_properties(smoke_handout PROPERTIES LABELS smoke ENVIRONMENT "${MYOATLAS_TEST_ENV}" TIMEOUT 600)
