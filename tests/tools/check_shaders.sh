#!/usr/bin/env bash
# Compiles every program variant offline with glslangValidator (desktop GLSL 4.50 semantics, no SPIR-V). Fails on the first error.
set -euo pipefail
tool=$1
out=$2
command -v glslangValidator >/dev/null || { echo "glslangValidator not found (apt-get install glslang-tools)"; exit 1; }
count=0
while read -r file; do
  glslangValidator "$file" > "$file.log" 2>&1 || { echo "FAILED: $file"; cat "$file.log"; exit 1; }
  count=$((count + 1))
done < <("$tool" "$out")
[ "$count" -gt 0 ] || { echo "no shaders checked"; exit 1; }
echo "$count shader stages compile"
