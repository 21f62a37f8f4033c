#!/usr/bin/env bash
# Sets up this machine and runs every check and test of nianbao: formatting,
# go vet, staticcheck, the unit, golden and fuzz-seed tests, and each
# benchmark once (so that they keep working). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The export tests check the files with the tools clerks' files meet:
# LibreOffice recomputes the workbook's formulas and converts Word files,
# poppler extracts and renders PDF pages.
apt_install libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted" >&2; exit 1; fi

echo "== go vet"
go vet ./...

echo "== staticcheck"
# Pinned, so that a new release cannot break CI by itself.
staticcheck_version=2026.2.2
if ! staticcheck -version 2>/dev/null | grep -q "$staticcheck_version"; then
  go install "honnef.co/go/tools/cmd/staticcheck@$staticcheck_version"
fi
staticcheck ./...

echo "== benchmarks (one iteration each)"
go test -tags ci -run '^$' -bench . -benchtime 1x ./... >/dev/null

echo "== tests"
# -tags ci: Fyne uses only the bundled font, so test images are the same on
# every machine.
go test -tags ci -count=1 ./...
