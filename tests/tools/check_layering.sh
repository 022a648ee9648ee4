#!/usr/bin/env bash
# The module layering, checked on what the compiler actually read (Ninja's dependency log), not on what the
# CMake files say: no GL or GLFW header reaches any module but render and platform; no io header reaches render
# or platform (images are passed in as pixels).
# Usage: check_layering.sh BUILD_DIR
set -euo pipefail
build=$1
command -v ninja >/dev/null || { echo "ninja not found (the Ninja generator keeps the dependency log)"; exit 1; }
deps=$(ninja -C "$build" -t deps)
fail=0
check() { # module, forbidden header pattern, why
  local module=$1 pattern=$2 why=$3
  local hits
  hits=$(awk -v m="CMakeFiles/$module.dir/" -v p="$pattern" '
    /^[^ ]/ { obj = $1; inside = index(obj, m) > 0; next }
    inside && $0 ~ p { print obj " <- " $1 }' <<<"$deps" | sort -u)
  local objects
  objects=$(grep -c "CMakeFiles/$module.dir/" <<<"$deps" || true)
  if [ "$objects" -eq 0 ]; then
    echo "FAIL: no objects of $module in the dependency log (build it first)"; fail=1; return
  fi
  if [ -n "$hits" ]; then
    echo "FAIL: $module: $why"; echo "$hits" | head -20; fail=1
  else
    echo "ok: $module ($objects objects): $why"
  fi
}
gl='(/epoxy/|/GLFW/|/GL/|/EGL/|imgui_impl_)'
for m in myo_core myo_geometry myo_anatomy myo_io myo_scene myo_ui myo_app; do
  check "$m" "$gl" "no GL, EGL or GLFW header"
done
for m in myo_render myo_platform; do
  check "$m" '/src/io/' "no io header"
done
exit $fail
