#!/usr/bin/env bash
# Idle cost of the desktop window: starts FleetDeck on the built-in fleet (needs a display: DISPLAY, or Xvfb),
# waits WARM seconds (default 90), then prints the process's CPU over the next 60 s as % of one core, its RSS, and
# the busiest threads. Stops only the process it started.
# Usage: docs/bench/idle-cpu.sh [WARM_SECONDS] [-- extra fleetdeck arguments]   (after `mvn package`)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
warm=${1:-90}
shift || true
[ "${1:-}" = "--" ] && shift
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
HOME="$state" XDG_STATE_HOME="$state" FLEETDECK_AOT=off "$here/packaging/fleetdeck" "$@" >"$state/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$state"' EXIT
sleep "$warm"
java_pid=$(pgrep -P "$pid" java || echo "$pid")
ticks() { for t in /proc/"$java_pid"/task/*; do echo "$(basename "$t") $(awk '{print $14+$15}' "$t/stat") $(tr ' ' '_' <"$t/comm")"; done | sort; }
ticks >"$state/t1"
sleep 60
ticks >"$state/t2"
hz=$(getconf CLK_TCK)
total=$(join "$state/t1" "$state/t2" | awk -v hz="$hz" '{d+=$4-$2} END {printf "%.2f", 100*d/(hz*60)}')
rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/"$java_pid"/status)
echo "idle after ${warm}s of warm-up: ${total} % of one core over 60 s, RSS ${rss} MB"
join "$state/t1" "$state/t2" | awk -v hz="$hz" '{d=$4-$2; if (d>0) printf "  %6.2f %%  %s\n", 100*d/(hz*60), $3}' | sort -rn | head -8
