#!/usr/bin/env bash
# Measures POST jobs/all_scopes/cancel under load, on loopback only: generates a 200,000-job
# database once (kept as a pristine copy), starts the app in Release on a fresh copy of it at
# http://127.0.0.1:5099, runs bench/JobsPortal.ApiLoad (8 clients by default) and stops the app.
# Extra arguments go to the load client, e.g. ./bench/run-api-load.sh --cancels 8000
# Environment, for comparing builds one right after the other on a shared machine:
#   API_LOAD_PORT=5099               where the app listens
#   API_LOAD_PRISTINE=/tmp/api-load.pristine.db   the generated database kept untouched
#   API_LOAD_APP=/path/to/a/copy/of/bin/Release/net10.0   run that build (from its own folder, with
#                                    its own appsettings.json) instead of building this tree's
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port=${API_LOAD_PORT:-5099}
pristine=${API_LOAD_PRISTINE:-/tmp/api-load.pristine.db}
db=${pristine%.pristine.db}.$port.db
url=http://127.0.0.1:$port
app_dir=${API_LOAD_APP:-}

if [ -z "$app_dir" ]; then
  dotnet build -c Release JobsPortal >/dev/null
fi
dotnet build -c Release bench/JobsPortal.ApiLoad >/dev/null
if [ ! -f "$pristine" ]; then
  dotnet run -c Release --no-build --project JobsPortal -- generate --jobs 200000 --database "$pristine"
fi
rm -f "$db" "$db-wal" "$db-shm"
cp "$pristine" "$db"

# From the project folder, as dotnet run does: the content root (appsettings.json, its log levels) is there.
if [ -n "$app_dir" ]; then run_in=$app_dir dll=$app_dir/JobsPortal.dll; else run_in=JobsPortal dll=bin/Release/net10.0/JobsPortal.dll; fi
(cd "$run_in" && exec dotnet "$dll" \
  --ConnectionStrings:JobsPortal="Data Source=$db" --urls "$url" --environment Production) \
  >"/tmp/api-load-app.$port.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 1
done

cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # user + system time of a process, in clock ticks
app_pid=$(pgrep -P "$app" -f JobsPortal.dll || echo "$app")
before=$(cpu "$app_pid")
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app pid: $app_pid (attach dotnet-trace or dotnet-counters to it while the client runs)"
dotnet bench/JobsPortal.ApiLoad/bin/Release/net10.0/JobsPortal.ApiLoad.dll --url "$url" "$@"
echo "app CPU during the run (listing, warm-up and measured cancels): $(( ($(cpu "$app_pid") - before) * 1000 / $(getconf CLK_TCK) )) ms"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
