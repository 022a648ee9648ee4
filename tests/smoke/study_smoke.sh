#!/usr/bin/env bash
# Studying a muscle in the real window under Xvfb: click the study panel's search box, type "glute med" with
# xdotool, press Enter; the log's state dump must show the card of gluteus medius and the camera landing with it in
# view, and the screen (Xvfb's own dump, converted to PNG) must show the card's text in the panel.
# Usage: study_smoke.sh MYOATLAS OUTDIR
set -euo pipefail
exe=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "FAIL: xvfb-run not found (apt-get install xvfb xauth)"; exit 1; }
command -v xdotool >/dev/null || { echo "FAIL: xdotool not found (apt-get install xdotool)"; exit 1; }
fb="$out/study-fb"
rm -rf "$fb" "$out/study_smoke.png" "$out/study_smoke.log"
mkdir -p "$fb" "$out/study-config"
export XDG_CONFIG_HOME="$out/study-config" # default panels, whatever the user's settings say
export LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
log="$out/study_smoke.log"

# Runs inside the X server: start the program, wait for its first frame, type, wait for the flight to land.
inner() {
  "$exe" --frames 100000 --window-size 1280x720 --view anterior >"$log" 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    grep -q "first frame after" "$log" && break
    kill -0 $pid 2>/dev/null || { echo "FAIL: the program exited before its first frame"; cat "$log"; return 1; }
    sleep 0.2
  done
  grep -q "first frame after" "$log" || { echo "FAIL: no first frame"; return 1; }
  sleep 1
  # The study panel's search box: the panel's top right corner sits at (1280 - em/2, 17 em) with em = 17 px at
  # UI scale 1; the box is its first line.
  xdotool mousemove 1070 333 click 1
  sleep 0.5
  xdotool type --delay 60 "glute med"
  sleep 0.5
  # Tapped, press and release at once: ImGui 1.86 reads key state once a frame, and the window holds a release back
  # until the next frame has started (platform::Window::Input), so the press reaches the search box.
  xdotool key Return
  for _ in $(seq 1 300); do
    grep -q "study: framed" "$log" && break
    sleep 0.2
  done
  sleep 1.5 # a few still frames, so the dump holds the landed view and the card
  cp "$fb/Xvfb_screen0" "$out/study_screen.xwd"
  kill $pid
  wait $pid 2>/dev/null || true
}
# xvfb-run goes through sh, which drops exported bash functions: hand the function over as text.
export exe log fb out
xvfb-run -a -s "-screen 0 1280x720x24 -fbdir $fb" bash -c "$(declare -f inner); inner"
cat "$log" | grep "study:" || true
grep -q "study: card gluteus_medius (muscle)" "$log" || { echo "FAIL: the card of gluteus medius did not show"; exit 1; }
grep -q "study: framed gluteus_medius .* in view" "$log" || { echo "FAIL: the camera did not frame gluteus medius"; exit 1; }
# The muscle is selected (both sides), peeled to and faced: the back of the hip, not the front where it started.
line=$(grep "study: framed gluteus_medius" "$log" | tail -1)
yaw=$(echo "$line" | sed -E 's/.* yaw (-?[0-9.]+).*/\1/')
python3 -c "import math,sys; y=float(sys.argv[1]); sys.exit(0 if abs(math.remainder(y, 2*math.pi)) > math.pi/2 else 1)" "$yaw" ||
  { echo "FAIL: yaw $yaw still faces the front of the body"; exit 1; }
# Auto-peel took off the superficial muscles that cover it (peel 3: skin, fascia, superficial muscle).
echo "$line" | grep -q " peel 3 " || { echo "FAIL: gluteus medius not uncovered: $line"; exit 1; }
# The card's text fills the panel on the right: many bright (text) pixels and colours there.
stats=$(python3 "$here/xwd_to_png.py" "$out/study_screen.xwd" "$out/study_smoke.png" 880 300 1275 715)
echo "$stats"
bright=$(echo "$stats" | sed -E 's/.* ([0-9]+) bright pixels/\1/')
[ "$bright" -gt 1500 ] || { echo "FAIL: the study panel shows little text ($bright bright pixels)"; exit 1; }
echo "smoke: typed \"glute med\", Enter: card shown, camera framed it; screenshot at $out/study_smoke.png"
