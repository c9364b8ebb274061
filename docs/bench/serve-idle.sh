#!/usr/bin/env bash
# Idle cost of the headless service: `fleetdeck serve` on the built-in fleet (4,000 GPUs, polling, alerts, recording),
# WARM seconds of warm-up, then its CPU over 60 s as % of one core and its RSS; stops only the process it started.
# Usage: docs/bench/serve-idle.sh [WARM_SECONDS] CLASSPATH   (e.g. "target/classes:$(cat cp.txt)")
set -euo pipefail
warm=${1:-30}
state=$(mktemp -d)
HOME=$state XDG_DATA_HOME=$state/data XDG_STATE_HOME=$state java --enable-native-access=ALL-UNNAMED -cp "$2" dev.fleetdeck.cli.Main serve > $state/log 2>&1 &
pid=$!
sleep $warm
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
sleep 60
t2=$(awk '{print $14+$15}' /proc/$pid/stat)
hz=$(getconf CLK_TCK)
rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
echo "serve idle after ${warm}s: $(awk -v a=$t1 -v b=$t2 -v hz=$hz 'BEGIN{printf "%.2f", 100*(b-a)/(hz*60)}') % of one core over 60 s, RSS ${rss} MB"
kill -TERM $pid; wait $pid; echo "exit $?"
rm -rf $state
