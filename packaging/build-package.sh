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

extra=()
if [ "$type" != "app-image" ]; then
  extra+=("@packaging/jpackage/$os.args")
elif [ "$os" = linux ]; then
  extra+=(--icon packaging/icons/fleetdeck.png)
fi
"$jpackage" @packaging/jpackage/common.args "${extra[@]}" --type "$type" \
  --input target/jpackage-input --main-jar "$(basename "$jar")" --dest target/dist
ls -l target/dist
