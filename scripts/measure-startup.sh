#!/usr/bin/env bash
# Measures cold start to first window of nianbao (opening the sample report)
# against a hello-world Fyne app built the same way, and nianbao's resident
# memory with the sample open and every table shown. Needs Xvfb and xdotool;
# prints medians of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
out=$(mktemp -d)
go build -tags no_emoji -o "$out/nianbao" . # as scripts/build-release.sh builds it
go build -o "$out/hello" scripts/hello/main.go
go build -tags no_emoji -o "$out/hello-no-emoji" scripts/hello/main.go
"$out/nianbao" sample -o "$out/sample.nianbao" >/dev/null
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 1280x860x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:97
  trap 'kill $xvfb' EXIT
  sleep 1
fi
export HOME="$out/home"

# time_to_window NAME CMD…: milliseconds until a window titled NAME is mapped.
time_to_window() {
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 & local pid=$!
  local tries=0
  until xdotool search --onlyvisible --name "$name" >/dev/null 2>&1; do
    sleep 0.01
    tries=$((tries + 1))
    if [ $tries -gt 3000 ]; then echo "no window $name" >&2; kill $pid; return 1; fi
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

hello=$(for _ in $(seq "$RUNS"); do time_to_window hello-fyne "$out/hello"; done | median)
nb=$(for _ in $(seq "$RUNS"); do time_to_window "sample - 年报助手" "$out/nianbao" "$out/sample.nianbao"; done | median)
echo "hello-world Fyne: ${hello} ms; nianbao with the sample: ${nb} ms; ratio $(awk "BEGIN {printf \"%.2f\", $nb/$hello}")"

# rss NAME CMD…: resident memory of CMD once its window titled NAME is up.
rss() {
  local name=$1; shift
  "$@" >/dev/null 2>&1 & local pid=$!
  until xdotool search --onlyvisible --name "$name" >/dev/null 2>&1; do sleep 0.05; done
  sleep 5
  awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status
  kill $pid; wait $pid 2>/dev/null || true
}
echo "resident memory of hello-world Fyne: $(rss hello-fyne "$out/hello") MB; built with -tags no_emoji: $(rss hello-fyne "$out/hello-no-emoji") MB"

"$out/nianbao" "$out/sample.nianbao" >/dev/null 2>&1 & pid=$!
until xdotool search --onlyvisible --name "sample - 年报助手" >/dev/null 2>&1; do sleep 0.05; done
sleep 1
for i in 1 2 3 4 5 6; do xdotool mousemove 120 $((45 + 37 * i)) click 1; sleep 0.7; done
sleep 4 # the editor returns the garbage of its work to the system when idle for 2 s
echo "resident memory with the sample open, every part shown: $(awk '/VmRSS/ {print int($2/1024) " MB"}' /proc/$pid/status)"
kill $pid
