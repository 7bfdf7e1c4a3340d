# shellcheck shell=bash
# scripts/lib/services.sh: throwaway services for BillCenter's scripts, sourced by scripts/test.sh and bench/run.sh.
#
#   source "$REPO_ROOT/scripts/lib/services.sh"
#   services_install_traps        # cleanup on exit, Ctrl-C (INT) and SIGTERM
#   start_postgres PREFIX [SERVER OPTIONS]   sets PG_PORT, PG_CONNECTION (role "app" with CREATEDB)
#   start_smtp NAME LOGFILE HANDLER [ARGS]   aiosmtpd on a free port; sets SMTP_PORT, SMTP_PID
#   service_tempdir PREFIX        sets SERVICE_DIR to a new folder under /tmp, removed on exit
#   run_child COMMAND...          runs a long command so that INT/TERM stop it (and its child processes)
#
# Everything started lives on a fresh 127.0.0.1 port and in /tmp folders, and is stopped and removed by
# services_cleanup, whatever way the script ends. The caller may set PYTHON and SERVICE_TIMEOUT before sourcing.

PYTHON="${PYTHON:-/usr/bin/python3}"   # Debian's python, the one python3-aiosmtpd installs into
SERVICE_TIMEOUT="${SERVICE_TIMEOUT:-60}" # seconds to wait for a service to accept connections
PG_ROLE="app"
PG_PASSWORD="app_pw"

CHILD_PID=""       # the long command currently running (see run_child)
SERVICE_PIDS=()    # SMTP servers
SERVICE_DIRS=()    # throwaway folders
PG_BIN=""
PG_ROOT=""
PG_PORT=""
PG_CONNECTION=""
PG_STARTED=false

log()  { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------

# Prints PID $1 and the PIDs of all its descendants (read from /proc: no procps needed).
process_tree() {
  local -A children=()
  local stat line pid ppid
  for stat in /proc/[0-9]*/stat; do
    # read, not $(<file): under set -e, bash ends the script when $(<file) fails, even before "||".
    { read -r line <"$stat"; } 2>/dev/null || continue
    pid="${stat#/proc/}" pid="${pid%/stat}"
    line="${line##*) }"                      # fields after "pid (comm) ": state ppid ...
    ppid="${line#* }" ppid="${ppid%% *}"
    children[$ppid]+=" $pid"
  done
  local queue=("$1")
  while [ "${#queue[@]}" -gt 0 ]; do
    pid="${queue[0]}" queue=("${queue[@]:1}")
    echo "$pid"
    # shellcheck disable=SC2206  # the list is space-separated PIDs
    queue+=(${children[$pid]:-})
  done
}

# True while PID $1 exists and is not a zombie (kill -0 also succeeds on a zombie).
is_running() {
  local stat
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  stat="${stat##*) }"
  [ "${stat%% *}" != Z ]
}

# Stops PID $1 and everything it started (dotnet test leaves its test apps running when it
# is killed alone): SIGTERM, then SIGKILL whatever is left after 10 s.
stop_tree() {
  local pids pid _
  mapfile -t pids < <(process_tree "$1")
  kill -TERM "${pids[@]}" 2>/dev/null
  for _ in $(seq 1 50); do
    for pid in "${pids[@]}"; do is_running "$pid" && break; pid=""; done
    [ -z "$pid" ] && break
    sleep 0.2
  done
  kill -KILL "${pids[@]}" 2>/dev/null
  wait "$1" 2>/dev/null
}

# Runs a long command as a background child and waits for it, so that the INT/TERM traps run
# at once and services_cleanup can stop it. Returns the command's exit code.
run_child() {
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

# Sets SERVICE_DIR to a fresh folder /tmp/PREFIX.* (short path: PostgreSQL's socket path must stay
# under ~100 characters), removed by services_cleanup. Not in $(...): the list must be kept.
service_tempdir() {
  SERVICE_DIR="$(mktemp -d "/tmp/$1.XXXXXX")" || die "mktemp failed"
  SERVICE_DIRS+=("$SERVICE_DIR")
}

# ---------------------------------------------------------------------------
# Cleanup: always stop what was started and remove the throwaway folders
# ---------------------------------------------------------------------------

services_cleanup() {
  local status=$? pid dir
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not cut the cleanup short (it is bounded in time)
  set +e
  if [ -n "$CHILD_PID" ] && kill -0 "$CHILD_PID" 2>/dev/null; then
    log "stopping $CHILD_PID and its child processes"
    stop_tree "$CHILD_PID"
  fi
  for pid in "${SERVICE_PIDS[@]}"; do stop_tree "$pid"; done
  if [ "$PG_STARTED" = true ] && [ -f "$PG_ROOT/data/postmaster.pid" ]; then
    ( cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ) \
      || warn "could not stop PostgreSQL in $PG_ROOT cleanly"
  fi
  for dir in "${SERVICE_DIRS[@]}"; do
    if [ -d "$dir" ]; then rm -rf "$dir"; fi
  done
  exit "$status"
}

services_install_traps() {
  trap services_cleanup EXIT
  trap 'echo >&2; warn "interrupted"; exit 130' INT
  trap 'warn "terminated"; exit 143' TERM
}

# ---------------------------------------------------------------------------
# What is installed
# ---------------------------------------------------------------------------

# Newest installed PostgreSQL server binaries, e.g. /usr/lib/postgresql/15/bin.
find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/pg_isready" ] && [ -x "$dir/psql" ]; then
      echo "$dir"
    fi
  done | sort -V | tail -n 1   # sort by version: the glob puts 10 before 9
}

have_postgresql() { [ -n "$(find_pg_bin)" ] && { ! is_root || id -u postgres >/dev/null 2>&1; }; }
have_aiosmtpd()   { [ -x "$PYTHON" ] && "$PYTHON" -c 'import aiosmtpd' >/dev/null 2>&1; }

# ---------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------

# Prints a TCP port on 127.0.0.1 that is free right now (the OS picks it).
free_port() {
  if [ -x "$PYTHON" ]; then
    "$PYTHON" -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
  else
    # No python: a random high port nobody answers on.
    local port
    while :; do
      port=$(( 20000 + RANDOM % 40000 ))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
  fi
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

# Runs a PostgreSQL tool as the "postgres" user when root (the server refuses to run as root),
# as the current user otherwise.
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Runs SQL statements ($@, one -c each) as the superuser over the Unix socket.
pg_admin_sql() {
  local args=() statement
  for statement in "$@"; do args+=(-c "$statement"); done
  ( cd "$PG_ROOT" && as_pg "$PG_BIN/psql" -h "$PG_ROOT/sock" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "${args[@]}" )
}

# start_postgres PREFIX [SERVER OPTIONS]: initdb in a fresh /tmp/PREFIX.* folder, start the server on
# a free port with the given extra options (e.g. "-c fsync=off"), create role $PG_ROLE with CREATEDB
# (and pg_signal_backend, so a forced DROP DATABASE can end an autovacuum worker).
start_postgres() {
  local prefix="$1" options="${2:-}"
  PG_BIN="$(find_pg_bin)"
  [ -n "$PG_BIN" ] || die "PostgreSQL's server binaries are missing (Debian package postgresql)"
  if is_root; then id -u postgres >/dev/null 2>&1 || die "running as root needs the postgres user (Debian package postgresql)"; fi
  service_tempdir "$prefix"
  PG_ROOT="$SERVICE_DIR"
  chmod 755 "$PG_ROOT"
  mkdir -p "$PG_ROOT/data" "$PG_ROOT/sock"
  if is_root; then chown -R postgres:postgres "$PG_ROOT"; fi

  log "PostgreSQL ($PG_BIN): initdb in $PG_ROOT"
  # Run from inside the folder: the postgres user may not be allowed into the caller's directory.
  if ! ( cd "$PG_ROOT" && as_pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres \
           --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
           >"$PG_ROOT/initdb.log" 2>&1 ); then
    cat "$PG_ROOT/initdb.log" >&2
    die "initdb failed"
  fi

  # The port is free when picked but could be taken before the server binds it
  # (other builds run on this machine): try a few fresh ports.
  local attempt
  for attempt in 1 2 3; do
    PG_PORT="$(free_port)"
    PG_STARTED=true   # from here on, cleanup tries to stop it
    if ( cd "$PG_ROOT" && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t "$SERVICE_TIMEOUT" \
           -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT/sock $options" start >/dev/null ); then
      break
    fi
    warn "PostgreSQL did not start on port $PG_PORT (attempt $attempt); server log:"
    tail -n 20 "$PG_ROOT/server.log" >&2 || true
    ( cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1 ) || true
    PG_STARTED=false
    [ "$attempt" -lt 3 ] || die "PostgreSQL could not be started"
  done

  # pg_ctl -w already waited; make sure TCP connections are accepted too.
  local deadline=$(( SECONDS + SERVICE_TIMEOUT ))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; do
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$PG_ROOT/server.log" >&2; die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT"; }
    sleep 0.5
  done

  # pg_signal_backend: tests drop their databases WITH (FORCE), which must also end an autovacuum worker busy on
  # that database; it is not a process of this role, and without the membership the drop fails now and then (42501).
  pg_admin_sql "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB IN ROLE pg_signal_backend" || die "could not create the PostgreSQL role"
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_ROLE;Password=$PG_PASSWORD"
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT (role $PG_ROLE with CREATEDB)"
}

# ---------------------------------------------------------------------------
# SMTP (aiosmtpd)
# ---------------------------------------------------------------------------

# Waits until the SMTP server (PID $2) answers an SMTP greeting on 127.0.0.1:$1;
# fails at once if that process is gone (e.g. it could not bind the port).
wait_for_smtp() {
  "$PYTHON" - "$1" "$2" "$SERVICE_TIMEOUT" <<'PY'
import socket, sys, time
port, pid, timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + timeout
while True:
    try:  # gone, or a zombie waiting to be reaped
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

# start_smtp NAME LOGFILE HANDLER [HANDLER ARGS]: aiosmtpd with that handler (e.g.
# aiosmtpd.handlers.Mailbox MAILDIR, or aiosmtpd.handlers.Sink) on a free port; sets SMTP_PORT and SMTP_PID.
start_smtp() {
  local name="$1" logfile="$2" attempt
  shift 2
  for attempt in 1 2 3; do
    SMTP_PORT="$(free_port)"
    PYTHONUNBUFFERED=1 "$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c "$@" >"$logfile" 2>&1 &
    SMTP_PID=$!
    SERVICE_PIDS+=("$SMTP_PID")
    if wait_for_smtp "$SMTP_PORT" "$SMTP_PID" && is_running "$SMTP_PID"; then
      log "SMTP ($name) ready on 127.0.0.1:$SMTP_PORT"
      return 0
    fi
    warn "SMTP server ($name) did not start on port $SMTP_PORT (attempt $attempt); its log:"
    cat "$logfile" >&2 || true
    stop_tree "$SMTP_PID"
  done
  die "SMTP server ($name) could not be started"
}
