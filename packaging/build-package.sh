#!/usr/bin/env bash
# Builds a native package from what `mvn package` left in target/: a jlink'd runtime plus the jars, by jpackage.
#   packaging/build-package.sh [deb|rpm|app-image|msi|exe|dmg|pkg]   (default: deb on Linux, app-image elsewhere)
# Run through Maven as `mvn -B -Papp package` (add -Dapp.type=app-image for just the app image). Output: target/dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux*) os=linux; default=deb ;;
  Darwin*) os=macos; default=app-image ;;
  *) os=windows; default=app-image ;;
esac
type="${1:-$default}"
jpackage="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"

jar=$(ls target/fleetdeck-*.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ] || [ ! -d target/lib ]; then
  echo "build-package: no build in target/; run 'mvn -B package' first (JAVA_HOME on a JDK 25)" >&2
  exit 2
fi
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input target/dist
cp "$jar" target/lib/*.jar target/jpackage-input/

# DuckDB's JDBC jar carries its native library for four platforms (about 240 MB unpacked); a package runs on one.
case "$os/$(uname -m)" in
  linux/x86_64) keep=linux_amd64 ;;
  linux/aarch64) keep=linux_arm64 ;;
  macos/arm64) keep=macos_arm64 ;;
  *) keep=windows_amd64 ;;
esac
for duck in target/jpackage-input/duckdb_jdbc-*.jar; do
  [ -e "$duck" ] || continue
  others=$(unzip -Z1 "$duck" 'libduckdb_java.so_*' | grep -v "_$keep\$" || true)
  if [ -n "$others" ] && command -v zip >/dev/null; then
    echo "$others" | xargs zip -q -d "$duck"
  elif [ -n "$others" ]; then
    echo "build-package: zip is not installed; $duck keeps the native libraries of every platform" >&2
  fi
done

extra=()
if [ "$type" != "app-image" ]; then
  extra+=("@packaging/jpackage/$os.args")
elif [ "$os" = linux ]; then
  extra+=(--icon packaging/icons/fleetdeck.png)
fi
"$jpackage" @packaging/jpackage/common.args "${extra[@]}" --type "$type" \
  --input target/jpackage-input --main-jar "$(basename "$jar")" --dest target/dist
if [ "$type" = deb ]; then
  packaging/linux/finish-deb.sh target/dist/fleetdeck_*_*.deb
fi
ls -l target/dist
