#!/usr/bin/env bash
# Measures keystroke to repainted screen in the editor under Xvfb and the
# software OpenGL the CI machine has: the sample's table 三 in the
# 1000×660 first window, a digit pressed through XTEST into 一、本年新收 /
# 自然人, and the time until that row of the screen (the typed value and its
# total) changes, read back with XGetImage in a tight loop
# (scripts/keylatency). Prints the median and the slowest of RUNS keystrokes.
# Needs Xvfb, xdotool and the X11 and XTest headers (libx11-dev, libxtst-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
out=$(mktemp -d)
trap 'kill ${pid:-} ${xvfb:-} 2>/dev/null || true; wait 2>/dev/null; rm -rf "$out"' EXIT
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
# The value of 自然人 and its row's 总计 (the digit typed, the total it changes).
go run scripts/keylatency/main.go -x 640 -y 162 -w 360 -h 22 -keys "$(printf '12%.0s' $(seq "$RUNS") | cut -c1-"$RUNS")"
