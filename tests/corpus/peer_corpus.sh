#!/usr/bin/env bash
# Peer corpus tier: loads every model file of Debian's assimp-testmodels as a body structure, one process per file.
# Each must load, or be refused with a message naming the file; none may crash, run past 30 s or peak past 2 GB.
# Usage: peer_corpus.sh MESH_PROBE MODELS_DIR OUT_DIR [asan]
#   asan: the probe is built with AddressSanitizer, which reserves terabytes of address space (no `ulimit -v`) and
#   roughly doubles resident memory (the 2 GB check is left to the normal build).
set -uo pipefail
probe=$1 models=$2 out=$3 asan=${4:-}
if [ ! -d "$models" ]; then
  echo "SKIP: $models missing (apt-get install assimp-testmodels; scripts/setup does)"
  exit 77
fi
mkdir -p "$out"
log=$out/results.txt
: >"$log"
limit_kb=$((2 * 1024 * 1024))
failures=0 loaded=0 refused=0 files=0 worst_kb=0 worst_file="" slowest=0 slowest_file=""
while IFS= read -r -d '' f; do
  files=$((files + 1))
  start=$(date +%s%N)
  # Virtual memory capped at 3 GB so that a runaway file fails here instead of taking the machine down.
  if [ "$asan" = asan ]; then
    result=$(timeout -k 5 30 "$probe" "$f" 2>&1)
  else
    result=$( (ulimit -v $((3 * 1024 * 1024)); timeout -k 5 30 "$probe" "$f") 2>&1)
  fi
  rc=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  peak=$(sed -n 's/^peak_rss_kb //p' <<<"$result")
  line=$(grep -E '^(ok|refused|UNNAMED) ' <<<"$result" | head -1)
  echo "$rc ${ms}ms ${peak:-?}kB $line" >>"$log"
  if [ "$ms" -gt "$slowest" ]; then slowest=$ms slowest_file=$f; fi
  if [ -n "$peak" ] && [ "$peak" -gt "$worst_kb" ]; then worst_kb=$peak worst_file=$f; fi
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    echo "FAIL (over 30 s): $f"; failures=$((failures + 1)); continue
  fi
  if [ $rc -ne 0 ] || [ -z "$line" ] || [[ $line == UNNAMED* ]]; then
    echo "FAIL (exit $rc): $f"; echo "$result" | tail -5; failures=$((failures + 1)); continue
  fi
  if [ "$asan" != asan ] && [ -n "$peak" ] && [ "$peak" -gt $limit_kb ]; then
    echo "FAIL (peak ${peak} kB over 2 GB): $f"; failures=$((failures + 1)); continue
  fi
  case $line in ok*) loaded=$((loaded + 1)) ;; *) refused=$((refused + 1)) ;; esac
done < <(find "$models" -type f ! -path '*/ReferenceImages/*' \
  ! -iregex '.*\.\(png\|jpg\|jpeg\|bmp\|tga\|dds\|gif\|tif\|tiff\|txt\|md\|html\|pdf\|xcf\|psd\)$' -print0 | sort -z)
echo "peer corpus: $files files, $loaded loaded, $refused refused with a message, $failures failures"
echo "slowest: ${slowest} ms ($slowest_file); highest peak: ${worst_kb} kB ($worst_file); details: $log"
[ $failures -eq 0 ]
