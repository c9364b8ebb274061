#!/usr/bin/env bash
# Turns the .deb jpackage made into one that installs cleanly on a minimal Debian (a server with no desktop):
#   packaging/linux/finish-deb.sh target/dist/fleetdeck_VERSION_amd64.deb
# - no maintainer scripts: the desktop entry and icon are ordinary files (no xdg-desktop-menu, which fails where no
#   menu system exists and then blocks removal too);
# - /usr/bin/fleetdeck, the systemd unit (installed disabled), bash completion, copyright, changelog;
# - the runtime's native libraries stripped; a real maintainer, homepage and description; every runtime dependency.
set -euo pipefail
deb="$1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/pkg"
pkg="$work/pkg"
rm -f "$pkg"/DEBIAN/preinst "$pkg"/DEBIAN/postinst "$pkg"/DEBIAN/prerm "$pkg"/DEBIAN/postrm
rm -f "$pkg"/usr/lib/fleetdeck/lib/fleetdeck-fleetdeck.desktop

install -D -m 0644 "$here/files/fleetdeck.desktop" "$pkg/usr/share/applications/fleetdeck.desktop"
install -D -m 0644 "$root/packaging/icons/fleetdeck.png" "$pkg/usr/share/icons/hicolor/256x256/apps/fleetdeck.png"
install -D -m 0644 "$here/files/fleetdeck.service" "$pkg/usr/lib/systemd/system/fleetdeck.service"
install -D -m 0644 "$here/files/copyright" "$pkg/usr/share/doc/fleetdeck/copyright"
install -D -m 0644 "$here/files/lintian-overrides" "$pkg/usr/share/lintian/overrides/fleetdeck"
if [ -f "$root/target/completion/fleetdeck.bash" ]; then
  install -D -m 0644 "$root/target/completion/fleetdeck.bash" "$pkg/usr/share/bash-completion/completions/fleetdeck"
fi
mkdir -p "$pkg/usr/bin"
ln -sf ../lib/fleetdeck/bin/fleetdeck "$pkg/usr/bin/fleetdeck"

version="$(sed -n 's/^Version: //p' "$pkg/DEBIAN/control")"
maintainer="${FLEETDECK_MAINTAINER:-FleetDeck developers <maintainers@fleetdeck.dev>}"
{
  echo "fleetdeck ($version) unstable; urgency=medium"
  echo
  echo "  * Release $version: the dashboard, the headless service and the flight recorder."
  echo
  echo " -- $maintainer  $(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")"
} | gzip -9n > "$pkg/usr/share/doc/fleetdeck/changelog.gz"
chmod 0644 "$pkg/usr/share/doc/fleetdeck/changelog.gz"

# Native code of the runtime without symbol tables (lintian: unstripped-binary-or-object).
find "$pkg/usr/lib/fleetdeck" -type f \( -name '*.so' -o -perm -u+x \) -print0 |
  while IFS= read -r -d '' f; do
    if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
      strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"
    fi
  done
find "$pkg" -type d -exec chmod 0755 {} +

deps="$(sed -n 's/^Depends: //p' "$pkg/DEBIAN/control" | tr ',' '\n' | sed 's/^ *//; s/ *$//' |
  grep -v '^xdg-utils$' | grep -v '^$' | sort -u | paste -sd, - | sed 's/,/, /g')"
size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: fleetdeck
Version: $version
Section: utils
Priority: optional
Architecture: $(sed -n 's/^Architecture: //p' "$deb.control" 2>/dev/null || dpkg-deb -f "$deb" Architecture)
Maintainer: $maintainer
Depends: $deps
Installed-Size: $size
Homepage: https://fleetdeck.dev
Description: Live dashboard for rented GPU fleets
 FleetDeck shows the health, capacity and cost of rented GPU fleets: which GPUs
 are hot, throttled, throwing XID or ECC errors or idle while rented, and how
 many are free to sell in which region. It reads DCGM exporters, Prometheus,
 nvidia-smi, Kubernetes and GPU-cloud APIs, or a built-in simulated fleet.
 .
 The package holds the desktop window (JavaFX, with its own Java runtime),
 the headless service 'fleetdeck serve' (a systemd unit, installed disabled)
 with Prometheus metrics and alerts sent to Alertmanager, and the flight
 recorder with replay and export.
CONTROL
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's| \./| |') \
  > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/md5sums" "$pkg/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "finish-deb: $deb ($(du -h "$deb" | cut -f1))"
