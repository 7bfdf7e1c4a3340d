#!/usr/bin/env bash
# scripts/test.sh: build BillCenter and run the tests of the whole solution.
#
#   scripts/test.sh [extra options passed to the test apps, e.g. --filter-class 'BillCenter.*Tests']
#
# The script works from any directory and can be run again right away: everything
# it starts lives in throwaway folders and on freshly picked ports, and is stopped
# and removed when the script exits (success, failure, Ctrl-C or SIGTERM).
#
# Steps:
#   1. Install what is missing (Debian packages, as root): chromium, postgresql,
#      python3-aiosmtpd; then `dotnet tool restore`.
#      Not root and something is missing: under CI=true the script stops and says
#      what to install; by hand it warns and goes on, and the tests that need the
#      missing service skip (they look at the variables below).
#   2. `dotnet build BillCenter.sln -c Release`, once.
#   3. Start a throwaway PostgreSQL server and a throwaway SMTP server (aiosmtpd
#      storing every message into a Maildir), each on a free 127.0.0.1 port, and
#      export to the tests:
#        BILLCENTER_TEST_POSTGRES   Npgsql connection string, role "app" with CREATEDB
#                                   (tests create their own databases)
#        BILLCENTER_TEST_SMTP_HOST  127.0.0.1
#        BILLCENTER_TEST_SMTP_PORT  port of the SMTP server
#        BILLCENTER_TEST_MAILDIR    Maildir root; delivered messages land in $BILLCENTER_TEST_MAILDIR/new
#        BILLCENTER_TEST_CHROMIUM   /usr/lib/chromium/chromium (Playwright's browser)
#   4. `dotnet test` on the solution (Microsoft Testing Platform mode, see global.json),
#      without rebuilding. Under CI=true skipped tests count as failures (--fail-skips on).
#   5. Print the totals summed over the TRX files of all test projects and end with
#        tests: N passed, N failed
#      The exit code is non-zero if a test failed, the test run failed, or no test ran.
set -euo pipefail

# ---------------------------------------------------------------------------
# Settings and helpers
# ---------------------------------------------------------------------------

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SOLUTION="BillCenter.sln"
CONFIGURATION="Release"
CHROMIUM_BIN="/usr/lib/chromium/chromium"
PYTHON="/usr/bin/python3"          # Debian's python, the one python3-aiosmtpd installs into
PG_ROLE="app"
PG_PASSWORD="app_pw"
SERVICE_TIMEOUT=60                 # seconds to wait for a service to accept connections
TEST_RESULTS_DIR="$REPO_ROOT/TestResults/test-sh"   # TRX files and the console log (git-ignored)

case "${CI:-}" in
  true | TRUE | True | 1 | yes) IN_CI=true ;;
  *) IN_CI=false ;;
esac

# Quieter, non-interactive dotnet; no MSBuild worker nodes left running after the build.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

log()  { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------
# Cleanup: always stop what this script started and remove its throwaway folders
# ---------------------------------------------------------------------------

CHILD_PID=""      # the dotnet command currently running (see run_child)
SMTP_PID=""
SMTP_ROOT=""
PG_BIN=""
PG_ROOT=""
PG_STARTED=false

# Prints PID $1 and the PIDs of all its descendants (read from /proc: no procps needed).
process_tree() {
  local -A children=()
  local stat line pid ppid
  for stat in /proc/[0-9]*/stat; do
    { line="$(<"$stat")"; } 2>/dev/null || continue
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
  { stat="$(<"/proc/$1/stat")"; } 2>/dev/null || return 1
  stat="${stat##*) }"
  [ "${stat%% *}" != Z ]
}

# Stops PID $1 and everything it started (dotnet test leaves its test apps running
# when it is killed alone): SIGTERM, then SIGKILL whatever is left after 10 s.
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

cleanup() {
  local status=$?
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not cut the cleanup short (it is bounded in time)
  set +e
  if [ -n "$CHILD_PID" ] && kill -0 "$CHILD_PID" 2>/dev/null; then
    log "stopping $CHILD_PID and its child processes"
    stop_tree "$CHILD_PID"
  fi
  if [ -n "$SMTP_PID" ]; then
    kill -TERM "$SMTP_PID" 2>/dev/null
    # Give it a moment, then make sure it is gone.
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$SMTP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SMTP_PID" 2>/dev/null
    wait "$SMTP_PID" 2>/dev/null
  fi
  if [ "$PG_STARTED" = true ] && [ -f "$PG_ROOT/data/postmaster.pid" ]; then
    ( cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ) \
      || warn "could not stop PostgreSQL in $PG_ROOT cleanly"
  fi
  if [ -n "$PG_ROOT" ] && [ -d "$PG_ROOT" ]; then rm -rf "$PG_ROOT"; fi
  if [ -n "$SMTP_ROOT" ] && [ -d "$SMTP_ROOT" ]; then rm -rf "$SMTP_ROOT"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo >&2; warn "interrupted"; exit 130' INT
trap 'warn "terminated"; exit 143' TERM

# Runs a long command as a background child and waits for it, so that the INT/TERM
# traps run at once and cleanup can stop it. Returns the command's exit code.
run_child() {
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

# ---------------------------------------------------------------------------
# 1. Install what is missing
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

have_chromium()   { [ -x "$CHROMIUM_BIN" ]; }
have_postgresql() { [ -n "$(find_pg_bin)" ] && { ! is_root || id -u postgres >/dev/null 2>&1; }; }
have_aiosmtpd()   { [ -x "$PYTHON" ] && "$PYTHON" -c 'import aiosmtpd' >/dev/null 2>&1; }

missing_packages() {
  local missing=()
  have_chromium   || missing+=(chromium)
  have_postgresql || missing+=(postgresql)
  have_aiosmtpd   || missing+=(python3-aiosmtpd)
  echo "${missing[*]:-}"
}

install_prerequisites() {
  local missing
  missing="$(missing_packages)"
  if [ -n "$missing" ]; then
    if is_root && command -v apt-get >/dev/null 2>&1; then
      log "installing missing Debian packages: $missing"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update
      # shellcheck disable=SC2086  # word splitting of the package list is intended
      apt-get install -y $missing
      missing="$(missing_packages)"
      [ -z "$missing" ] || die "still missing after apt-get install: $missing"
    else
      warn "missing Debian packages: $missing"
      warn "install them with:  sudo apt-get update && sudo apt-get install -y $missing"
      if [ "$IN_CI" = true ]; then
        die "CI=true needs every service; install the packages above (or run this script as root)"
      fi
      warn "going on without them: the tests that need them will SKIP (under CI=true this is an error)"
    fi
  fi

  command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK, see global.json) is not on PATH"
  log "dotnet tool restore"
  run_child dotnet tool restore || die "dotnet tool restore failed"
}

# ---------------------------------------------------------------------------
# 3. Services
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
    # No python (by hand, without python3-aiosmtpd): a random high port nobody answers on.
    local port
    while :; do
      port=$(( 20000 + RANDOM % 40000 ))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
  fi
}

# Runs a PostgreSQL tool as the "postgres" user when root (the server refuses to run
# as root), as the current user otherwise.
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  PG_BIN="$(find_pg_bin)"
  # Short path: the Unix socket path must stay under ~100 characters.
  PG_ROOT="$(mktemp -d /tmp/billcenter-pg.XXXXXX)"
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
           -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT/sock -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
           start >/dev/null ); then
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

  ( cd "$PG_ROOT" && as_pg "$PG_BIN/psql" -h "$PG_ROOT/sock" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB" \
      -c "CREATE DATABASE billcenter OWNER $PG_ROLE" ) || die "could not create the PostgreSQL role and database"

  export BILLCENTER_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_ROLE;Password=$PG_PASSWORD"
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT (role $PG_ROLE with CREATEDB)"
}

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

start_smtp() {
  SMTP_ROOT="$(mktemp -d /tmp/billcenter-smtp.XXXXXX)"
  # aiosmtpd's Mailbox handler creates the Maildir (with new/ cur/ tmp/): it must not exist yet.
  local maildir="$SMTP_ROOT/maildir" attempt
  for attempt in 1 2 3; do
    SMTP_PORT="$(free_port)"
    PYTHONUNBUFFERED=1 "$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
      -c aiosmtpd.handlers.Mailbox "$maildir" >"$SMTP_ROOT/smtp.log" 2>&1 &
    SMTP_PID=$!
    if wait_for_smtp "$SMTP_PORT" "$SMTP_PID" && is_running "$SMTP_PID"; then
      break
    fi
    warn "SMTP server did not start on port $SMTP_PORT (attempt $attempt); its log:"
    cat "$SMTP_ROOT/smtp.log" >&2 || true
    kill -KILL "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
    [ "$attempt" -lt 3 ] || die "SMTP server could not be started"
  done
  [ -d "$maildir/new" ] || die "SMTP server started but $maildir/new does not exist"

  export BILLCENTER_TEST_SMTP_HOST=127.0.0.1
  export BILLCENTER_TEST_SMTP_PORT="$SMTP_PORT"
  export BILLCENTER_TEST_MAILDIR="$maildir"
  log "SMTP ready on 127.0.0.1:$SMTP_PORT, Maildir $maildir"
}

start_services() {
  # Variables of a service we do not provide are unset, so its tests skip instead
  # of talking to something stale from the caller's environment.
  if have_postgresql; then
    start_postgres
  else
    unset BILLCENTER_TEST_POSTGRES
    warn "no PostgreSQL: BILLCENTER_TEST_POSTGRES not set, PostgreSQL tests will skip"
  fi

  if have_aiosmtpd; then
    start_smtp
  else
    unset BILLCENTER_TEST_SMTP_HOST BILLCENTER_TEST_SMTP_PORT BILLCENTER_TEST_MAILDIR
    warn "no aiosmtpd: BILLCENTER_TEST_SMTP_* not set, e-mail tests will skip"
  fi

  if have_chromium; then
    export BILLCENTER_TEST_CHROMIUM="$CHROMIUM_BIN"
    log "Chromium: $CHROMIUM_BIN"
  else
    unset BILLCENTER_TEST_CHROMIUM
    warn "no Chromium: BILLCENTER_TEST_CHROMIUM not set, browser tests will skip"
  fi
}

# ---------------------------------------------------------------------------
# 2 and 4. Build, then test
# ---------------------------------------------------------------------------

# Value of attribute $1 in the XML element text $2 (0 when absent).
xml_attr() {
  local value
  value="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
  echo "${value:-0}"
}

# Value of "  <name>: N" in the "Test run summary" block of dotnet test's console log (empty when absent).
console_total() {
  sed -n '/^Test run summary/,$p' "$2" | sed -n "s/^[[:space:]]*$1:[[:space:]]*\([0-9][0-9]*\)[[:space:]]*\$/\1/p" | tail -n 1
}

build() {
  log "dotnet build $SOLUTION -c $CONFIGURATION"
  run_child dotnet build "$SOLUTION" -c "$CONFIGURATION" || die "build failed"
}

run_tests() {
  rm -rf "$TEST_RESULTS_DIR"
  mkdir -p "$TEST_RESULTS_DIR"
  local console_log="$TEST_RESULTS_DIR/dotnet-test.log"

  # dotnet test in Microsoft.Testing.Platform mode (global.json "test.runner"): options
  # of the test apps (xUnit v3) are given directly, without "--".
  #   --report-xunit-trx   each test project writes a TRX file into --results-directory
  #                        (xUnit v3's own TRX report; needs no extra package)
  #   --fail-skips on      (CI only) a skipped test counts as failed
  local test_cmd=(dotnet test --solution "$SOLUTION" -c "$CONFIGURATION" --no-build
                  --results-directory "$TEST_RESULTS_DIR" --report-xunit-trx
                  --no-ansi --no-progress)
  if [ "$IN_CI" = true ]; then test_cmd+=(--fail-skips on); fi
  # With extra options (typically a filter), a test project in which nothing matches
  # would fail with exit code 8 ("zero tests ran"); the total is still checked below.
  if [ "$#" -gt 0 ]; then test_cmd+=(--ignore-exit-code 8 "$@"); fi

  log "${test_cmd[*]}"
  # Output goes to the terminal and to a log (for the cross-check below) through tee.
  local test_rc=0 tee_fd tee_pid
  # tee ignores Ctrl-C so that it still shows the messages of the cleanup.
  exec {tee_fd}> >(trap '' INT; exec tee "$console_log")
  tee_pid=$!
  run_child "${test_cmd[@]}" >&"$tee_fd" 2>&1 || test_rc=$?
  exec {tee_fd}>&-
  wait "$tee_pid" 2>/dev/null || true   # tee has written everything

  # Totals: sum the <Counters .../> of the TRX files, one per test project.
  local passed=0 failed=0 skipped=0 total=0 files=0 f counters project p fl sk
  echo
  while IFS= read -r -d '' f; do
    counters="$(grep -o '<Counters [^>]*>' "$f" | head -n 1 || true)"
    if [ -z "$counters" ]; then warn "no <Counters> in $f"; continue; fi
    files=$(( files + 1 ))
    p="$(xml_attr passed "$counters")"
    # error, timeout and aborted results are failures too.
    fl=$(( $(xml_attr failed "$counters") + $(xml_attr error "$counters") \
         + $(xml_attr timeout "$counters") + $(xml_attr aborted "$counters") ))
    sk="$(xml_attr notExecuted "$counters")"    # xUnit writes skipped tests as "not executed"
    total=$(( total + $(xml_attr total "$counters") ))
    passed=$(( passed + p )) failed=$(( failed + fl )) skipped=$(( skipped + sk ))
    project="$(grep -o 'storage="[^"]*"' "$f" | head -n 1 | sed 's/^storage="//; s/"$//; s#.*/##; s/\.dll$//' || true)"
    echo "  ${project:-(no test)}: $p passed, $fl failed, $sk skipped  [${f##*/}]"
  done < <(find "$TEST_RESULTS_DIR" -name '*.trx' -type f -print0 | sort -z)

  # dotnet test's own summary, to check the TRX totals against.
  local c_total c_failed c_passed c_skipped modules
  c_total="$(console_total total "$console_log")"
  c_failed="$(console_total failed "$console_log")"
  c_passed="$(console_total succeeded "$console_log")"
  c_skipped="$(console_total skipped "$console_log")"
  modules="$(grep '^Running tests from ' "$console_log" | sort -u | wc -l || true)"

  # xUnit names each TRX file after user, machine and a timestamp; two test projects
  # of the parallel run can get the same name, and one report then overwrites the
  # other (seen in practice). A test app that crashes writes none. In both cases
  # there are fewer TRX files than test projects run: use dotnet test's summary.
  if [ -n "$c_total" ] && { [ "$files" -lt "$modules" ] || [ "$files" -eq 0 ]; }; then
    warn "$modules test projects ran but only $files TRX files exist (same-name reports or a crashed test app): totals taken from dotnet test's summary"
    total="$c_total" passed="${c_passed:-0}" failed="${c_failed:-0}" skipped="${c_skipped:-0}"
  elif [ -n "$c_total" ] && { [ "$c_total" != "$total" ] || [ "${c_failed:-0}" != "$failed" ] || [ "${c_passed:-0}" != "$passed" ]; }; then
    warn "TRX totals (total $total, passed $passed, failed $failed) differ from dotnet test's summary (total $c_total, succeeded ${c_passed:-?}, failed ${c_failed:-?})"
    # Never report fewer failures than either source.
    if [ "${c_failed:-0}" -gt "$failed" ]; then failed="$c_failed"; fi
  fi

  local ok=true
  echo "TRX reports and console log: ${TEST_RESULTS_DIR#"$REPO_ROOT"/}/"
  echo "skipped: $skipped"
  if [ "$test_rc" -ne 0 ]; then
    warn "dotnet test exited with code $test_rc (see https://aka.ms/testingplatform/exitcodes)"
    ok=false
  fi
  if [ "$total" -eq 0 ] || [ $(( passed + failed )) -eq 0 ]; then
    warn "no test ran"
    ok=false
  fi
  [ "$failed" -eq 0 ] || ok=false
  echo "tests: $passed passed, $failed failed"
  [ "$ok" = true ]
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

log "BillCenter tests in $REPO_ROOT (CI=$IN_CI)"
install_prerequisites
build            # first: a compile error needs no services
start_services
run_tests "$@"
