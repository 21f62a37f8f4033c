#!/usr/bin/env bash
# Regenerates assets/fonts/WenQuanYiMicroHei-CJK.ttf from Debian's WenQuanYi Micro Hei.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_if() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }
dpkg -s fonts-wqy-microhei python3-fonttools >/dev/null 2>&1 ||
  { sudo_if apt-get update -qq; sudo_if apt-get install -y -qq fonts-wqy-microhei python3-fonttools; }
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/wqy/wqy-microhei.ttc --font-number=0 \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+3000-303F,U+3040-30FF,U+3200-32FF,U+4E00-9FFF,U+FE30-FE4F,U+FF00-FFEF" \
  --layout-features='*' --output-file=assets/fonts/WenQuanYiMicroHei-CJK.ttf
