#!/usr/bin/env bash
# A stand-in for nvidia-smi in tests. Its behaviour comes from the file "mode" next to it, or "mode.$FAKE_HOST"
# when the fake ssh set FAKE_HOST. It answers --help-query-gpu, --query-gpu=FIELDS and --query-compute-apps=FIELDS
# in the noheader,nounits CSV format, with values for the fields asked, in the order asked.
dir="$(cd "$(dirname "$0")" && pwd)"
mode="ok"
[ -f "$dir/mode" ] && mode="$(cat "$dir/mode")"
[ -n "$FAKE_HOST" ] && [ -f "$dir/mode.$FAKE_HOST" ] && mode="$(cat "$dir/mode.$FAKE_HOST")"
echo "$FAKE_HOST $*" >> "$dir/calls.log"

if [ "$mode" = "slow" ]; then
  mkdir -p "$dir/running"; touch "$dir/running/$$"
  n=$(ls "$dir/running" | wc -l); echo "$n" >> "$dir/concurrency.log"
  sleep 0.15
  rm -f "$dir/running/$$"
  mode=ok
fi

case "$mode" in
  driver-failed)
    echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."
    exit 9 ;;
  refused)
    echo "ssh: connect to host ${FAKE_HOST:-x} port 22: Connection refused" >&2
    exit 255 ;;
  hang)
    sleep 600 &
    echo "$! $$" > "$dir/hang.pids"
    wait
    exit 0 ;;
  garbage)
    echo "<html><body>Please log in</body></html>"
    exit 0 ;;
  detach)
    # A child that outlives a normally exiting nvidia-smi (stdout closed, so it holds nothing open).
    ( sleep 30 >/dev/null 2>&1 & echo $! >> "$dir/detached.pids" )
    mode=ok ;;
  hold-stdout)
    # A child that keeps our stdout open after we exit.
    sleep 4 &
    echo $! >> "$dir/holding.pids"
    mode=ok ;;
esac

help_fields='"timestamp"
"index"
"uuid"
"name"
"pci.bus_id" or "gpu_bus_id"
"driver_version"
"utilization.gpu"
"utilization.memory"
"memory.used"
"memory.total"
"temperature.gpu"
"temperature.memory"
"power.draw"
"power.limit"
"clocks.current.sm" or "clocks.sm"
"pstate"
"fan.speed"
"ecc.errors.corrected.volatile.total"
"ecc.errors.uncorrected.volatile.total"
"mig.mode.current"
"remapped_rows.failure"
"remapped_rows.pending"'

if [ "$1" = "-q" ] && [ "$2" = "-x" ]; then
  cat "$dir/smi.xml"
  exit 0
fi

for arg in "$@"; do
  case "$arg" in
    --help-query-gpu)
      echo "List of valid properties to query for the switch \"--query-gpu\":"
      echo
      echo "$help_fields" | while read -r l; do echo "$l"; echo "Some description."; echo; done
      if [ "$mode" = "old-driver" ]; then
        echo '"clocks_throttle_reasons.active"'
      else
        echo '"clocks_event_reasons.active" or "clocks_throttle_reasons.active"'
        echo '"gpu_recovery_action"'
      fi
      exit 0 ;;
    --query-gpu=*)
      fields="${arg#--query-gpu=}"
      if [ "$mode" = "empty" ]; then
        exit 0
      fi
      if [ "$mode" = "refuse-two" ]; then
        for refused in gpu_recovery_action remapped_rows.failure; do
          if [[ ",$fields," == *",$refused,"* ]]; then
            echo "Field \"$refused\" is not a valid field to query."
            exit 2
          fi
        done
      fi
      if [ "$mode" = "refuse-recovery" ] && [[ ",$fields," == *",gpu_recovery_action,"* ]]; then
        echo 'Field "gpu_recovery_action" is not a valid field to query.'
        echo
        exit 2
      fi
      if [ "$mode" = "old-driver" ] && [[ "$fields" == *"clocks_event_reasons"* ]]; then
        echo 'Field "clocks_event_reasons.active" is not a valid field to query.'
        exit 2
      fi
      IFS=',' read -ra F <<< "$fields"
      count=8
      for i in 0 1 2 3 4 5 6 7; do
        if [ "$mode" = "lost" ] && [ "$i" = "3" ]; then
          echo "Unable to determine the device handle for GPU0000:3B:00.0: GPU is lost.  Reboot the system to recover this GPU"
          continue
        fi
        row=""
        for f in "${F[@]}"; do
          case "$f" in
            index) v="$i" ;;
            uuid) v="GPU-${FAKE_HOST:-local}-$i" ;;
            name) v="NVIDIA H100 80GB HBM3" ;;
            pci.bus_id) v="00000000:1$i:00.0" ;;
            driver_version) v="570.86.15" ;;
            utilization.gpu) v="$((10 * i))" ;;
            utilization.memory) v="5" ;;
            memory.used) v="1024" ;;
            memory.total) v="81559" ;;
            temperature.gpu) v="$((40 + i))" ;;
            temperature.memory) v="[N/A]" ;;
            power.draw) v="$((100 + i)).50" ;;
            power.limit) v="700.00" ;;
            clocks.current.sm|clocks.sm) v="1980" ;;
            pstate) v="P0" ;;
            fan.speed) v="[Not Supported]" ;;
            ecc.errors.corrected.volatile.total) v="0" ;;
            ecc.errors.uncorrected.volatile.total) v="0" ;;
            clocks_event_reasons.active|clocks_throttle_reasons.active)
              if [ "$i" = "7" ]; then v="0x0000000000000040"; else v="0x0000000000000000"; fi ;;
            mig.mode.current) v="Disabled" ;;
            gpu_recovery_action) v="None" ;;
            remapped_rows.failure) v="No" ;;
            remapped_rows.pending) v="No" ;;
            *) v="[Unknown Error]" ;;
          esac
          row="${row:+$row, }$v"
        done
        printf '%s\r\n' "$row"
      done
      [ "$mode" = "lost" ] && exit 15
      exit 0 ;;
    --query-compute-apps=*)
      [ "$mode" = "empty" ] && exit 0
      if [ "$mode" = "desktop" ]; then
        echo "2165, /usr/bin/kwin_wayland, 25, GPU-${FAKE_HOST:-local}-0"
        echo "1201, /usr/lib/xorg/Xorg, 4, GPU-${FAKE_HOST:-local}-0"
        exit 0
      fi
      echo "4242, python train.py --tags a,b, 30000, GPU-${FAKE_HOST:-local}-0"
      echo "4243, [Not Found], [N/A], GPU-${FAKE_HOST:-local}-1"
      exit 0 ;;
  esac
done
echo "unknown arguments: $*" >&2
exit 2
