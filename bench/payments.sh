#!/usr/bin/env bash
# bench/payments.sh: the payment posting job at scale, against real databases, next to a bare bulk update.
#
#   bench/payments.sh [--postgres] [--payments N] [--skip-sqlite]
#
#   --postgres      also run on a throwaway PostgreSQL server (durable settings: fsync on)
#   --payments N    payments scheduled for today, one per card account (default 100000)
#
# Generates the accounts and payments (through EF, in batches), times a bare bulk UPDATE of the same payment rows
# (marking them Posted, then undone), then times the posting job (Scheduled -> Processing, ledger entries through the
# Accounts contract, Posted with one alert each), and prints the ratio. Writes bench/results/payments.md (git-ignored).
# Stops what it started. A benchmark measures and reports; it is not a test and scripts/test.sh never runs it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

PROJECT="bench/BillCenter.Bench.Payments/BillCenter.Bench.Payments.csproj"
CONFIGURATION="Release"
RESULTS="bench/results/payments.md"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# shellcheck source=../scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

USE_POSTGRES=false
BENCH_ARGS=(--output "$REPO_ROOT/$RESULTS")
while [ "$#" -gt 0 ]; do
  case "$1" in
    --postgres) USE_POSTGRES=true; shift ;;
    --payments) [ "$#" -ge 2 ] || die "$1 needs a number"; BENCH_ARGS+=("$1" "$2"); shift 2 ;;
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
  start_postgres billcenter-bench-payments-pg "-c max_connections=200"
  BENCH_ARGS+=(--postgres "$PG_CONNECTION")
fi

DLL="bench/BillCenter.Bench.Payments/bin/$CONFIGURATION/net10.0/BillCenter.Bench.Payments.dll"
log "dotnet $DLL ${BENCH_ARGS[*]}"
rc=0
run_child dotnet "$DLL" "${BENCH_ARGS[@]}" || rc=$?
if [ -f "$RESULTS" ]; then log "results: $RESULTS"; fi
exit "$rc"
