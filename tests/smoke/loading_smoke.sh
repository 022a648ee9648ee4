#!/usr/bin/env bash
# A first start on a fresh machine (no body cache) in the real window under Xvfb: the window opens at once and shows
# a progress bar while the body is parsed, then the body. A data directory whose files all fail shows the error in
# the window and exits with the data error's code, no crash.
# Usage: loading_smoke.sh MYOATLAS OUTDIR
set -euo pipefail
exe=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
for tool in Xvfb xdotool python3; do
  command -v $tool >/dev/null || { echo "$tool not found (scripts/setup installs it)"; exit 1; }
done
home=$(mktemp -d)
fb=$(mktemp -d)
display=:$((90 + RANDOM % 800))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp -fbdir "$fb" >"$out/xvfb.log" 2>&1 &
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
rm -f "$state" "$out"/loading*.png
HOME=$home XDG_CACHE_HOME=$home/cache LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe \
  "$exe" --window-size 1280x720 --frames 5 --dump-state "$state" >"$out/app.log" 2>&1 &
app=$!
start=$(date +%s.%N)
xdotool search --sync --name MyoAtlas >/dev/null
opened=$(python3 -c "import time; print(f'{time.time() - $start:.2f}')")
sleep 1
python3 "$here/xwd_to_png.py" "$fb/Xvfb_screen0" "$out/loading.png" >/dev/null
# The bar: a long horizontal run of one saturated colour (the fill) in the middle of the window.
python3 - "$here" "$out/loading.png" "$fb/Xvfb_screen0" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from xwd_to_png import read_xwd
w, h, rows = read_xwd(sys.argv[3])
best = 0
for row in rows[: min(h, 720)]:
    run, prev = 0, None
    for x in range(0, min(w, 1280)):
        r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
        px = (r, g, b)
        saturated = max(px) - min(px) > 100
        run = run + 1 if saturated and px == prev else (1 if saturated else 0)
        prev = px
        best = max(best, run)
if best < 20:
    sys.exit(f"FAIL: no progress bar on the loading screen ({sys.argv[2]}): longest saturated run {best} px")
print(f"loading screen shows a bar ({best} px filled)")
PY
wait "$app" || { echo "FAIL: the program failed after loading"; cat "$out/app.log"; exit 1; }
app=""
grep -q "first frame after" "$out/app.log" || { echo "FAIL: no first frame"; cat "$out/app.log"; exit 1; }
[ -s "$state" ] || { echo "FAIL: no state dump"; exit 1; }
echo "window open after ${opened} s, $(grep -o 'loaded in [0-9.]* s' "$out/app.log")"

# Every listed file broken: the window says so, the exit code is the data error's (3).
data=$(mktemp -d)
mkdir -p "$data/isa/bones"
echo "not a mesh" >"$data/isa/bones/a.glb"
printf 'set,category,file,fj,fma,name,side\nisa,bones,isa/bones/a.glb,FJ1,FMA1,broken bone,R\n' >"$data/manifest.csv"
rc=0
HOME=$home XDG_CACHE_HOME=$home/cache LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe \
  "$exe" --data "$data" --no-cache --window-size 800x600 --frames 5 >"$out/broken.log" 2>&1 || rc=$?
rm -rf "$data"
[ "$rc" -eq 3 ] || { echo "FAIL: a body that does not load exits $rc, want 3"; cat "$out/broken.log"; exit 1; }
grep -q "none of the listed files could be loaded" "$out/broken.log" || { echo "FAIL: no error named"; exit 1; }
echo "smoke: loading screen with a bar at $out/loading.png; a failed load is reported, exit 3"
