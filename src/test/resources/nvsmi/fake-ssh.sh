#!/usr/bin/env bash
# A stand-in for ssh in tests: "fake-ssh HOST PROGRAM ARGS…" runs PROGRAM locally with FAKE_HOST=HOST.
host="$1"; shift
FAKE_HOST="$host" exec "$@"
