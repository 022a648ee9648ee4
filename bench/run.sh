#!/usr/bin/env bash
# MyoAtlas benchmarks: prints figures (no pass/fail). Run after scripts/setup; takes a few minutes on 2 cores.
#   bench/run.sh [BUILD_DIR]
# Cold/warm start to first frame of the real windowed program (under Xvfb), renderer frame times, pick latency,
# peak memory, the heat-map solve, and f3d (Debian's viewer) rendering the same body as a peer ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
exe=$build/src/app/myoatlas
data=${MYOATLAS_DATA:-$root/../shared/bodyparts3d}
work=$build/bench-work
mkdir -p "$work"
export LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe

# What the benchmarks need beyond the build (scripts/setup installs that): the peer viewer and two small tools.
need=()
for p in f3d bc time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
[ -x "$build/bench/line_bench" ] || cmake --build "$build" --target render_bench heat_bench line_bench export_body

display=:97
Xvfb $display -screen 0 1400x900x24 -nolisten tcp > /dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }

echo "== start to first frame (real window, 1280x800, llvmpipe, $(nproc) cores)"
cache=$(mktemp -d)
for run in cold warm warm; do
  t0=$(now)
  XDG_CACHE_HOME=$cache DISPLAY=$display "$exe" --data "$data" --frames 1 --window-size 1280x800 2> "$work/start.log"
  t1=$(now)
  echo "start_to_first_frame_s[$run] $(secs "$t0" "$t1")  ($(grep -o 'first frame after [0-9]* ms' "$work/start.log"))"
done
rm -rf "$cache"

echo "== peak memory of the program (warm start, 30 frames)"
/usr/bin/time -f "peak_rss_mb %M" -o "$work/time.txt" env DISPLAY=$display "$exe" --data "$data" --frames 30 \
  --window-size 1280x800 2> /dev/null
awk '{printf "%s %.0f\n", $1, $2/1024}' "$work/time.txt"

echo "== myoatlas bench --json (EGL surfaceless, 1280x720: whole body with and without levels of detail, orbit,"
echo "   head and neck close-up, 1,000 clicks)"
"$exe" --data "$data" bench --json --size 1280x720 2> "$work/bench.log" | tee "$work/bench.json"

echo "== renderer, more scenes (EGL surfaceless, 1280x720)"
"$build/bench/render_bench" "$data" --frames 8

echo "== Anatomy Trains lines (build time when first shown, closeness to the track muscles)"
"$build/bench/line_bench" "$data" | tail -n 2

echo "== heat map on the real skin"
"$build/bench/heat_bench" "$data" | tail -n 12

echo "== peer: f3d $(f3d --version 2>/dev/null | head -1 | awk '{print $2}') rendering the same body, one image at 1280x720"
if command -v f3d > /dev/null; then
  [ -f "$work/body.ply" ] || "$build/bench/export_body" "$work/body.ply" "$data" > /dev/null
  t0=$(now)
  DISPLAY=$display f3d --resolution 1280,720 --output "$work/f3d.png" "$work/body.ply" > /dev/null 2>&1
  t1=$(now)
  f3d_s=$(secs "$t0" "$t1")
  t0=$(now)
  "$exe" --data "$data" render -o "$work/myoatlas.png" --size 1280x720 --supersample 1 \
    --layers skin,superficial_muscle,deep_muscle,bone,connective 2> /dev/null
  t1=$(now)
  ours_s=$(secs "$t0" "$t1")
  echo "f3d_one_image_s $f3d_s"
  echo "myoatlas_render_one_image_s $ours_s (warm cache, all layers opaque, outlines)"
  echo "ratio_myoatlas_over_f3d $(echo "$ours_s / $f3d_s" | bc -l | xargs printf '%.2f')"
  # Beside f3d's one image (start, load, one frame): our frame times from the bench above, per scenario.
  python3 - "$work/bench.json" "$f3d_s" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["scenarios"]
f3d_ms = float(sys.argv[2]) * 1000.0
for name in ("rest_no_lod", "rest", "orbit", "closeup"):
    s = b[name]
    extra = f"  psnr_db {s['psnr_db']:.1f}" if "psnr_db" in s else ""
    print(f"{name:12s} frame_ms median {s['frame_ms_median']:7.1f}  p95 {s['frame_ms_p95']:7.1f}  "
          f"triangles {s['triangles']:8d}{extra}   (f3d one image, start to exit: {f3d_ms:.0f} ms)")
p = b["pick"]
print(f"pick         median {p['pick_ms_median']:.3f} ms  max {p['pick_ms_max']:.3f} ms")
PY
else
  echo "f3d not installed (apt-get install f3d) - peer ratio skipped"
fi
