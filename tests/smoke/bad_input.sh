#!/usr/bin/env bash
# The real program against the careless user: every case ends in a one-line message naming the option or file, a
# nonzero exit (2 for usage), and nothing the user had is lost. Needs no GL for the refusals; the full-disk case
# renders one small picture on llvmpipe (EGL surfaceless).
# Usage: bad_input.sh MYOATLAS OUT_DIR
set -uo pipefail
exe=$1 out=$2
rm -rf "$out"
mkdir -p "$out"
unset DISPLAY
export EGL_PLATFORM=surfaceless LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
failures=0
# expect CODE PATTERN ARGS...: runs the program, wants exit CODE and PATTERN in its error output.
expect() {
  local code=$1 pattern=$2
  shift 2
  "$exe" "$@" >"$out/stdout" 2>"$out/stderr"
  local rc=$?
  if [ $rc -ne "$code" ] || ! grep -q -- "$pattern" "$out/stderr"; then
    echo "FAIL: myoatlas $* -> exit $rc (want $code), stderr:"
    tail -3 "$out/stderr"
    failures=$((failures + 1))
  fi
}
# Parse errors are usage errors (CLI11's own codes were 104-114).
expect 2 "not expected" render -o "$out/x.png" --bogus
expect 2 "supersample" render -o "$out/x.png" --supersample banana
# Numbers are finite and in range, or refused with the option's name.
for t in nan inf -inf 1e308 -5; do
  expect 2 "time" render -o "$out/x.png" --trp TRAPU-TP1 --time "$t"
done
expect 2 "step 999" render -o "$out/x.png" --technique massage_ball --target GMED-TP1 --step 999
expect 2 "step -5" render -o "$out/x.png" --technique massage_ball --target GMED-TP1 --step -5
# Unknown names are refused as `heat` refuses them.
expect 2 "NO-SUCH-TP" render -o "$out/x.png" --trp NO-SUCH-TP
expect 2 "NOSUCHLINE" render -o "$out/x.png" --line NOSUCHLINE
[ ! -e "$out/x.png" ] || { echo "FAIL: a refused render wrote a file"; failures=$((failures + 1)); }
# A device is never "written" with exit 0.
expect 3 "/dev/full" render -o /dev/full --size 64x48 --supersample 1
# A lesson camera that cannot render names the file, step and field.
cat >"$out/fov0.json" <<'JSON'
{"format": "myoatlas-lesson", "version": 1, "title": "bad", "steps": [
  {"caption": "a", "camera": {"target": [0, 1, 0], "distance": 1, "yaw": 0, "pitch": 0, "fov_y": 0}}]}
JSON
expect 3 "fov_y" render -o "$out/x.png" --lesson "$out/fov0.json" --step 1
# A number past double range names the file and line, not only nlohmann's exception.
sed 's/"distance": 1/"distance": 1e400/' "$out/fov0.json" >"$out/overflow.json"
expect 3 "overflow.json: line 2" render -o "$out/x.png" --lesson "$out/overflow.json" --step 1
# Full disk (ulimit -f): the old picture survives and the user is told why.
"$exe" render -o "$out/keep.png" --size 160x120 --supersample 1 --view left 2>"$out/stderr" ||
  { echo "FAIL: the first render failed"; cat "$out/stderr"; exit 1; }
before=$(sha256sum <"$out/keep.png")
(ulimit -f 2; "$exe" render -o "$out/keep.png" --size 640x480 --supersample 1 --view right) 2>"$out/stderr"
rc=$?
after=$(sha256sum <"$out/keep.png")
if [ $rc -eq 0 ] || [ "$before" != "$after" ] || ! grep -q "File too large" "$out/stderr"; then
  echo "FAIL: full disk: exit $rc, old file intact: $([ "$before" = "$after" ] && echo yes || echo no)"
  cat "$out/stderr"
  failures=$((failures + 1))
fi
[ -z "$(find "$out" -name '.keep.png.tmp-*')" ] || { echo "FAIL: temporary file left"; failures=$((failures + 1)); }
echo "bad input: $failures failures"
[ $failures -eq 0 ]
