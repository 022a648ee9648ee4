#!/usr/bin/env bash
# The real window under Xvfb driven as its users drive it: a clicker's keys 20 ms apart while a lesson plays, Esc
# to leave it, quick key taps, a click on the body, Ctrl+Q. The program's state on exit (--dump-state) must show
# every key's effect: none may be lost, however slow the frames on software GL. First start with a fresh HOME.
# Usage: keys_smoke.sh MYOATLAS OUTDIR
set -euo pipefail
exe=$1
out=$2
lesson=$(cd "$(dirname "$0")/../../assets/lessons" && pwd)/neck_pain_upper_trapezius.json
mkdir -p "$out"
for tool in Xvfb xdotool python3; do
  command -v $tool >/dev/null || { echo "$tool not found (scripts/setup installs it)"; exit 1; }
done
home=$(mktemp -d)
display=:$((90 + RANDOM % 800))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
state="$out/state.json"
rm -f "$state"
HOME=$home LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe \
  "$exe" --window-size 1280x720 --lesson "$lesson" --dump-state "$state" >"$out/app.log" 2>&1 &
app=$!
# Wait for the first frame (the log says so), then for the window.
for _ in $(seq 1200); do grep -q "first frame after" "$out/app.log" && break; sleep 0.1; done
grep -q "first frame after" "$out/app.log" || { echo "FAIL: no first frame"; cat "$out/app.log"; exit 1; }
win=$(xdotool search --sync --name MyoAtlas | head -1)
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.5
# The lesson owns the clicker: three steps forward, one back, one forward again = step 3 (0-based).
xdotool key --delay 20 Next Next Next Prior Next
sleep 0.3
xdotool key --delay 20 Escape          # leave the lesson
xdotool key --delay 20 a bracketright bracketright   # show all, then peel two layers
xdotool key --delay 20 2               # posterior view
sleep 1
# A click on the middle of the back selects what is there.
eval "$(xdotool getwindowgeometry --shell "$win")"
xdotool mousemove --window "$win" 640 300 click 1
sleep 1.5
xdotool key --delay 20 ctrl+q
for _ in $(seq 300); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "FAIL: Ctrl+Q did not quit"; exit 1; fi
wait "$app" || { echo "FAIL: the program exited non-zero"; cat "$out/app.log"; exit 1; }
app=""
[ -s "$state" ] || { echo "FAIL: no state dump"; cat "$out/app.log"; exit 1; }
cat "$state"
python3 - "$state" <<'PY'
import json, math, sys
s = json.load(open(sys.argv[1]))
problems = []
if s["lesson"]["step"] != 3: problems.append(f"lesson step {s['lesson']['step']}, expected 3 (a clicker key was lost)")
if s["lesson"]["active"]: problems.append("Esc did not leave the lesson")
if s["peel"] != 2: problems.append(f"peel {s['peel']}, expected 2 (a ']' was lost)")
if abs(abs(s["camera"]["yaw"]) - math.pi) > 0.05: problems.append(f"yaw {s['camera']['yaw']}, expected the posterior view")
if not s["selection"]: problems.append("the click on the body selected nothing")
if problems:
    print("FAIL: " + "; ".join(problems)); sys.exit(1)
print("keys smoke: every key and the click reached the program:", ", ".join(s["selection"][:3]))
PY
