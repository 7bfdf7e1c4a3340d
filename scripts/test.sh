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
#   5. Check that every test project of BillCenter.sln (IsTestProject true) ran and reported at
#      least one test (with extra options, e.g. a filter, a project without tests is only
#      listed), print the totals summed over the TRX files of all test projects, then the
#      names of the failed tests, and end with
#        tests: N passed, N failed
#      The exit code is non-zero if a test failed, the test run failed, a test project is
#      missing from the results, or no test ran.
#
# The service starters (PostgreSQL, SMTP, free ports, cleanup) are shared with bench/run.sh
# in scripts/lib/services.sh.
set -euo pipefail

# ---------------------------------------------------------------------------
# Settings and helpers
# ---------------------------------------------------------------------------

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SOLUTION="BillCenter.sln"
CONFIGURATION="Release"
CHROMIUM_BIN="/usr/lib/chromium/chromium"
TEST_RESULTS_DIR="$REPO_ROOT/TestResults/test-sh"   # TRX files and the console log (git-ignored)

# shellcheck source=lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"
services_install_traps

case "${CI:-}" in
  true | TRUE | True | 1 | yes) IN_CI=true ;;
  *) IN_CI=false ;;
esac

# Quieter, non-interactive dotnet; no MSBuild worker nodes left running after the build.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# ---------------------------------------------------------------------------
# 1. Install what is missing
# ---------------------------------------------------------------------------

have_chromium()   { [ -x "$CHROMIUM_BIN" ]; }

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

# Fast, throwaway settings: the tests need no durability.
start_test_postgres() {
  start_postgres billcenter-pg "-c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  pg_admin_sql "CREATE DATABASE billcenter OWNER $PG_ROLE" || die "could not create the PostgreSQL database"
  export BILLCENTER_TEST_POSTGRES="$PG_CONNECTION"
}

start_test_smtp() {
  service_tempdir billcenter-smtp
  # aiosmtpd's Mailbox handler creates the Maildir (with new/ cur/ tmp/): it must not exist yet.
  local maildir="$SERVICE_DIR/maildir"
  start_smtp maildir "$SERVICE_DIR/smtp.log" aiosmtpd.handlers.Mailbox "$maildir"
  [ -d "$maildir/new" ] || die "SMTP server started but $maildir/new does not exist"

  export BILLCENTER_TEST_SMTP_HOST=127.0.0.1
  export BILLCENTER_TEST_SMTP_PORT="$SMTP_PORT"
  export BILLCENTER_TEST_MAILDIR="$maildir"
  log "Maildir $maildir"
}

start_services() {
  # Variables of a service we do not provide are unset, so its tests skip instead
  # of talking to something stale from the caller's environment.
  if have_postgresql; then
    start_test_postgres
  else
    unset BILLCENTER_TEST_POSTGRES
    warn "no PostgreSQL: BILLCENTER_TEST_POSTGRES not set, PostgreSQL tests will skip"
  fi

  if have_aiosmtpd; then
    start_test_smtp
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

# Prints what the console log says about the first failures: the outcome line and the error message and
# stack trace under it (a few lines each), so a CI log that shows only its tail still names the cause.
console_failure_details() {
  awk '
    /^(passed|skipped) / { keep = 0; next }
    /^(failed|error|errored|timed out|timedout|cancelled|canceled|aborted) / {
      keep = 0
      if (shown < 4) { shown++; keep = 1; lines = 0; print "  " $0 }
      next
    }
    keep && /^ / && lines < 14 { lines++; print "  " $0; next }
    { keep = 0 }' "$1"
}

# Prints "outcome<TAB>assembly<TAB>test name" for each test result in dotnet test's console log
# (--output detailed: a line "<outcome> <test name> (<duration>)", later "  from <path>.dll (<tfm>|<arch>)").
console_results() {
  awk '
    function flush() { if (outcome != "") print outcome "\t?\t" name; outcome = "" }
    match($0, /^(passed|failed|skipped|error|errored|timed out|timedout|cancelled|canceled|aborted) /) {
      flush()
      outcome = substr($0, 1, RLENGTH - 1); name = substr($0, RLENGTH + 1)
      sub(/ \([^()]*\)$/, "", name)
      next
    }
    /^  from .*\.dll / && outcome != "" {
      assembly = $0; sub(/^  from /, "", assembly); sub(/\.dll .*/, "", assembly); sub(/.*\//, "", assembly)
      print outcome "\t" assembly "\t" name; outcome = ""
    }
    END { flush() }' "$1"
}

# Prints the assembly name of every test project in the solution (IsTestProject true in its csproj).
solution_test_assemblies() {
  local name path assembly
  while IFS=$'\t' read -r name path; do
    path="${path//\\//}"
    [ -f "$path" ] && grep -q '<IsTestProject>true</IsTestProject>' "$path" || continue
    assembly="$(sed -n 's:.*<AssemblyName>\(.*\)</AssemblyName>.*:\1:p' "$path" | head -n 1)"
    echo "${assembly:-$name}"
  done < <(sed -n 's/^Project("[^"]*") = "\([^"]*\)", "\([^"]*\.csproj\)".*/\1\t\2/p' "$SOLUTION")
}

# Drops the lines of passed tests (and their "  from" line) from dotnet test's detailed output.
hide_passed() {
  awk '/^passed / { skip = 1; next } skip && /^  from / { skip = 0; next } { skip = 0; print; fflush() }'
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
                  --no-ansi --no-progress --output detailed)
  if [ "$IN_CI" = true ]; then test_cmd+=(--fail-skips on); fi
  # With extra options (typically a filter), a test project in which nothing matches
  # would fail with exit code 8 ("zero tests ran"); the total is still checked below.
  if [ "$#" -gt 0 ]; then test_cmd+=(--ignore-exit-code 8 "$@"); fi

  log "${test_cmd[*]}"
  # Output goes to a log (one line per test: for the checks below) and, without the lines
  # of passed tests, to the terminal.
  local test_rc=0 tee_fd tee_pid
  # tee ignores Ctrl-C so that it still shows the messages of the cleanup.
  exec {tee_fd}> >(trap '' INT; tee "$console_log" | hide_passed)
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

  # Every test project of the solution ran and reported tests: count its results in the
  # console log and in its TRX file (either may be missing, see above).
  local results assembly counted missing=()
  results="$(console_results "$console_log")"
  while IFS= read -r assembly; do
    counted="$(printf '%s\n' "$results" | awk -F '\t' -v a="$assembly" '$2 == a' | wc -l || true)"
    if [ "$counted" -eq 0 ]; then
      # grep finds nothing (status 1) when the project has no report: not an error here.
      counted="$( { grep -l "storage=\"[^\"]*/$assembly\.dll\"" "$TEST_RESULTS_DIR"/*.trx 2>/dev/null || true; } | wc -l)"
    fi
    if [ "$counted" -eq 0 ]; then missing+=("$assembly"); fi
  done < <(solution_test_assemblies)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$#" -gt 0 ]; then
      echo "no tests selected in: ${missing[*]} (extra options given: not an error)"
    else
      warn "test projects of $SOLUTION without any test result: ${missing[*]}"
      ok=false
    fi
  fi

  # The names of the failed tests, last (from the console log; from the TRX files if it has none).
  local names
  names="$(printf '%s\n' "$results" | awk -F '\t' '$1 != "passed" && $1 != "skipped" && $1 != "" { print "  " $3 "  [" $2 "]" }' || true)"
  if [ -z "$names" ] && [ "$failed" -gt 0 ]; then
    names="$(cat "$TEST_RESULTS_DIR"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*>' \
      | grep 'outcome="\(Failed\|Error\|Timeout\|Aborted\)"' \
      | sed 's/.*testName="\([^"]*\)".*/  \1/; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' || true)"
  fi
  if [ "$failed" -gt 0 ] || [ -n "$names" ]; then
    ok=false
    echo "what the first failures say:"
    console_failure_details "$console_log" || true
    echo "failed tests:"
    printf '%s\n' "${names:-  (names not found in the console log or the TRX files)}"
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
