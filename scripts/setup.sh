#!/usr/bin/env bash
# Makes sure this machine can build nianbao: a Go toolchain new enough to
# fetch the version go.mod asks for, and the system packages the build and
# the tests use. Safe to run again; run by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_root() { if [ "$(id -u)" -ne 0 ]; then echo sudo; fi; }

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  $(need_root) apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $(need_root) apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Go: any go >= 1.21 downloads the toolchain named in go.mod through the
# module proxy by itself (GOTOOLCHAIN=auto).
if [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
go_ok() {
  command -v go >/dev/null 2>&1 || return 1
  local v; v=$(go env GOVERSION 2>/dev/null | sed -E 's/^go1\.([0-9]+).*/\1/')
  [ -n "$v" ] && [ "$v" -ge 21 ]
}
if ! go_ok; then
  apt_install golang-go ca-certificates
fi
if ! go_ok; then
  echo "setup: this system's Go is older than 1.21. Install Go 1.24 or newer (https://go.dev/doc/install) and run again." >&2
  exit 1
fi
export PATH="$(go env GOPATH)/bin:$PATH"

# The editor is built with Fyne, which needs a C compiler and the OpenGL and
# X11 headers on Linux.
apt_install gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
  libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev
go mod download 2>/dev/null || true  # the build reports real failures
