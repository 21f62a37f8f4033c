#!/usr/bin/env bash
# Measures keystroke to repainted screen in the editor under Xvfb and the
# software OpenGL the CI machine has: the sample's table 三 in the
# 1000×660 first window, a digit typed into 一、本年新收 / 自然人, and the time
# until the screen (the typed value and its totals) changes, found by
# dumping the screen with xwd every few milliseconds. Prints the median and
# the slowest of RUNS keystrokes; the polling adds up to one dump (~5 ms).
# Needs Xvfb, xdotool and xwd (x11-apps).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
out=$(mktemp -d)
trap 'kill ${pid:-} ${xvfb:-} 2>/dev/null || true; rm -rf "$out"' EXIT
go build -tags no_emoji -o "$out/nianbao" .
"$out/nianbao" sample -o "$out/sample.nianbao" >/dev/null
Xvfb :98 -screen 0 1024x700x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:98 HOME="$out/home"
sleep 1
"$out/nianbao" "$out/sample.nianbao" >/dev/null 2>&1 & pid=$!
until xdotool search --onlyvisible --name "sample - 年报助手" >/dev/null 2>&1; do sleep 0.05; done
sleep 2
xdotool mousemove 120 156 click 1 # 三、收到和处理政府信息公开申请情况
sleep 1
xdotool mousemove 680 173 click 1 # 一、本年新收 / 自然人
sleep 1
times=()
for i in $(seq "$RUNS"); do
  xwd -root -silent >"$out/before.xwd"
  start=$(date +%s%N)
  xdotool key $((i % 2 + 1))
  while :; do
    xwd -root -silent >"$out/now.xwd"
    cmp -s "$out/before.xwd" "$out/now.xwd" || break
    if (( ($(date +%s%N) - start) > 2000000000 )); then echo "no repaint within 2 s" >&2; exit 1; fi
  done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  sleep 0.3
  xdotool key Escape
  sleep 0.3
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "keystroke to repainted screen, $RUNS keystrokes: median $(sed -n "$(( (RUNS + 1) / 2 ))p" <<<"$sorted") ms, slowest $(tail -n 1 <<<"$sorted") ms"
