#!/usr/bin/env bash
# Presentation mode in the real window under Xvfb: start with --presentation playing a lesson, render
# frames, screenshot, exit 0. The screenshot must be full screen (the Xvfb screen), not the window size asked for.
# Usage: presentation_smoke.sh MYOATLAS IMAGE_CHECK LESSON OUTDIR
set -euo pipefail
exe=$1
check=$2
lesson=$3
out=$4
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run not found (apt-get install xvfb xauth)"; exit 1; }
png="$out/presentation_smoke.png"
rm -f "$png"
LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe xvfb-run -a -s "-screen 0 1400x900x24" \
  "$exe" --presentation --lesson "$lesson" --frames 8 --screenshot "$png" --window-size 1000x700 2>&1 |
  tee "$out/presentation_smoke.log"
[ -s "$png" ] || { echo "FAIL: no screenshot"; exit 1; }
# Full screen on the 1400x900 Xvfb screen: larger than the 1000x700 window.
"$check" "$png" 1400 900
echo "smoke: presentation mode full screen with a lesson, screenshot at $png"
