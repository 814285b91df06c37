#!/usr/bin/env bash
# Live updates across instances (docs/performance.md#live-updates-across-two-instances): two app instances
# in Release on one new PostgreSQL database with the demo data (A at :5196, B at :5197), a real Chromium with
# a job page open on B, each job cancelled through A's API, timed from A's answer to B's page showing it.
# LIVE_PG="Host=127.0.0.1;Port=5432;Username=postgres" names the server (psql must reach it as given).
# Extra arguments go to the measuring client, e.g. ./bench/run-live-update.sh --runs 30
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pg=${LIVE_PG:?Set LIVE_PG to a PostgreSQL connection string without a database}
bench=$PWD/bench/JobsPortal.PerceivedSpeed
db=live_update_bench

dotnet build -c Release JobsPortal -v q -nologo >/dev/null
dotnet build -c Release "$bench" -v q -nologo >/dev/null
psql_conn=$(tr ';' ' ' <<<"$pg" | sed -e 's/Host=/host=/I; s/Port=/port=/I; s/Username=/user=/I; s/Password=/password=/I')
psql "$psql_conn dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

apps=()
trap 'for a in "${apps[@]}"; do kill "$a" 2>/dev/null || true; wait "$a" 2>/dev/null || true; done' EXIT
for port in 5196 5197; do
  # Development: the demo seed and accounts; A migrates and seeds, B finds it done.
  (cd JobsPortal && exec dotnet bin/Release/net10.0/JobsPortal.dll --JobsPortal:Database:Provider=PostgreSql \
    "--ConnectionStrings:JobsPortal=$pg;Database=$db" --urls "http://127.0.0.1:$port" --environment Development) \
    >"/tmp/live-update-$port.log" 2>&1 &
  apps+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 1
  done
done
dotnet "$bench/bin/Release/net10.0/JobsPortal.PerceivedSpeed.dll" --live-from http://127.0.0.1:5196 --url http://127.0.0.1:5197 "$@"
