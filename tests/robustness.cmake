# Bad input: regressions for every defect the careless-user sweep found, the peer corpus tier and the fuzz harness.
# Included by tests/CMakeLists.txt.
myo_add_test(robustness_test LABEL unit LIBS myo_scene myo_io
  SOURCES unit/robustness_io_test.cpp unit/robustness_checks_test.cpp)
target_compile_definitions(robustness_test PRIVATE MYOATLAS_CORPUS_DIR="${CMAKE_CURRENT_SOURCE_DIR}/corpus")

# One loader call per file: what the peer corpus tier and the bad-input regressions run.
add_executable(mesh_probe tools/mesh_probe.cpp)
target_link_libraries(mesh_probe PRIVATE myo_io)

# Peer corpus: every model file of Debian's assimp-testmodels loads or is refused with its name; no crash, no file
# over 30 s or 2 GB. Skipped (not failed) only where the package is absent: scripts/setup installs it.
add_test(NAME peer_corpus_assimp_testmodels
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/corpus/peer_corpus.sh $<TARGET_FILE:mesh_probe> /usr/share/assimp/models
          ${CMAKE_BINARY_DIR}/test-output/peer-corpus)
set_tests_properties(peer_corpus_assimp_testmodels PROPERTIES LABELS corpus SKIP_RETURN_CODE 77 TIMEOUT 1500)

# The command line's own bad input: exit codes and messages of the real program (no GL needed for these).
myo_add_script_test(cli_bad_input LABEL smoke
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/smoke/bad_input.sh $<TARGET_FILE:myoatlas> ${CMAKE_BINARY_DIR}/test-output/bad-input)

# Seeded random-mutation fuzzing of the manifest, mesh, atlas, lesson, settings and cache readers. The normal tiers
# replay the corpus (seeds and past crashes); `scripts/test --sanitize` fuzzes for a bounded time under ASan+UBSan.
add_executable(fuzz_readers fuzz/fuzz_readers.cpp)
target_link_libraries(fuzz_readers PRIVATE myo_scene myo_io)
target_compile_definitions(fuzz_readers PRIVATE MYOATLAS_ATLAS_DIR="${PROJECT_SOURCE_DIR}/assets/atlas"
  MYOATLAS_LESSON_DIR="${PROJECT_SOURCE_DIR}/assets/lessons")
add_test(NAME fuzz_corpus_replay
  COMMAND fuzz_readers --replay ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus --crash-dir ${CMAKE_BINARY_DIR}/test-output/fuzz)
set_tests_properties(fuzz_corpus_replay PROPERTIES LABELS unit)

# Settings saved when the window is ended by SIGTERM or SIGINT.
add_test(NAME smoke_signal_settings COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/smoke/signal_settings.sh $<TARGET_FILE:myoatlas>
         ${CMAKE_BINARY_DIR}/test-output/signals)
set_tests_properties(smoke_signal_settings PROPERTIES LABELS smoke ENVIRONMENT "${MYOATLAS_TEST_ENV}" TIMEOUT 300)

# Long text reaching ImGui (headless ImGui context, no GL).
myo_add_test(robustness_uitest LABEL ui LIBS myo_ui SOURCES ui/robustness_uitest.cpp)
