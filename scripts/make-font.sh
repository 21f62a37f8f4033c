#!/usr/bin/env bash
# Regenerates the bundled fonts: assets/fonts/WenQuanYiMicroHei-CJK.ttf from Debian's WenQuanYi
# Micro Hei, and the exports' fallback font assets/fonts/DroidSansFallback-GBK-ExtA.ttf: the
# characters of GBK, CJK Extension A and common symbols that the first lacks, from Droid Sans
# Fallback (Apache-2.0).
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_if() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }
dpkg -s fonts-wqy-microhei fonts-droid-fallback python3-fonttools >/dev/null 2>&1 ||
  { sudo_if apt-get update -qq; sudo_if apt-get install -y -qq fonts-wqy-microhei fonts-droid-fallback python3-fonttools; }
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
chars=$(mktemp)
/usr/bin/python3 - "$chars" assets/fonts/WenQuanYiMicroHei-CJK.ttf <<'PY'
import sys
from fontTools.ttLib import TTFont
have = set(TTFont(sys.argv[2]).getBestCmap())
want = set()
for b1 in range(0x81, 0xFF):  # every two-byte GBK code
    for b2 in range(0x40, 0xFF):
        try:
            want.update(ord(c) for c in bytes([b1, b2]).decode("gbk"))
        except UnicodeDecodeError:
            pass
want.update(range(0x3400, 0x4DC0))  # CJK Extension A (䶮)
for lo, hi in [(0x2100, 0x218F), (0x2460, 0x24FF), (0x2E80, 0x2FDF), (0x3200, 0x33FF), (0xFE10, 0xFE4F)]:
    want.update(range(lo, hi + 1))  # letterlike, number forms, enclosed, radicals, CJK compatibility (㎡)
open(sys.argv[1], "w", encoding="utf-8").write("".join(chr(c) for c in sorted(want - have)))
PY
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
  --text-file="$chars" --layout-features='' --no-hinting --desubroutinize \
  --name-IDs='*' --output-file=assets/fonts/DroidSansFallback-GBK-ExtA.ttf
rm -f "$chars"
