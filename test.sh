#!/usr/bin/env bash
# The whole test suite, browser tests included, on a fresh Debian machine with the .NET SDK:
# installs Debian's Chromium and PostgreSQL when they are missing, restores the local tools, runs every test and
# ends with the line "tests: N passed, M failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium with apt-get."; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# The PostgreSQL tests start a throwaway server of their own (JobsPortal.Tests/TestInfrastructure/PostgresServer.cs)
# from Debian's postgresql binaries; the cluster that the package sets up and starts is not used.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the PostgreSQL tests..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null \
    || { echo "Could not install postgresql with apt-get."; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

# dotnet test builds only the test projects and what they reference: build the whole solution
# first, so that the benchmark project (bench/) cannot rot unnoticed.
dotnet build JobsPortal.sln -v q -nologo >/dev/null || { dotnet build JobsPortal.sln -v q -nologo | grep -E "error|Error" ; echo "tests: 0 passed, 1 failed"; exit 1; }

rm -rf TestResults
dotnet test JobsPortal.sln --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
status=$?

counters=$(grep -o '<Counters [^>]*>' TestResults/results.trx 2>/dev/null | head -n 1)
if [ -z "$counters" ]; then
  echo "No test results were written (did the build fail?)."
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(( ${failed:-0} + ${errors:-0} ))
echo "tests: ${passed:-0} passed, ${failed} failed"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  exit "$status"
fi
[ "$failed" -eq 0 ]
