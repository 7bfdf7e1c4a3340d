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
#   - with --postgres, a PostgreSQL server (as scripts/test.sh does; durable settings: fsync on).
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
PYTHON="/usr/bin/python3"          # Debian's python, the one python3-aiosmtpd installs into
PG_ROLE="app"
PG_PASSWORD="app_pw"
SERVICE_TIMEOUT=60

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

log()  { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

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

# ---------------------------------------------------------------------------
# Cleanup: always stop what this script started and remove its throwaway folders
# ---------------------------------------------------------------------------

CHILD_PID=""
SERVICE_PIDS=()
WORK_ROOT=""
PG_BIN=""
PG_ROOT=""
PG_STARTED=false

# True while PID $1 exists and is not a zombie.
is_running() {
  local stat
  { stat="$(<"/proc/$1/stat")"; } 2>/dev/null || return 1
  stat="${stat##*) }"
  [ "${stat%% *}" != Z ]
}

# SIGTERM, then SIGKILL after 5 s.
stop_pid() {
  local pid="$1" _
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 25); do is_running "$pid" || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$? pid
  trap - EXIT
  trap '' INT TERM
  set +e
  if [ -n "$CHILD_PID" ]; then stop_pid "$CHILD_PID"; fi
  for pid in "${SERVICE_PIDS[@]}"; do stop_pid "$pid"; done
  if [ "$PG_STARTED" = true ] && [ -f "$PG_ROOT/data/postmaster.pid" ]; then
    ( cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ) \
      || warn "could not stop PostgreSQL in $PG_ROOT cleanly"
  fi
  if [ -n "$PG_ROOT" ] && [ -d "$PG_ROOT" ]; then rm -rf "$PG_ROOT"; fi
  if [ -n "$WORK_ROOT" ] && [ -d "$WORK_ROOT" ]; then rm -rf "$WORK_ROOT"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo >&2; warn "interrupted"; exit 130' INT
trap 'warn "terminated"; exit 143' TERM

# Runs a long command as a background child, so that INT/TERM traps run at once.
run_child() {
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/pg_isready" ] && [ -x "$dir/psql" ]; then
      echo "$dir"
    fi
  done | sort -V | tail -n 1
}

free_port() {
  "$PYTHON" -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Waits until the SMTP server (PID $2) answers an SMTP greeting on 127.0.0.1:$1.
wait_for_smtp() {
  "$PYTHON" - "$1" "$2" "$SERVICE_TIMEOUT" <<'PY'
import socket, sys, time
port, pid, timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + timeout
while True:
    try:
        with open(f"/proc/{pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                sys.exit(1)
    except OSError:
        sys.exit(1)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            if s.recv(512).startswith(b"220"):
                sys.exit(0)
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.2)
PY
}

# start_smtp NAME HANDLER [HANDLER ARGS]: sets SMTP_PORT and SMTP_PID.
start_smtp() {
  local name="$1" attempt log="$WORK_ROOT/smtp-$1.log"
  shift
  for attempt in 1 2 3; do
    SMTP_PORT="$(free_port)"
    PYTHONUNBUFFERED=1 "$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c "$@" >"$log" 2>&1 &
    SMTP_PID=$!
    SERVICE_PIDS+=("$SMTP_PID")
    if wait_for_smtp "$SMTP_PORT" "$SMTP_PID" && is_running "$SMTP_PID"; then
      log "SMTP ($name) ready on 127.0.0.1:$SMTP_PORT"
      return 0
    fi
    warn "SMTP server ($name) did not start on port $SMTP_PORT (attempt $attempt):"
    cat "$log" >&2 || true
    stop_pid "$SMTP_PID"
  done
  die "SMTP server ($name) could not be started"
}

start_postgres() {
  PG_BIN="$(find_pg_bin)"
  [ -n "$PG_BIN" ] || die "--postgres needs PostgreSQL's server binaries (Debian package postgresql)"
  if is_root; then id -u postgres >/dev/null 2>&1 || die "running as root needs the postgres user (Debian package postgresql)"; fi
  PG_ROOT="$(mktemp -d /tmp/billcenter-bench-pg.XXXXXX)"   # short: the socket path must stay under ~100 characters
  chmod 755 "$PG_ROOT"
  mkdir -p "$PG_ROOT/data" "$PG_ROOT/sock"
  if is_root; then chown -R postgres:postgres "$PG_ROOT"; fi

  log "PostgreSQL ($PG_BIN): initdb in $PG_ROOT"
  if ! ( cd "$PG_ROOT" && as_pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres \
           --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_ROOT/initdb.log" 2>&1 ); then
    cat "$PG_ROOT/initdb.log" >&2
    die "initdb failed"
  fi

  local attempt
  for attempt in 1 2 3; do
    PG_PORT="$(free_port)"
    PG_STARTED=true
    # Durable settings (fsync, synchronous_commit on), unlike the test server: a commit costs what it costs in production.
    if ( cd "$PG_ROOT" && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t "$SERVICE_TIMEOUT" \
           -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT/sock -c max_connections=200" start >/dev/null ); then
      break
    fi
    warn "PostgreSQL did not start on port $PG_PORT (attempt $attempt); server log:"
    tail -n 20 "$PG_ROOT/server.log" >&2 || true
    ( cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1 ) || true
    PG_STARTED=false
    [ "$attempt" -lt 3 ] || die "PostgreSQL could not be started"
  done

  local deadline=$(( SECONDS + SERVICE_TIMEOUT ))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; do
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$PG_ROOT/server.log" >&2; die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT"; }
    sleep 0.5
  done

  ( cd "$PG_ROOT" && as_pg "$PG_BIN/psql" -h "$PG_ROOT/sock" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB" ) || die "could not create the PostgreSQL role"
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_ROLE;Password=$PG_PASSWORD"
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT"
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK, see global.json) is not on PATH"
[ -x "$PYTHON" ] && "$PYTHON" -c 'import aiosmtpd' >/dev/null 2>&1 \
  || die "aiosmtpd is missing: sudo apt-get install -y python3-aiosmtpd"

log "dotnet build $PROJECT -c $CONFIGURATION"
run_child dotnet build "$PROJECT" -c "$CONFIGURATION" --nologo -v quiet || die "build failed"

WORK_ROOT="$(mktemp -d /tmp/billcenter-bench.XXXXXX)"
MAILDIR="$WORK_ROOT/maildir"   # aiosmtpd's Mailbox handler creates it (it must not exist yet)
start_smtp store aiosmtpd.handlers.Mailbox "$MAILDIR"
STORE_PORT="$SMTP_PORT" STORE_PID="$SMTP_PID"
start_smtp sink aiosmtpd.handlers.Sink
SINK_PORT="$SMTP_PORT" SINK_PID="$SMTP_PID"

BENCH_ARGS=(--count "$COUNT"
            --smtp-store "127.0.0.1:$STORE_PORT" --maildir "$MAILDIR" --smtp-store-pid "$STORE_PID"
            --smtp-sink "127.0.0.1:$SINK_PORT" --smtp-sink-pid "$SINK_PID"
            --output "$REPO_ROOT/$RESULTS")
if [ "$USE_POSTGRES" = true ]; then
  start_postgres
  BENCH_ARGS+=(--postgres "$PG_CONNECTION")
fi

DLL="bench/BillCenter.Benchmarks/bin/$CONFIGURATION/net10.0/BillCenter.Benchmarks.dll"
log "dotnet $DLL ${BENCH_ARGS[*]} ${EXTRA_ARGS[*]:-}"
rc=0
run_child dotnet "$DLL" "${BENCH_ARGS[@]}" "${EXTRA_ARGS[@]}" || rc=$?
if [ -f "$RESULTS" ] && [ "$rc" -ne 2 ]; then log "results: $RESULTS"; fi
exit "$rc"
