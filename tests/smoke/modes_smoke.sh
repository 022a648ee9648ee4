#!/usr/bin/env bash
# The teaching modes in the real window under Xvfb, driven with real keys and clicks (fresh HOME): a lesson played
# with clicker keys 20 ms apart up to its technique step; patient mode entered over it (nothing of the lesson or
# the technique may remain), every patient screen walked forward and back with keys (Esc always goes back, and
# leaves from the first screen); the quiz entered and left (the question shows no names, leaving clears it).
# The live state dump (--dump-state) is checked after every step; screenshots of each mode go to OUTDIR.
# Usage: modes_smoke.sh MYOATLAS OUTDIR [WIDTHxHEIGHT]
set -euo pipefail
exe=$1
out=$2
size=${3:-1280x720}
w=${size%x*}
h=${size#*x}
here=$(cd "$(dirname "$0")" && pwd)
lesson=$(cd "$here/../../assets/lessons" && pwd)/neck_pain_upper_trapezius.json
mkdir -p "$out"
for tool in Xvfb xdotool python3; do
  command -v $tool >/dev/null || { echo "$tool not found (scripts/setup installs it)"; exit 1; }
done
home=$(mktemp -d)
fb=$(mktemp -d)
display=:$((90 + RANDOM % 800))
Xvfb "$display" -screen 0 "${w}x${h}x24" -fbdir "$fb" -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$home" "$fb"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
state="$out/state.json"
rm -f "$state"
HOME=$home LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe \
  "$exe" --window-size "$size" --lesson "$lesson" --dump-state "$state" >"$out/app.log" 2>&1 &
app=$!
for _ in $(seq 1200); do grep -q "first frame after" "$out/app.log" && break; sleep 0.1; done
grep -q "first frame after" "$out/app.log" || { echo "FAIL: no first frame"; cat "$out/app.log"; exit 1; }
win=$(xdotool search --sync --name MyoAtlas | head -1)
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.5

# expect NAME SECONDS PYTHON-CONDITION: waits until the live state satisfies the condition (s is the state).
expect() {
  local name=$1 seconds=$2 cond=$3
  if ! python3 - "$state" "$seconds" "$cond" <<'PY'
import json, sys, time
path, seconds, cond = sys.argv[1], float(sys.argv[2]), sys.argv[3]
end = time.time() + seconds
s = None
while time.time() < end:
    try:
        s = json.load(open(path))
        if eval(cond, {}, {"s": s}):
            sys.exit(0)
    except (OSError, ValueError):
        pass
    time.sleep(0.1)
print(json.dumps(s, indent=1) if s else "no state")
sys.exit(1)
PY
  then echo "FAIL: $name: $cond"; exit 1; fi
  echo "ok: $name"
}
shot() { sleep 3; python3 "$here/xwd_to_png.py" "$fb/Xvfb_screen0" "$out/$1_${size}.png"; }
nothing_else() { # the patient screens show none of the other modes' things
  echo 's["technique"]["id"] == "" and s["overlays"]["technique"] == 0 and not s["lesson"]["active"] and s["caption"] == "" and not s["quiz"]["shown"]'
}

# A lesson with a clicker: four presses 20 ms apart reach the technique step (0-based 4).
expect "lesson plays" 30 's["mode"] == "lesson" and s["lesson"]["step"] == 0 and s["caption"] != ""'
shot lesson_start
xdotool key --delay 20 Next Next Next Next
expect "clicker keys" 30 's["lesson"]["step"] == 4 and s["technique"]["id"] != "" and s["overlays"]["technique"] > 0'
shot lesson_technique
# The projector: F5 on a key slide, F5 back.
xdotool key --delay 20 F5
expect "presentation" 20 's["presentation"] and not s["laser"] and s["mode"] == "lesson"'
shot lesson_presentation
xdotool key --delay 20 F5
expect "presentation left" 20 'not s["presentation"]'

# Patient mode over the lesson: the lesson stops and nothing of it stays.
xdotool key --delay 20 F2
expect "patient mode entered" 20 's["mode"] == "patient" and s["patient"]["screen"] == "mark" and '"$(nothing_else)"' and s["trigger_points"] == 0 and s["selection"] == []'
shot patient_mark
# Mark a painful spot on the body: the upper back/neck area of the figure (left of the panel).
mark() { xdotool mousemove --window "$win" $((w * 49 / 100)) $((h * 30 / 100)) click 1; }
mark
expect "a spot marked" 10 's["pain_points"] == 1 and s["patient"]["screen"] in ("looking", "source", "not_found")'
expect "a cause found" 120 's["patient"]["screen"] in ("source", "not_found")'
screen=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["patient"]["screen"])' "$state")
shot patient_$screen
if [ "$screen" = source ]; then
  expect "its pattern shown" 10 's["trigger_points"] == 1 and '"$(nothing_else)"
  xdotool key --delay 20 n
  sleep 0.3
  xdotool key --delay 20 Right
  expect "at home" 10 's["patient"]["screen"] == "home"'
  expect "self-care checked against the site rule" 60 's["patient"]["self_care"] in ("allowed", "refused")'
  shot patient_home
  xdotool key --delay 20 Right
  expect "handout" 10 's["patient"]["screen"] == "handout"'
  shot patient_handout
  xdotool key --delay 20 Escape
  expect "back to home" 10 's["patient"]["screen"] == "home"'
  xdotool key --delay 20 Escape
  expect "back to the cause" 10 's["patient"]["screen"] == "source" and s["trigger_points"] == 1'
  xdotool key --delay 20 Escape
  expect "back to marking" 10 's["patient"]["screen"] == "mark" and s["pain_points"] == 0 and s["trigger_points"] == 0'
else
  xdotool key --delay 20 Escape
  expect "back to marking" 10 's["patient"]["screen"] == "mark" and s["pain_points"] == 0'
fi
# Backspace and Left go back too; Esc on the first screen leaves patient mode, clean.
mark
expect "marked again" 120 's["patient"]["screen"] in ("source", "not_found")'
xdotool key --delay 20 BackSpace
expect "Backspace goes back" 10 's["patient"]["screen"] == "mark" and s["pain_points"] == 0'
xdotool key --delay 20 Escape
expect "Esc leaves patient mode" 10 's["mode"] == "explore" and not s["patient"]["active"] and s["pain_points"] == 0 and s["trigger_points"] == 0'
# F2 twice: in and out by the same key.
xdotool key --delay 20 F2
expect "F2 enters" 10 's["patient"]["screen"] == "mark"'
xdotool key --delay 20 F2
expect "F2 leaves" 10 's["mode"] == "explore"'

# The quiz: a question at once, no names while it waits for the answer; leaving clears what it showed.
xdotool key --delay 20 F3
expect "quiz question" 20 's["mode"] == "quiz" and s["quiz"]["awaiting_answer"] and s["names_hidden"] and s["caption"] == "" and s["pain_points"] == 0 and s["overlays"]["technique"] == 0'
shot quiz_question
xdotool key --delay 20 F2
expect "patient mode replaces the quiz" 10 's["mode"] == "patient" and not s["quiz"]["shown"] and s["selection"] == [] and s["trigger_points"] == 0'
xdotool key --delay 20 F2 F3
expect "quiz again" 10 's["mode"] == "quiz"'
xdotool key --delay 20 F3
expect "quiz left" 10 's["mode"] == "explore" and s["selection"] == [] and s["trigger_points"] == 0 and not s["names_hidden"]'

xdotool key --delay 20 ctrl+q
for _ in $(seq 300); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "FAIL: Ctrl+Q did not quit"; exit 1; fi
wait "$app" || { echo "FAIL: the program exited non-zero"; cat "$out/app.log"; exit 1; }
app=""
echo "modes smoke: every mode entered and left clean, every patient screen walked and back ($size)"
