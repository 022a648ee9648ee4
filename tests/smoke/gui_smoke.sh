#!/usr/bin/env bash
# The real program in a real window under Xvfb: start, render frames, screenshot, exit 0.
set -euo pipefail
exe=$1
check=$2
out=$3
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run not found (apt-get install xvfb xauth)"; exit 1; }
rm -f "$out/gui_smoke.png"
LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe xvfb-run -a -s "-screen 0 1400x900x24" \
  "$exe" --frames 8 --screenshot "$out/gui_smoke.png" --window-size 1280x800 --view posterior
"$check" "$out/gui_smoke.png" 1280 800
echo "smoke: window opened, frames rendered, screenshot at $out/gui_smoke.png"
