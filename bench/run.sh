#!/usr/bin/env bash
# bench/run.sh: BillCenter's alert dispatch, end to end, against real servers, next to the raw ceiling.
#
#   bench/run.sh [--count N] [--postgres] [any option of the benchmark program, see --help]
#
#   --count N     alerts queued per scenario (default 10000)
#   --postgres    also run every scenario on a throwaway PostgreSQL server
#   --help        the benchmark program's options
#
# Starts, on free 127.0.0.1 ports and in throwaway folders:
#   - aiosmtpd storing every message into a Maildir (scenario email-store),
#   - aiosmtpd discarding every message, aiosmtpd.handlers.Sink (scenario email-sink),
#   - with --postgres, a PostgreSQL server (durable settings: fsync on).
# The service starters are shared with scripts/test.sh in scripts/lib/services.sh.
# The fake Twilio API (scenario sms) runs inside the benchmark process.
# Builds bench/BillCenter.Benchmarks in Release, runs it, prints the results table and writes it to
# bench/results/latest.md (git-ignored). Always stops and removes what it started.
#
# Needs the .NET SDK, Debian's python3-aiosmtpd and, for --postgres, the postgresql package.
# A benchmark measures and reports; it is not a test and scripts/test.sh never runs it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

PROJECT="bench/BillCenter.Benchmarks/BillCenter.Benchmarks.csproj"
CONFIGURATION="Release"
RESULTS="bench/results/latest.md"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# shellcheck source=../scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

# ---------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------

COUNT=10000
USE_POSTGRES=false
EXTRA_ARGS=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --count) [ "$#" -ge 2 ] || die "--count needs a number"; COUNT="$2"; shift 2 ;;
    --postgres) USE_POSTGRES=true; shift ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      dotnet run --project "$PROJECT" -c "$CONFIGURATION" -- --help
      exit 0 ;;
    *) EXTRA_ARGS+=("$1"); shift ;;
  esac
done
case "$COUNT" in '' | *[!0-9]*) die "--count needs a number, got '$COUNT'" ;; esac

services_install_traps

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK, see global.json) is not on PATH"
[ -x "$PYTHON" ] && "$PYTHON" -c 'import aiosmtpd' >/dev/null 2>&1 \
  || die "aiosmtpd is missing: sudo apt-get install -y python3-aiosmtpd"

log "dotnet build $PROJECT -c $CONFIGURATION"
run_child dotnet build "$PROJECT" -c "$CONFIGURATION" --nologo -v quiet || die "build failed"

service_tempdir billcenter-bench
WORK_ROOT="$SERVICE_DIR"
MAILDIR="$WORK_ROOT/maildir"   # aiosmtpd's Mailbox handler creates it (it must not exist yet)
start_smtp store "$WORK_ROOT/smtp-store.log" aiosmtpd.handlers.Mailbox "$MAILDIR"
STORE_PORT="$SMTP_PORT" STORE_PID="$SMTP_PID"
start_smtp sink "$WORK_ROOT/smtp-sink.log" aiosmtpd.handlers.Sink
SINK_PORT="$SMTP_PORT" SINK_PID="$SMTP_PID"

BENCH_ARGS=(--count "$COUNT"
            --smtp-store "127.0.0.1:$STORE_PORT" --maildir "$MAILDIR" --smtp-store-pid "$STORE_PID"
            --smtp-sink "127.0.0.1:$SINK_PORT" --smtp-sink-pid "$SINK_PID"
            --output "$REPO_ROOT/$RESULTS")
if [ "$USE_POSTGRES" = true ]; then
  # Durable settings (fsync, synchronous_commit on), unlike the test server: a commit costs what it costs in production.
  start_postgres billcenter-bench-pg "-c max_connections=200"
  BENCH_ARGS+=(--postgres "$PG_CONNECTION")
fi

DLL="bench/BillCenter.Benchmarks/bin/$CONFIGURATION/net10.0/BillCenter.Benchmarks.dll"
log "dotnet $DLL ${BENCH_ARGS[*]} ${EXTRA_ARGS[*]:-}"
rc=0
run_child dotnet "$DLL" "${BENCH_ARGS[@]}" "${EXTRA_ARGS[@]}" || rc=$?
if [ -f "$RESULTS" ] && [ "$rc" -ne 2 ]; then log "results: $RESULTS"; fi
exit "$rc"
