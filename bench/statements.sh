#!/usr/bin/env bash
# bench/statements.sh: the statement run at scale, against real databases, next to a bare bulk insert.
#
#   bench/statements.sh [--postgres] [--accounts N] [--entries M] [--skip-sqlite]
#
#   --postgres      also run on a throwaway PostgreSQL server (durable settings: fsync on)
#   --accounts N    card accounts (default 100000)
#   --entries M     entries per account in the closing cycle (default 30)
#   --activity-entries K  entries on the card whose activity pages are timed (default 100000; 0 skips)
#
# Generates the ledger (accounts and cards through EF, entries set-based in SQL), times a bare bulk insert of as many
# statement rows as the run writes (EF AddRange batches on SQLite, binary COPY on PostgreSQL), then times the statement
# run's chunks, and prints the ratio. Writes bench/results/statements.md (git-ignored). Stops what it started.
# A benchmark measures and reports; it is not a test and scripts/test.sh never runs it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

PROJECT="bench/BillCenter.Bench.Statements/BillCenter.Bench.Statements.csproj"
CONFIGURATION="Release"
RESULTS="bench/results/statements.md"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# shellcheck source=../scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

USE_POSTGRES=false
BENCH_ARGS=(--output "$REPO_ROOT/$RESULTS")
while [ "$#" -gt 0 ]; do
  case "$1" in
    --postgres) USE_POSTGRES=true; shift ;;
    --accounts | --entries | --activity-entries) [ "$#" -ge 2 ] || die "$1 needs a number"; BENCH_ARGS+=("$1" "$2"); shift 2 ;;
    --skip-sqlite) BENCH_ARGS+=("$1"); shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

services_install_traps
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK, see global.json) is not on PATH"

log "dotnet build $PROJECT -c $CONFIGURATION"
run_child dotnet build "$PROJECT" -c "$CONFIGURATION" --nologo -v quiet || die "build failed"

if [ "$USE_POSTGRES" = true ]; then
  start_postgres billcenter-bench-pg "-c max_connections=200"
  BENCH_ARGS+=(--postgres "$PG_CONNECTION")
fi

DLL="bench/BillCenter.Bench.Statements/bin/$CONFIGURATION/net10.0/BillCenter.Bench.Statements.dll"
log "dotnet $DLL ${BENCH_ARGS[*]}"
rc=0
run_child dotnet "$DLL" "${BENCH_ARGS[@]}" || rc=$?
if [ -f "$RESULTS" ]; then log "results: $RESULTS"; fi
exit "$rc"
