#!/usr/bin/env bash
# Regenerates assets/fonts/WenQuanYiMicroHei-CJK.ttf from Debian's WenQuanYi Micro Hei.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_if() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }
dpkg -s fonts-wqy-microhei python3-fonttools >/dev/null 2>&1 ||
  { sudo_if apt-get update -qq; sudo_if apt-get install -y -qq fonts-wqy-microhei python3-fonttools; }
# Every character of GB2312 (6,763 hanzi and its symbols), plus Latin and punctuation.
chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys
out = []
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            out.append(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/wqy/wqy-microhei.ttc --font-number=0 \
  --text-file="$chars" \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+3000-303F,U+FF00-FFEF" \
  --layout-features='*' --output-file=assets/fonts/WenQuanYiMicroHei-CJK.ttf
rm -f "$chars"
