#!/usr/bin/env bash
# Perceived speed (docs/performance.md#perceived-speed): starts the app in Release with the demo data on
# a fresh database at http://localhost:5098, runs bench/JobsPortal.PerceivedSpeed (a real Chromium signs
# in, opens a job and the Cancel dialog, each step timed from the click to what the person waits for)
# and stops the app. SOURCE=path measures another checkout (e.g. an older commit unpacked with git archive).
# Extra arguments go to the measuring client, e.g. ./bench/run-perceived-speed.sh --runs 30
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bench=$PWD/bench/JobsPortal.PerceivedSpeed
source=${SOURCE:-$PWD}
port=${PORT:-5098}
db=/tmp/perceived-speed-$port.db
url=http://localhost:$port

dotnet build -c Release "$source/JobsPortal" -v q -nologo >/dev/null
dotnet build -c Release "$bench" -v q -nologo >/dev/null
rm -f "$db" "$db-wal" "$db-shm"

# Development: the demo seed and accounts (2,400 jobs), as `dotnet run` gives them.
(cd "$source/JobsPortal" && exec dotnet bin/Release/net10.0/JobsPortal.dll \
  --ConnectionStrings:JobsPortal="Data Source=$db" --urls "$url" --environment Development) \
  >"/tmp/perceived-speed-$port.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 1
done
dotnet "$bench/bin/Release/net10.0/JobsPortal.PerceivedSpeed.dll" --url "$url" "$@"
