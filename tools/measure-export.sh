#!/usr/bin/env bash
# Measures the memory of the cancellations CSV export on a generated database, the way a
# supervisor would use it: starts the Release build against DB, signs in as the demo supervisor,
# downloads a small and a full export with curl, and reads the server's resident memory from
# /proc (VmHWM, reset before each download). Linux only.
#
#   dotnet run -c Release --project JobsPortal -- generate --jobs 1000000 --database /tmp/review.db
#   tools/measure-export.sh /tmp/review.db
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=$(realpath "${1:?usage: tools/measure-export.sh DATABASE [PORT]}")
port=${2:-5099}
base="http://localhost:$port"
work=$(mktemp -d)
dll=JobsPortal/bin/Release/net10.0/JobsPortal.dll

dotnet build -c Release JobsPortal -v quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" --urls "$base" --ConnectionStrings:JobsPortal="Data Source=$db" \
  >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.5
done

jar="$work/cookies"
token=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Account/Login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=sara.khan@example.com" --data-urlencode "Input.Password=Demo!2026"

kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$server/status"; }

export_once() {
  local label=$1 query=$2
  echo 5 > "/proc/$server/clear_refs"   # resets the peak (VmHWM) to the current resident size
  local before; before=$(kib VmRSS)
  local seconds; seconds=$( { /usr/bin/time -f %e curl -fsS -b "$jar" -o "$work/export.csv" "$base/cancellations/export?$query"; } 2>&1 )
  local peak; peak=$(kib VmHWM)
  local rows; rows=$(( $(wc -l < "$work/export.csv") - 1 ))
  printf '%-6s %8d rows %7.1f MB in %5.1f s   server RSS before %4d MB, peak %4d MB (+%d MB)\n' \
    "$label" "$rows" "$(echo "$(stat -c %s "$work/export.csv") / 1048576" | bc -l)" "$seconds" \
    $((before / 1024)) $((peak / 1024)) $(((peak - before) / 1024))
}

export_once warmup "from=2000-01-01&to=2100-12-31&review=all&reason=1&channel=API"
export_once small "from=$(date -u -d '-30 days' +%F)&to=$(date -u +%F)&review=all"
export_once full "from=2000-01-01&to=2100-12-31&review=all"
export_once full "from=2000-01-01&to=2100-12-31&review=all"
