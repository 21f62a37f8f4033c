#!/usr/bin/env bash
# Builds the release archives into dist/:
#   nianbao-<version>-windows-amd64.zip  nianbao.exe (GUI subsystem, icon,
#                                        version information and manifest
#                                        from FyneApp.toml) and 使用说明.txt
#   nianbao-<version>-linux-amd64.tar.gz the Linux program and 使用说明.txt
#   nianbao-<version>-linux-arm64.tar.gz the same for ARM (信创 PCs with UOS
#                                        or Kylin), checked under qemu
# The Windows program is cross-compiled with mingw-w64, the ARM one with
# Debian's aarch64 cross compiler and the arm64 X11/OpenGL headers.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
apt_install gcc-mingw-w64-x86-64 zip

field() { sed -n "s/^ *$1 *= *\"\\{0,1\\}\\([^\"]*\\)\"\\{0,1\\} *\$/\\1/p" FyneApp.toml | head -n 1; }
version=$(field Version)
build=$(field Build)
name=$(field Name)
out=dist
rm -rf "$out/windows" "$out/linux" "$out/linux-arm64"
mkdir -p "$out/windows" "$out/linux"
sed "s/{{VERSION}}/$version/" docs/使用说明.txt | sed 's/$/\r/' > "$out/windows/使用说明.txt"
sed "s/{{VERSION}}/$version/" docs/使用说明.txt > "$out/linux/使用说明.txt"

echo "== Windows amd64 ($name $version)"
# Icon, version information and manifest, as a resource object beside
# main.go that go build links into the executable.
trap 'rm -f rsrc_windows_amd64.syso' EXIT
go run github.com/tc-hib/go-winres@v0.3.3 simply --arch amd64 --out rsrc --manifest gui \
  --icon assets/icon.png --product-name "$name" --product-version "$version" \
  --file-version "$version.$build" --file-description "$name" \
  --original-filename nianbao.exe --copyright "年报助手开发组"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  go build -tags no_emoji -trimpath -ldflags "-H=windowsgui -s -w -X main.version=$version" -o "$out/windows/nianbao.exe" .
rm -f rsrc_windows_amd64.syso
(cd "$out/windows" && rm -f "../nianbao-$version-windows-amd64.zip" && zip -q -X "../nianbao-$version-windows-amd64.zip" nianbao.exe 使用说明.txt)

echo "== Linux amd64"
go build -tags no_emoji -trimpath -ldflags "-s -w -X main.version=$version" -o "$out/linux/nianbao" .
tar -czf "$out/nianbao-$version-linux-amd64.tar.gz" -C "$out/linux" nianbao 使用说明.txt

echo "== Linux arm64"
if ! dpkg --print-foreign-architectures | grep -q arm64; then
  $(need_root) dpkg --add-architecture arm64
  $(need_root) apt-get update -qq
fi
apt_install gcc-aarch64-linux-gnu qemu-user libgl1-mesa-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 \
  libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64 libxkbcommon-dev:arm64 libwayland-dev:arm64
mkdir -p "$out/linux-arm64"
cp "$out/linux/使用说明.txt" "$out/linux-arm64/"
PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
  go build -tags no_emoji -trimpath -ldflags "-s -w -X main.version=$version" -o "$out/linux-arm64/nianbao" .
qemu-aarch64 -L / "$out/linux-arm64/nianbao" version
tar -czf "$out/nianbao-$version-linux-arm64.tar.gz" -C "$out/linux-arm64" nianbao 使用说明.txt

ls -l "$out"/nianbao-"$version"-*
