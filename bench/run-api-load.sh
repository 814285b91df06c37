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
#   API_LOAD_JOBS=200000             how many jobs the generated database has
#   API_LOAD_PG="Host=127.0.0.1;Port=5432;Username=postgres"   PostgreSQL instead of SQLite: the
#                                    pristine database is api_load_pristine_<jobs> on that server (made
#                                    with generate's COPY the first time), each run gets a copy of it
#                                    (CREATE DATABASE ... TEMPLATE); psql must reach the server as given
#   API_LOAD_INSTANCES=2             start that many app instances on the one database (ports PORT,
#                                    PORT+1, ...; PostgreSQL only) and spread the requests over them
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port=${API_LOAD_PORT:-5099}
jobs=${API_LOAD_JOBS:-200000}
pristine=${API_LOAD_PRISTINE:-/tmp/api-load.pristine.db}
db=${pristine%.pristine.db}.$port.db
url=http://127.0.0.1:$port
app_dir=${API_LOAD_APP:-}
pg=${API_LOAD_PG:-}
instances=${API_LOAD_INSTANCES:-1}
if [ "$instances" -gt 1 ] && [ -z "$pg" ]; then
  echo "Several instances need PostgreSQL (API_LOAD_PG)." >&2; exit 2
fi

if [ -z "$app_dir" ]; then
  dotnet build -c Release JobsPortal >/dev/null
fi
dotnet build -c Release bench/JobsPortal.ApiLoad >/dev/null
if [ -n "$pg" ]; then
  # psql takes the same key=value connection string as Npgsql for the keys used here.
  psql_conn=$(tr ';' ' ' <<<"$pg" | sed -e 's/Host=/host=/I; s/Port=/port=/I; s/Username=/user=/I; s/Password=/password=/I')
  pg_pristine=api_load_pristine_$jobs
  pg_db=api_load_$port
  if [ "$(psql "$psql_conn dbname=postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$pg_pristine'")" != "1" ]; then
    psql "$psql_conn dbname=postgres" -qc "CREATE DATABASE $pg_pristine"
    dotnet run -c Release --no-build --project JobsPortal -- generate --jobs "$jobs" --postgres "$pg;Database=$pg_pristine"
  fi
  psql "$psql_conn dbname=postgres" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db TEMPLATE $pg_pristine"
  database_args=(--JobsPortal:Database:Provider=PostgreSql "--ConnectionStrings:JobsPortal=$pg;Database=$pg_db")
else
  if [ ! -f "$pristine" ]; then
    dotnet run -c Release --no-build --project JobsPortal -- generate --jobs "$jobs" --database "$pristine"
  fi
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$pristine" "$db"
  database_args=("--ConnectionStrings:JobsPortal=Data Source=$db")
fi

# From the project folder, as dotnet run does: the content root (appsettings.json, its log levels) is there.
if [ -n "$app_dir" ]; then run_in=$app_dir dll=$app_dir/JobsPortal.dll; else run_in=JobsPortal dll=bin/Release/net10.0/JobsPortal.dll; fi
apps=() urls=()
trap 'for a in "${apps[@]}"; do kill "$a" 2>/dev/null || true; wait "$a" 2>/dev/null || true; done' EXIT
for n in $(seq 0 $((instances - 1))); do
  p=$((port + n))
  (cd "$run_in" && exec dotnet "$dll" "${database_args[@]}" --urls "http://127.0.0.1:$p" --environment Production) \
    >"/tmp/api-load-app.$p.log" 2>&1 &
  apps+=($!) urls+=("http://127.0.0.1:$p")
  for _ in $(seq 1 90); do
    curl -sf "http://127.0.0.1:$p/health" >/dev/null 2>&1 && break
    sleep 1
  done
done
url=$(IFS=,; echo "${urls[*]}")

cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # user + system time of a process, in clock ticks
app_cpu() { local t=0; for a in "${apps[@]}"; do t=$((t + $(cpu "$a"))); done; echo "$t"; }
before=$(app_cpu)
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app pids: ${apps[*]} (attach dotnet-trace or dotnet-counters to them while the client runs)"
measured_from="" measured=0 cancels=0 client_rc=1
# Read the client's lines as they come: the app's CPU is taken again when the warm-up ends, so the measured
# cancels' own CPU is printed apart from the listing's and the warm-up's.
while IFS= read -r line; do
  echo "$line"
  case $line in
    "warm-up done"*) measured_from=$(app_cpu) ;;
    cancels:*)
      cancels=$(awk '{ print $2 }' <<<"$line")
      [ -n "$measured_from" ] && measured=$(( ($(app_cpu) - measured_from) * 1000 / $(getconf CLK_TCK) )) ;;
    "client exit: "*) client_rc=${line#client exit: } ;;
  esac
done < <(rc=0; dotnet bench/JobsPortal.ApiLoad/bin/Release/net10.0/JobsPortal.ApiLoad.dll --url "$url" "$@" || rc=$?; echo "client exit: $rc")
echo "app CPU during the run (listing, warm-up and measured cancels, all instances): $(( ($(app_cpu) - before) * 1000 / $(getconf CLK_TCK) )) ms"
echo "app CPU during the measured cancels alone: $measured ms$( [ "$cancels" -gt 0 ] && awk -v m="$measured" -v n="$cancels" 'BEGIN { printf " = %.2f ms per cancel", m / n }')"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$client_rc"
