#!/usr/bin/env bash
# Sets up this machine, builds nianbao and opens the sample report. Until the
# editor exists this shows the command line on the sample: its check, and
# some of its figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

go build -o nianbao .
mkdir -p sample
if [ ! -f sample/示例.nianbao ]; then ./nianbao sample -o sample/示例.nianbao; fi
echo
echo "\$ ./nianbao check sample/示例.nianbao"
./nianbao check sample/示例.nianbao
echo
echo "\$ ./nianbao get sample/示例.nianbao t3.new.total t3.total.total t3.carryover.total"
./nianbao get sample/示例.nianbao t3.new.total t3.total.total t3.carryover.total
echo
./nianbao help
