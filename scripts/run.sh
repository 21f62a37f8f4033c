#!/usr/bin/env bash
# Sets up this machine, builds nianbao and opens the sample report in the
# editor.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

go build -tags no_emoji -o nianbao .
mkdir -p sample
if [ ! -f sample/示例.nianbao ]; then ./nianbao sample -o sample/示例.nianbao; fi
exec ./nianbao sample/示例.nianbao
