#!/usr/bin/env bash
# Runs every check of Polku: build (warnings are errors), code style, and all tests on SQLite and on a throwaway
# PostgreSQL cluster, with browser tests in Debian's Chromium. Installs what it needs. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. What the tests need from Debian: Chromium for the browser tests, PostgreSQL for the storage tests.
command -v chromium >/dev/null 2>&1 || { echo "Installing chromium…"; apt_install chromium; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then echo "Installing postgresql…"; apt_install postgresql; pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); fi

# 2. A throwaway PostgreSQL cluster on loopback, stopped and removed on exit.
pg_dir=$(mktemp -d /tmp/polku-pg.XXXXXX)
pg_port=55432
while (exec 3<>/dev/tcp/127.0.0.1/$pg_port) 2>/dev/null; do pg_port=$((pg_port + 1)); done
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
stop_pg() {
  run_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
run_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -o '-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=off -c max_connections=200' -w start" >/dev/null
export POLKU_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL ready on 127.0.0.1:$pg_port"

# 3. Build, style, tests.
dotnet tool restore >/dev/null
if ! dotnet build Polku.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed."; echo "0 passed, 1 failed"; exit 1
fi
if ! dotnet format Polku.slnx --verify-no-changes --no-restore; then
  echo "dotnet format would change files: run 'dotnet format Polku.slnx' and commit."; echo "0 passed, 1 failed"; exit 1
fi
echo "Code style: no changes needed"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0
dotnet test --solution Polku.slnx -c Release --no-build --report-trx --results-directory "$results" || status=$?

# 4. The plain summary line CI reads.
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$files" -lt "$(grep -c 'tests/.*Tests.csproj' Polku.slnx)" ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  echo "A test project did not report results (exit code $status)." >&2
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
