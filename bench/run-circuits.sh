#!/usr/bin/env bash
# Memory per open page: publishes the app in Release and starts it (Production settings, demo data in
# a fresh database under /tmp) at http://localhost:5098, opens signed-in /jobs pages in one headless Debian Chromium
# (bench/JobsPortal.CircuitLoad: each page one Blazor Server circuit, left idle once its rows show)
# and, with 1 and then with 101 circuits open, reads the server's managed heap after a full GC
# (dotnet-gcdump collects after a full, blocking GC and counts the live objects) and its resident
# memory (VmRSS). Prints the difference per circuit and keeps the two heap dumps for
# `dotnet dotnet-gcdump report` (what each circuit holds).
# Environment: CIRCUITS_PORT=5098, CIRCUITS_APP=/path/to/another/published/build,
# CIRCUITS_OUT=/tmp/circuits (where the dumps and the app's log go).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port=${CIRCUITS_PORT:-5098}
out=${CIRCUITS_OUT:-/tmp/circuits}
app_dir=${CIRCUITS_APP:-}
url=http://localhost:$port
mkdir -p "$out"
db=$out/circuits.$port.db

dotnet tool restore >/dev/null
if [ -z "$app_dir" ]; then
  # Published, so the static assets (MudBlazor's, blazor.web.js) are served outside Development.
  app_dir=$out/app
  rm -rf "$app_dir"
  dotnet publish -c Release JobsPortal -o "$app_dir" >/dev/null
fi
dotnet build -c Release bench/JobsPortal.CircuitLoad >/dev/null
rm -f "$db" "$db-wal" "$db-shm"

(cd "$app_dir" && exec dotnet JobsPortal.dll --environment Production --urls "$url" \
  --ConnectionStrings:JobsPortal="Data Source=$db" --JobsPortal:DemoMode=true) >"$out/app.$port.log" 2>&1 &
app=$!
trap 'kill "$app" "${client_PID:-}" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 1
done
coproc client { exec dotnet bench/JobsPortal.CircuitLoad/bin/Release/net10.0/JobsPortal.CircuitLoad.dll "$url" 1 101; }
app_pid=$(pgrep -P "$app" -f JobsPortal.dll || echo "$app")

heap() {  # live managed bytes after a full GC, from a gcdump's per-type report
  dotnet dotnet-gcdump collect -p "$app_pid" -o "$1" >/dev/null
  dotnet dotnet-gcdump report "$1" | awk '/GC Heap bytes/ { gsub(",", "", $1); print $1 }'
}
rss() { awk '/^VmRSS/ { print $2 * 1024 }' "/proc/$app_pid/status"; }

declare -A managed resident
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
while read -r word circuits <&"${client[0]}"; do
  [ "$word" = ready ] || continue
  sleep 5  # let the last pages' first renders and acknowledgements settle: the circuits are meant idle
  managed[$circuits]=$(heap "$out/heap-$circuits.gcdump")
  resident[$circuits]=$(rss)
  printf 'circuits %3d: managed heap after full GC %6.1f MB, resident %6.1f MB\n' "$circuits" \
    "$(echo "${managed[$circuits]} / 1048576" | bc -l)" "$(echo "${resident[$circuits]} / 1048576" | bc -l)"
  echo >&"${client[1]}"
done
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'per circuit: managed %.0f KB, resident %.0f KB\n' \
  "$(echo "(${managed[101]} - ${managed[1]}) / 100 / 1024" | bc -l)" "$(echo "(${resident[101]} - ${resident[1]}) / 100 / 1024" | bc -l)"
echo "heap dumps: $out/heap-1.gcdump, $out/heap-101.gcdump (dotnet dotnet-gcdump report FILE)"
