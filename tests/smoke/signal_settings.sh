#!/usr/bin/env bash
# The window ended by SIGTERM (and then SIGINT) still saves its settings, as the close button does.
# Usage: signal_settings.sh MYOATLAS OUT_DIR
set -uo pipefail
exe=$1 out=$2
command -v xvfb-run >/dev/null || { echo "xvfb-run not found (apt-get install xvfb xauth)"; exit 1; }
for sig in TERM INT; do
  dir=$out/$sig
  rm -rf "$dir"
  mkdir -p "$dir/config"
  # The wrapper records the program's own pid, so that exactly that process gets the signal.
  XDG_CONFIG_HOME=$dir/config LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe xvfb-run -a -s "-screen 0 1024x768x24" \
    sh -c 'echo $$ > "$1"; exec "$2" --window-size 800x600' sh "$dir/pid" "$exe" >"$dir/log" 2>&1 &
  runner=$!
  # Up once the first frame is drawn: the log says so at info level ("first frame").
  for _ in $(seq 1 240); do
    grep -q "first frame" "$dir/log" 2>/dev/null && break
    sleep 0.5
  done
  pid=$(cat "$dir/pid" 2>/dev/null || true)
  [ -n "$pid" ] || { echo "FAIL: the program did not start"; cat "$dir/log"; exit 1; }
  kill -"$sig" "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$runner" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$runner" 2>/dev/null; then
    echo "FAIL: SIG$sig did not end the window within 30 s"; kill -KILL "$pid"; exit 1
  fi
  if [ ! -s "$dir/config/myoatlas/settings.json" ]; then
    echo "FAIL: no settings saved after SIG$sig"; tail -5 "$dir/log"; exit 1
  fi
done
echo "signals: settings saved on SIGTERM and SIGINT"
