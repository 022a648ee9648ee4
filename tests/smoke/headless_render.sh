#!/usr/bin/env bash
# `myoatlas render` with no X server at all (EGL surfaceless), plus its error paths.
set -euo pipefail
exe=$1
check=$2
out=$3
mkdir -p "$out"
unset DISPLAY
export EGL_PLATFORM=surfaceless LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
"$exe" render -o "$out/headless.png" --view left --size 640x480 --select "right deltoid"
"$check" "$out/headless.png" 640 480
# Bad switches fail with a message and a non-zero status, and write nothing.
if "$exe" render -o "$out/bad.png" --view sideways 2> "$out/bad.err"; then echo "bad view accepted"; exit 1; fi
grep -q "view" "$out/bad.err"
if "$exe" render -o "$out/bad.png" --select "no such muscle" 2> "$out/bad.err"; then echo "bad select accepted"; exit 1; fi
grep -q "no such muscle" "$out/bad.err"
[ ! -e "$out/bad.png" ]
# Missing data: a clear message naming where it looked.
if "$exe" --data /nonexistent inspect --json > /dev/null 2> "$out/nodata.err"; then echo "missing data accepted"; exit 1; fi
grep -q "/nonexistent" "$out/nodata.err"
# Global options work after the subcommand too.
if "$exe" inspect --json --data /nonexistent > /dev/null 2> "$out/nodata2.err"; then echo "--data after the subcommand ignored"; exit 1; fi
grep -q "/nonexistent" "$out/nodata2.err"
echo "headless render OK"
