#!/usr/bin/env bash
# bench/pages.sh: BillCenter's pages under load (wrk), signed out and signed in, next to a plain reference app.
#
#   bench/pages.sh [--sqlite] [--postgres] [--warmup SECONDS] [--duration SECONDS] [--connections N]
#
#   --sqlite           measure on SQLite (a file in a throwaway folder)
#   --postgres         measure on a throwaway PostgreSQL server
#                      (neither given: both, SQLite first, then PostgreSQL)
#   --warmup SECONDS   wrk load on each page before it is measured (default 60; the rule is at least 60)
#   --duration SECONDS measured wrk run per page (default 30)
#   --connections N    wrk connections, on 2 threads (default 32)
#   --help             this text
#
# Publishes src/Host and bench/BillCenter.Bench.Reference in Release into a throwaway folder, then per database:
#   - starts, on free 127.0.0.1 ports, the published BillCenter with its demo data (Development environment,
#     logging at Warning, no job server) and signs in as the demo cardholder the way a browser does (curl and a
#     cookie jar: the sign-in form, its antiforgery token and cookie, the POST, every cookie it sets);
#   - measures /, /sign-in and /activate signed out, /activate and /accounts signed in: wrk warm-up, then
#     `wrk -t2 -cN -dDs --latency`, each page checked with curl first (200, not a redirect to sign-in);
#   - stops BillCenter, starts the reference app (a sign-in page and an [Authorize] /account page running one
#     EF Core query), signs in the same way and measures /account the same way;
#   - records each server's resident memory (VmRSS) after its pages.
# Prints a markdown table per database and writes the whole report to bench/results/pages-latest.md
# (git-ignored). Always stops and removes what it started.
#
# Needs the .NET SDK, curl, Debian's wrk and, for --postgres, the postgresql package.
# A benchmark measures and reports; it is not a test and scripts/test.sh never runs it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

HOST_PROJECT="src/Host/BillCenter.Host.csproj"
REFERENCE_PROJECT="bench/BillCenter.Bench.Reference/BillCenter.Bench.Reference.csproj"
CONFIGURATION="Release"
RESULTS="bench/results/pages-latest.md"
SIGN_IN_USER="demo.cardholder"           # BillCenter's demo cardholder (src/Host/DemoData); the reference has the same
SIGN_IN_PASSWORD="paper lantern river 42"
START_TIMEOUT=180                        # seconds for a server to migrate, seed and answer
WRK_TIMEOUT="10s"                        # a slower response counts as a timeout (wrk's default is 2 s)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# shellcheck source=../scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

# ---------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------

WARMUP=60
DURATION=30
CONNECTIONS=32
PROVIDERS=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --sqlite) PROVIDERS+=(Sqlite); shift ;;
    --postgres) PROVIDERS+=(Postgres); shift ;;
    --warmup) [ "$#" -ge 2 ] || die "--warmup needs a number of seconds"; WARMUP="$2"; shift 2 ;;
    --duration) [ "$#" -ge 2 ] || die "--duration needs a number of seconds"; DURATION="$2"; shift 2 ;;
    --connections) [ "$#" -ge 2 ] || die "--connections needs a number"; CONNECTIONS="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
case "$WARMUP" in '' | *[!0-9]*) die "--warmup needs a whole number of seconds, got '$WARMUP'" ;; esac
case "$DURATION" in '' | *[!0-9]* | 0) die "--duration needs a positive whole number of seconds, got '$DURATION'" ;; esac
case "$CONNECTIONS" in '' | *[!0-9]* | 0) die "--connections needs a positive number, got '$CONNECTIONS'" ;; esac
[ "${#PROVIDERS[@]}" -gt 0 ] || PROVIDERS=(Sqlite Postgres)
[ "$WARMUP" -ge 60 ] || warn "a warm-up of ${WARMUP}s is under the 60 s the rule asks for: these figures are a smoke run"

services_install_traps

# ---------------------------------------------------------------------------
# Servers
# ---------------------------------------------------------------------------

SERVER_PID=""
SERVER_URL=""
SERVER_LOG=""

# start_server NAME FOLDER DLL [NAME=VALUE...]: runs the published app from its folder (its content root) on a
# free port with those environment variables, and waits until it answers; sets SERVER_PID, SERVER_URL, SERVER_LOG.
start_server() {
  local name="$1" folder="$2" dll="$3" port
  shift 3
  port="$(free_port)"
  SERVER_URL="http://127.0.0.1:$port"
  SERVER_LOG="$WORK_ROOT/$name.log"
  ( cd "$folder" && exec env "$@" dotnet "$dll" --urls "$SERVER_URL" ) >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  SERVICE_PIDS+=("$SERVER_PID")
  log "$name: pid $SERVER_PID on $SERVER_URL, waiting until it answers"
  local deadline=$(( SECONDS + START_TIMEOUT )) code
  while :; do
    is_running "$SERVER_PID" || { tail -n 40 "$SERVER_LOG" >&2; die "$name exited before answering"; }
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$SERVER_URL/sign-in" || true)"
    [ "$code" = 200 ] && break
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 40 "$SERVER_LOG" >&2; die "$name did not answer 200 on /sign-in within ${START_TIMEOUT}s (last: $code)"; }
    sleep 0.5
  done
}

# Stops the current server and forgets it (cleanup stops whatever is still listed).
stop_server() {
  local pid remaining=()
  stop_tree "$SERVER_PID" || true   # its status is the server's, e.g. 143 after SIGTERM
  for pid in "${SERVICE_PIDS[@]}"; do [ "$pid" = "$SERVER_PID" ] || remaining+=("$pid"); done
  SERVICE_PIDS=("${remaining[@]}")
  SERVER_PID=""
}

# Resident memory of PID $1 in MiB (VmRSS from /proc).
rss_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# ---------------------------------------------------------------------------
# Signing in the way a browser does
# ---------------------------------------------------------------------------

COOKIE_HEADER=""

# The Cookie: header value for every cookie in curl's jar $1 (Netscape format; HttpOnly ones are prefixed).
cookie_header_from_jar() {
  awk -F '\t' '
    /^#HttpOnly_/ { sub(/^#HttpOnly_/, "") }
    /^#/ || NF < 7 { next }
    { header = header (header == "" ? "" : "; ") $6 "=" $7 }
    END { print header }' "$1"
}

# sign_in NAME CHECK_PATH: GET /sign-in with a fresh cookie jar, POST the form with its antiforgery token, keep
# every cookie set; dies unless CHECK_PATH then answers 200. Sets COOKIE_HEADER.
sign_in() {
  local name="$1" check_path="$2" jar="$WORK_ROOT/$1.jar" form="$WORK_ROOT/$1.sign-in.html" token outcome code
  rm -f "$jar"
  curl -sS --fail -c "$jar" -b "$jar" -o "$form" "$SERVER_URL/sign-in" || die "$name: GET /sign-in failed"
  token="$(grep -o '<input[^>]*__RequestVerificationToken[^>]*>' "$form" | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || die "$name: no __RequestVerificationToken hidden input in the sign-in form"
  outcome="$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
               --data-urlencode "Data.UserName=$SIGN_IN_USER" --data-urlencode "Data.Password=$SIGN_IN_PASSWORD" \
               --data-urlencode "__RequestVerificationToken=$token" "$SERVER_URL/sign-in")"
  case "$outcome" in 302\ *) ;; *) die "$name: the sign-in POST answered '$outcome', not a redirect" ;; esac
  COOKIE_HEADER="$(cookie_header_from_jar "$jar")"
  [ -n "$COOKIE_HEADER" ] || die "$name: no cookie kept after signing in"
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE_HEADER" "$SERVER_URL$check_path")"
  [ "$code" = 200 ] || die "$name: GET $check_path answered $code after signing in (not signed in?)"
  log "$name: signed in as $SIGN_IN_USER (cookies: $(cookie_names "$COOKIE_HEADER"))"
}

cookie_names() { tr ';' '\n' <<<"$1" | sed 's/^ *//; s/=.*//' | paste -sd ' ' -; }

# ---------------------------------------------------------------------------
# Measuring one page
# ---------------------------------------------------------------------------

# Counts every response that is not 2xx (wrk's own counter skips 3xx, and a 302 to sign-in is the failure
# that matters here).
STATUS_SCRIPT=""
write_status_script() {
  STATUS_SCRIPT="$WORK_ROOT/status.lua"
  cat >"$STATUS_SCRIPT" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then not2xx = not2xx + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not2xx") end
  io.write(string.format("Not-2xx responses: %d\n", total))
end
LUA
}

PROVIDER=""
ROWS=()         # "label|rps|p50|p99|errors" per page of the current database
SET_COOKIES=()  # "label: count" per page of the current database
declare -A RPS  # label -> req/s

# measure LABEL URL SIGNED_IN(true|false): curl check, wrk warm-up, measured wrk run; appends to ROWS.
measure() {
  local label="$1" url="$2" signed_in="$3" headers=() code out cookies
  [ "$signed_in" = true ] && headers=(-H "Cookie: $COOKIE_HEADER")
  code="$(curl -s -o /dev/null -D "$WORK_ROOT/headers.txt" -w '%{http_code}' "${headers[@]}" "$url")"
  [ "$code" = 200 ] || die "$label: GET $url answered $code, not 200 (a redirect would measure the wrong page)"
  cookies="$(grep -ci '^set-cookie:' "$WORK_ROOT/headers.txt" || true)"
  SET_COOKIES+=("$label: $cookies")

  if [ "$WARMUP" -gt 0 ]; then
    log "$label: warm-up ${WARMUP}s"
    run_child wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "$WRK_TIMEOUT" "${headers[@]}" "$url" >/dev/null \
      || die "$label: wrk warm-up failed"
  fi
  log "$label: measuring ${DURATION}s"
  out="$WORK_ROOT/wrk-$PROVIDER-${#ROWS[@]}.txt"
  run_child wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$WRK_TIMEOUT" --latency -s "$STATUS_SCRIPT" \
    "${headers[@]}" "$url" >"$out" || { cat "$out" >&2; die "$label: wrk failed"; }

  # req/s, p50 and p99 in ms, and the errors wrk saw.
  local parsed rps p50 p99 errors
  parsed="$(awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /s$/)  return v * 1000
      if (v ~ /m$/)  return v * 60000
      return v + 0
    }
    /^Requests\/sec:/           { rps = $2 }
    $1 == "50%"                 { p50 = ms($2) }
    $1 == "99%"                 { p99 = ms($2) }
    /^ *Socket errors:/         { sub(/^ *Socket errors: */, ""); socket = $0 }
    /^ *Not-2xx responses:/     { not2xx = $3 }
    END {
      errors = ""
      if (not2xx > 0) errors = "**FLAGGED: " not2xx " not-2xx responses**"
      if (socket != "") errors = errors (errors == "" ? "" : "; ") "socket errors: " socket
      if (errors == "") errors = "none"
      printf "%.0f|%.2f|%.2f|%s\n", rps, p50, p99, errors
    }' "$out")"
  IFS='|' read -r rps p50 p99 errors <<<"$parsed"
  if [ -z "$rps" ] || [ "$rps" = 0 ]; then cat "$out" >&2; die "$label: no requests/sec in wrk's output"; fi
  ROWS+=("$label|$rps|$p50|$p99|$errors")
  RPS[$label]="$rps"
  log "$label: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors: $errors"

  # Still the page it should be after the run (a cookie that expired mid-run would redirect).
  code="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$url")"
  [ "$code" = 200 ] || die "$label: GET $url answered $code after the run"
}

# ratio A B: A / B with 2 decimals, or n/a.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# ---------------------------------------------------------------------------
# One database
# ---------------------------------------------------------------------------

REPORT="" # filled by main, the markdown file being written

run_provider() {
  PROVIDER="$1"
  ROWS=() SET_COOKIES=() RPS=()
  local data="$WORK_ROOT/data-$PROVIDER" app_env ref_env host_rss ref_rss
  mkdir -p "$data"
  app_env=(ASPNETCORE_ENVIRONMENT=Development
           Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning
           "Database__Provider=$PROVIDER" Database__SeedDemoData=true "Storage__DataFolder=$data"
           Security__SecureCookies=false Jobs__RunServer=false)
  ref_env=(ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning "Database__Provider=$PROVIDER")
  if [ "$PROVIDER" = Postgres ]; then
    if [ -z "$PG_CONNECTION" ]; then
      start_postgres billcenter-pages-pg "-c max_connections=200"
    fi
    # Fresh databases for both apps on the fresh server.
    pg_admin_sql "CREATE DATABASE billcenter_pages OWNER $PG_ROLE" "CREATE DATABASE reference_pages OWNER $PG_ROLE" \
      || die "could not create the PostgreSQL databases"
    app_env+=("ConnectionStrings__BillCenter=${PG_CONNECTION/Database=postgres/Database=billcenter_pages}")
    ref_env+=("ConnectionStrings__Reference=${PG_CONNECTION/Database=postgres/Database=reference_pages}")
  else
    ref_env+=("ConnectionStrings__Reference=Data Source=$data/reference.db")
  fi

  # BillCenter
  start_server "billcenter-$PROVIDER" "$WORK_ROOT/host" BillCenter.Host.dll "${app_env[@]}"
  measure "/ (signed out)" "$SERVER_URL/" false
  measure "/sign-in (signed out)" "$SERVER_URL/sign-in" false
  measure "/activate (signed out)" "$SERVER_URL/activate" false
  sign_in "billcenter-$PROVIDER" /accounts
  measure "/activate (signed in)" "$SERVER_URL/activate" true
  sign_in "billcenter-$PROVIDER" /accounts   # fresh: the session cookie must outlive warm-up and run
  measure "/accounts (signed in)" "$SERVER_URL/accounts" true
  host_rss="$(rss_mib "$SERVER_PID")"
  stop_server

  # The reference app
  start_server "reference-$PROVIDER" "$WORK_ROOT/reference" BillCenter.Bench.Reference.dll "${ref_env[@]}"
  sign_in "reference-$PROVIDER" /account
  measure "reference /account (signed in)" "$SERVER_URL/account" true
  ref_rss="$(rss_mib "$SERVER_PID")"
  stop_server

  local reference="${RPS[reference /account (signed in)]}" row label rps p50 p99 errors
  {
    echo "## $PROVIDER"
    echo
    echo "| page | req/s | p50 ms | p99 ms | ratio to the reference req/s | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | --- |"
    for row in "${ROWS[@]}"; do
      IFS='|' read -r label rps p50 p99 errors <<<"$row"
      echo "| $label | $rps | $p50 | $p99 | $(ratio "$rps" "$reference") | $errors |"
    done
    echo
    echo "- BillCenter RSS after its pages: $host_rss MiB"
    echo "- Reference RSS after its page: $ref_rss MiB"
    echo "- Signed-in /activate as a share of signed-out /activate: $(ratio "${RPS[/activate (signed in)]}" "${RPS[/activate (signed out)]}") (req/s)"
    echo "- /accounts vs reference: $(ratio "${RPS[/accounts (signed in)]}" "$reference") (req/s)"
    local joined
    joined="$(printf '%s; ' "${SET_COOKIES[@]}")"
    echo "- Set-Cookie headers on the curl check of each page: ${joined%; }"
    echo
  } | tee -a "$REPORT"
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET SDK, see global.json) is not on PATH"
command -v curl >/dev/null 2>&1 || die "curl is missing: sudo apt-get install -y curl"
command -v wrk >/dev/null 2>&1 || die "wrk is missing: sudo apt-get install -y wrk"
for provider in "${PROVIDERS[@]}"; do
  if [ "$provider" = Postgres ]; then have_postgresql || die "PostgreSQL is missing: sudo apt-get install -y postgresql"; fi
done

service_tempdir billcenter-pages
WORK_ROOT="$SERVICE_DIR"
write_status_script

log "dotnet publish $HOST_PROJECT -c $CONFIGURATION"
run_child dotnet publish "$HOST_PROJECT" -c "$CONFIGURATION" -o "$WORK_ROOT/host" --nologo -v quiet || die "publish of BillCenter failed"
log "dotnet publish $REFERENCE_PROJECT -c $CONFIGURATION"
run_child dotnet publish "$REFERENCE_PROJECT" -c "$CONFIGURATION" -o "$WORK_ROOT/reference" --nologo -v quiet || die "publish of the reference failed"

REPORT="$WORK_ROOT/report.md"
{
  echo "# BillCenter pages"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
       "$(nproc) cores, .NET SDK $(dotnet --version), wrk -t2 -c$CONNECTIONS, warm-up ${WARMUP}s and run ${DURATION}s per page."
  echo "Development environment (demo data), plain http on 127.0.0.1, logging at Warning, wrk on the same machine."
  echo
} | tee "$REPORT"

for provider in "${PROVIDERS[@]}"; do
  run_provider "$provider"
done

mkdir -p "$(dirname "$RESULTS")"
cp "$REPORT" "$RESULTS"
log "results: $RESULTS"
