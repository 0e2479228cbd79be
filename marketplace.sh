#!/usr/bin/env bash
# The two commands of the README:
#   ./marketplace.sh run    start the marketplace with demo data on http://127.0.0.1:${MARKETPLACE_PORT:-5080}
#   ./marketplace.sh test   run every test project against a throwaway PostgreSQL and Redis; ends with "N passed, N failed"
# Both install what is missing (PostgreSQL 15, Redis, Chromium for the browser tests) from Debian's packages.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_BIN=/usr/lib/postgresql/15/bin
PG_USER=marketplace
APT_UPDATED=

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  [ -n "$APT_UPDATED" ] || { say "apt-get update"; as_root apt-get update -qq; APT_UPDATED=1; }
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_postgres() { [ -x "$PG_BIN/initdb" ] || apt_install postgresql-15 postgresql-contrib; }
ensure_chromium() { [ -x /usr/bin/chromium ] || apt_install chromium fonts-noto-cjk; }
ensure_redis() { command -v redis-server >/dev/null || apt_install redis-server; }

# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# start_cluster DIR PORT PASSWORD [postgres -c options...]: initdb on first use, then start on loopback with
# the socket inside DIR. Prints nothing; the server log is DIR/server.log.
start_cluster() {
  local dir=$1 port=$2 password=$3; shift 3
  local options="-p $port -k $dir -c listen_addresses=127.0.0.1 $*"
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    chmod 700 "$dir"
    as_pg "$PG_BIN/initdb" -D "$dir" -U "$PG_USER" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; exit 1; }
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$options" -w start >/dev/null
    as_pg "$PG_BIN/psql" -h "$dir" -p "$port" -U "$PG_USER" -d postgres -qc "ALTER ROLE $PG_USER PASSWORD '$password'"
  else
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$options" -w start >/dev/null
  fi
}

stop_cluster() { [ -f "$1/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true; }

# As root, the postgres user must be able to reach the cluster folder; a checkout under /root is not, so the
# cluster then lives under /var/lib with a name derived from the data folder.
cluster_dir_for() {
  local data=$1
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$data" 2>/dev/null; then
    echo "/var/lib/marketplace-pg/$(echo -n "$data" | md5sum | cut -c1-12)/pg"
    mkdir -p /var/lib/marketplace-pg && chmod 755 /var/lib/marketplace-pg
  else
    echo "$data/pg"
  fi
}

# start_throwaway_cluster NAME FIRST_PORT [postgres -c options...]: a cluster under /tmp (fsync off), removed on
# exit; exports MARKETPLACE_TEST_PG (server connection string without a database) for the test fixtures.
start_throwaway_cluster() {
  local name=$1 first_port=$2 scratch pgport secret; shift 2
  scratch=$(mktemp -d "/tmp/marketplace-$name.XXXXXX")
  chmod 755 "$scratch"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$scratch"
  pgport=$(free_port "$first_port")
  secret=$(random_secret)
  trap 'stop_cluster "'"$scratch/pg"'"; rm -rf "'"$scratch"'"' EXIT
  say "starting a throwaway PostgreSQL on 127.0.0.1:$pgport"
  start_cluster "$scratch/pg" "$pgport" "$secret" -c fsync=off -c synchronous_commit=off -c full_page_writes=off "$@"
  export MARKETPLACE_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=$PG_USER;Password=$secret"
  MARKETPLACE_PG_DIR="$scratch/pg"
}

# start_throwaway_redis DIR FIRST_PORT: a redis-server on loopback with nothing persisted, its pid file and
# working folder in DIR; prints its host:port. The caller stops it with stop_redis DIR.
start_throwaway_redis() {
  local dir=$1 port
  port=$(free_port "$2")
  mkdir -p "$dir"
  redis-server --save "" --appendonly no --port "$port" --bind 127.0.0.1 --daemonize yes \
    --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" >/dev/null
  local tries=0
  until redis-cli -p "$port" ping >/dev/null 2>&1; do
    tries=$((tries + 1)); [ "$tries" -lt 50 ] || { cat "$dir/redis.log" >&2; exit 1; }; sleep 0.1
  done
  echo "127.0.0.1:$port"
}

stop_redis() { [ -f "$1/redis.pid" ] && kill "$(cat "$1/redis.pid")" 2>/dev/null || true; }

build_client() {
  say "building the browser bundle (client/)"
  (cd "$ROOT/client" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent build >/dev/null)
}

# A throwaway Redis inside the throwaway cluster's scratch folder, stopped by the same EXIT trap.
start_test_redis() {
  local dir
  dir="$(dirname "$MARKETPLACE_PG_DIR")/redis"
  MARKETPLACE_TEST_REDIS=$(start_throwaway_redis "$dir" 26379)
  export MARKETPLACE_TEST_REDIS
  trap 'stop_redis "'"$dir"'"; stop_cluster "'"$MARKETPLACE_PG_DIR"'"; rm -rf "'"$(dirname "$MARKETPLACE_PG_DIR")"'"' EXIT
  say "started a throwaway Redis on $MARKETPLACE_TEST_REDIS"
}

cmd_run() {
  local port=${MARKETPLACE_PORT:-5080}
  local data=${MARKETPLACE_DATA:-$ROOT/.data}
  mkdir -p "$data" && data=$(cd "$data" && pwd)
  local password=${MARKETPLACE_DEMO_PASSWORD:-Weihai-Demo-2026}

  if [ -z "${ConnectionStrings__Marketplace:-}" ]; then
    ensure_postgres
    local pgdir pgport secret
    pgdir=$(cluster_dir_for "$data")
    pgport=${MARKETPLACE_PG_PORT:-$((port + 10000))}
    [ -f "$data/pg-password" ] || { random_secret >"$data/pg-password"; chmod 600 "$data/pg-password"; }
    secret=$(cat "$data/pg-password")
    say "starting PostgreSQL on 127.0.0.1:$pgport ($pgdir)"
    start_cluster "$pgdir" "$pgport" "$secret"
    trap 'stop_cluster "'"$pgdir"'"' EXIT
    export ConnectionStrings__Marketplace="Host=127.0.0.1;Port=$pgport;Database=marketplace;Username=$PG_USER;Password=$secret"
    as_pg "$PG_BIN/psql" -h "$pgdir" -p "$pgport" -U "$PG_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='marketplace'" | grep -q 1 \
      || as_pg "$PG_BIN/createdb" -h "$pgdir" -p "$pgport" -U "$PG_USER" marketplace
  fi

  if [ -z "${ConnectionStrings__Redis:-}" ]; then
    ensure_redis
    export ConnectionStrings__Redis
    ConnectionStrings__Redis=$(start_throwaway_redis "$data/redis" $((port + 21000)))
    say "SignalR backplane: Redis on $ConnectionStrings__Redis"
    trap 'stop_cluster "'"${pgdir:-}"'"; stop_redis "'"$data/redis"'"' EXIT
  fi

  build_client
  say "building the app"
  dotnet build "$ROOT/src/Marketplace.Web" -c Release -nologo -v quiet >/dev/null
  cat >&2 <<MSG

  Weihai IP Marketplace: http://127.0.0.1:$port   (API reference: http://127.0.0.1:$port/docs)
  Demo accounts (password: $password):
    park@demo.local (park office) · hit@demo.local, sdu@demo.local (tech-transfer offices)
    enterprise1@demo.local … enterprise3@demo.local · officer@bank1.demo.local, approver@bank1.demo.local
    officer@bank2.demo.local, approver@bank2.demo.local
    admin@<park|hit|sdu|enterprise1…3|bank1|bank2>.demo.local (each organisation's administrator)
  The park office and bank accounts sign in with two-factor codes: add the key ${MARKETPLACE_DEMO_TOTP_KEY:-WEIHAIDEMOTOTPKEYABC2345}
  to an authenticator app (or run: oathtool --totp -b ${MARKETPLACE_DEMO_TOTP_KEY:-WEIHAIDEMOTOTPKEYABC2345}).
  Stop with Ctrl+C.

MSG
  ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} \
  ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Database__MigrateOnStart=true Demo__Seed=true Demo__Password="$password" \
  Demo__AuthenticatorKey="${MARKETPLACE_DEMO_TOTP_KEY:-WEIHAIDEMOTOTPKEYABC2345}" \
  Search__Lucene__IndexPath="$data/index" \
    dotnet run --project "$ROOT/src/Marketplace.Web" -c Release --no-build --no-launch-profile
}

cmd_test() {
  ensure_postgres
  ensure_chromium
  ensure_redis
  local results
  start_throwaway_cluster test 25432 -c max_connections=200
  start_test_redis
  export MARKETPLACE_CHROMIUM=/usr/bin/chromium

  build_client
  say "building the solution"
  dotnet build "$ROOT/Marketplace.sln" -c Release -nologo -v quiet
  results="$ROOT/TestResults"
  rm -rf "$results"
  say "running the tests"
  local status=0
  # One test project at a time: on two cores, the browser tests time out when they race the HTTP suite.
  # `test PROJECT FILTER` (a developer's shortcut, e.g. `test Web "FullyQualifiedName~Import"`) runs one project's matching tests.
  local target="$ROOT/Marketplace.sln" filter=()
  if [ -n "${1:-}" ]; then target="$ROOT/tests/Marketplace.$1.Tests"; fi
  if [ -n "${2:-}" ]; then filter=(--filter "$2"); fi
  dotnet test "$target" -c Release --no-build --nologo -m:1 --logger trx --results-directory "$results" ${filter[@]+"${filter[@]}"} || status=$?

  local passed=0 failed=0 files=0 p f
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    files=$((files + 1))
    p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    passed=$((passed + p)); failed=$((failed + f))
  done
  local projects
  projects=$(grep -l "Microsoft.NET.Test.Sdk" "$ROOT"/tests/*/*.csproj | wc -l)
  if [ -z "${1:-}" ] && [ "$files" -lt "$projects" ]; then
    say "only $files of $projects test projects reported results"
    status=1
  fi
  echo "$passed passed, $failed failed"
  [ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

# The benchmarks on a throwaway cluster, figures written to docs/benchmarks.md (each replaces only its own section):
# `bench` for search (100,000 listings from real records); `bench relevance` for search and matching quality on real
# records against a bigram BM25 baseline; `bench sessions` for the live board's broadcast to 1,000 clients,
# alone and over two instances with Redis; `bench targets` for the plan targets (1,000,000 deals, 100,000 loans);
# `bench ceilings` for issue 10's P1, P2 and P5 (listing detail, its EF query, the Stripe webhook vs their baselines).
# `bench watch` for the daily patent watch over 100,000 patents (first run, then the steady run vs reading alone).
# `bench pages` for issue 22's pages (home, catalog, search, detail, targets, a room, a bank's queue; anonymous and
# signed in) against their ceilings and with their SQL statements per request, then bad input; ~8 min of measuring
# after the data (100,000 listings, 1,000,000 deals: ~10 min on a quiet machine). BENCH_PAGE_SECONDS sets each run.
cmd_bench() {
  ensure_postgres
  start_throwaway_cluster bench 26432 -c shared_buffers=512MB
  if [ "${1:-}" = sessions ]; then ensure_redis; start_test_redis; fi
  say "building the benchmark"
  dotnet build "$ROOT/tests/Marketplace.Benchmarks" -c Release -nologo -v quiet
  (cd "$ROOT" && dotnet "$ROOT/tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" "$@")
}

# PostgreSQL restarted under load (`pg_ctl restart -m immediate` while the app, a real process, takes keyed writes
# and reads), on a throwaway cluster that really commits (synchronous_commit on); writes docs/reliability.md.
# The other faults (kill -9 of the app, Redis stopped under a live session) are automated in `test`.
cmd_faults() {
  ensure_postgres
  start_throwaway_cluster faults 26532 -c synchronous_commit=on -c fsync=on -c full_page_writes=on
  local pg_ctl="$PG_BIN/pg_ctl -D $MARKETPLACE_PG_DIR -l $MARKETPLACE_PG_DIR/server.log -m immediate -w restart"
  if [ "$(id -u)" -eq 0 ]; then pg_ctl="runuser -u postgres -- $pg_ctl"; fi
  export MARKETPLACE_PG_RESTART="$pg_ctl"
  say "building the app and the fault driver"
  dotnet build "$ROOT/tests/Marketplace.Benchmarks" -c Release -nologo -v quiet
  (cd "$ROOT" && dotnet "$ROOT/tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" faults)
}

# The security review's scan (docs/security-review.md): the app with demo data on a throwaway cluster, as
# Staging (so cookies get their production flags) on a loopback port; sqlmap against the search and list
# endpoints, one of them signed in; cookie flags and security headers read with curl; the tracked files and
# the app's log searched for secrets. Raw output in TestResults/scan; exits non-zero on any finding.
cmd_scan() {
  command -v sqlmap >/dev/null || apt_install sqlmap
  command -v curl >/dev/null || apt_install curl
  ensure_postgres
  local out="$ROOT/TestResults/scan" port base findings=0
  local password=${MARKETPLACE_DEMO_PASSWORD:-Weihai-Demo-2026}
  rm -rf "$out" && mkdir -p "$out"
  start_throwaway_cluster scan 27432
  port=$(free_port 27080)
  base="http://127.0.0.1:$port"

  say "building the app"
  dotnet build "$ROOT/src/Marketplace.Web" -c Release -nologo -v quiet >/dev/null
  say "starting the app (Staging, demo data) on $base"
  ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="$base" \
  ConnectionStrings__Marketplace="$MARKETPLACE_TEST_PG;Database=marketplace" \
  Database__MigrateOnStart=true Demo__Seed=true Demo__Password="$password" \
  Search__Lucene__IndexPath="$(dirname "$MARKETPLACE_PG_DIR")/index" \
    dotnet "$ROOT/src/Marketplace.Web/bin/Release/net10.0/Marketplace.Web.dll" --contentRoot "$ROOT/src/Marketplace.Web" >"$out/app.log" 2>&1 &
  local app=$!
  trap 'kill '"$app"' 2>/dev/null; wait '"$app"' 2>/dev/null; stop_cluster "'"$MARKETPLACE_PG_DIR"'"; rm -rf "'"$(dirname "$MARKETPLACE_PG_DIR")"'"' EXIT
  local tries=0
  until curl -fs "$base/health/ready" >/dev/null; do
    tries=$((tries + 1)); [ "$tries" -lt 120 ] || { tail -50 "$out/app.log" >&2; exit 1; }; sleep 1
  done

  local token
  token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"park@demo.local\",\"password\":\"$password\"}" \
    "$base/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { say "could not sign in as park@demo.local"; exit 1; }

  say "sqlmap (level 2, risk 1, PostgreSQL, at most 15 minutes per target)"
  local target name url header extra
  for target in \
    "search|$base/api/search?q=navigation&ipc=G&minPrice=0&sort=Relevance&page=1&pageSize=20|" \
    "search-filters|$base/api/search?mode=Licence&type=Invention&ownerType=University&legalStatus=Valid|" \
    "suggest|$base/api/search/suggest?q=nav|" \
    "listings|$base/api/listings?q=navigation&field=G&page=1&pageSize=20|" \
    "listings-filters|$base/api/listings?mode=Licence&type=Invention&sleeping=true|" \
    "audit|$base/api/audit?entity=Listing&action=Approved&user=park&page=1|Authorization: Bearer $token"; do
    IFS='|' read -r name url header <<<"$target"
    extra=()
    [ -z "$header" ] || extra=(--headers="$header")
    timeout 900 sqlmap --batch --level=2 --risk=1 --threads=2 --dbms=PostgreSQL --flush-session --disable-coloring \
      --output-dir="$out/sqlmap" -u "$url" ${extra[@]+"${extra[@]}"} >"$out/sqlmap-$name.log" 2>&1 || true
    echo "--- $name: ${url#"$base"}${header:+ (signed in)}"
    grep -E "injectable|\[CRITICAL\]|Parameter: |Type: |Payload: " "$out/sqlmap-$name.log" | sed 's/^\[[0-9:]*\] //' | sort -u
  done | tee "$out/sqlmap-summary.txt"
  if grep -qE "^Parameter: |is vulnerable|appears to be '.*' injectable" "$out"/sqlmap-*.log; then findings=$((findings + 1)); fi

  say "cookies"
  local jar="$out/cookies.txt" page form_token
  page=$(curl -s -c "$jar" -D "$out/login-page.headers" "$base/Accounts/Login")
  form_token=$(printf '%s' "$page" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -D "$out/login.headers" -o /dev/null \
    --data-urlencode "Input.Email=park@demo.local" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$form_token" "$base/Accounts/Login"
  local cookie
  while IFS= read -r cookie; do
    echo "$cookie" | cut -c1-40 | sed 's/=.*/=…/' | tr -d '\n'
    echo " ->$(echo "$cookie" | tr 'A-Z' 'a-z' | grep -oE '; (secure|httponly|samesite=[a-z]+)' | tr -d ';' | tr '\n' ' ')"
    for flag in '; secure' '; httponly' '; samesite=(lax|strict)'; do
      echo "$cookie" | tr 'A-Z' 'a-z' | grep -qE "$flag" || { say "missing ${flag#; } on ${cookie%%=*}"; findings=$((findings + 1)); }
    done
  done < <(cat "$out/login-page.headers" "$out/login.headers" | tr -d '\r' | grep -i '^set-cookie:' | sed 's/^[Ss]et-[Cc]ookie: //')
  grep -qi '^set-cookie: marketplace.auth=' "$out/login.headers" || { say "no sign-in cookie: login failed"; findings=$((findings + 1)); }

  say "security headers"
  local path header_name
  for path in / /api/listings /api/listings/not-a-guid /docs; do
    curl -s -o /dev/null -D "$out/headers.txt" "$base$path"
    for header_name in X-Content-Type-Options X-Frame-Options Content-Security-Policy Referrer-Policy Permissions-Policy Cross-Origin-Opener-Policy; do
      grep -qi "^$header_name:" "$out/headers.txt" || { say "$path lacks $header_name"; findings=$((findings + 1)); }
    done
    echo "$path: $(tr -d '\r' <"$out/headers.txt" | grep -ioE '^(x-content-type-options|x-frame-options|content-security-policy|referrer-policy|permissions-policy|cross-origin-opener-policy):' | tr -d ':' | tr '\n' ' ')"
  done

  say "secrets in tracked files and in the app's log"
  # Stripe live and webhook keys, private keys, and connection-string passwords other than a variable or the
  # CHANGE-ME placeholder of the example files.
  local patterns='sk_live_[0-9A-Za-z]{10,}|rk_live_[0-9A-Za-z]{10,}|whsec_[0-9A-Za-z+/]{24,}|-----BEGIN ([A-Z]+ )?PRIVATE KEY-----|(^|[;"'"'"' ])(Password|Pwd)=[^;"'"'"'$<{ ]{4,}'
  (cd "$ROOT" && git ls-files -z | xargs -0 grep -InE "$patterns" -- 2>/dev/null | grep -v 'Password=CHANGE-ME') | tee "$out/secrets-repo.txt" || true
  local secret=${MARKETPLACE_TEST_PG##*Password=}
  grep -nE "$patterns" "$out/app.log" | tee "$out/secrets-log.txt" || true
  grep -nF -e "$secret" -e "$token" -e "$password" "$out/app.log" | tee -a "$out/secrets-log.txt" || true
  [ ! -s "$out/secrets-repo.txt" ] && [ ! -s "$out/secrets-log.txt" ] || findings=$((findings + 1))
  echo "tracked files: $(cd "$ROOT" && git ls-files | wc -l), matches: $(wc -l <"$out/secrets-repo.txt"); app log: $(wc -l <"$out/app.log") lines, matches: $(wc -l <"$out/secrets-log.txt")"

  echo "$findings findings"
  [ "$findings" -eq 0 ]
}

# `load [quick|soak]` (issue 10): the app as its own process in Production mode (Release build, Redis backplane) on a
# throwaway PostgreSQL with 100,000 listings and 1,000,000 deals, driven by wrk with the scripts in tests/load:
# each scenario at 16 connections for 60 s, 64 for 120 s and 256 for 60 s (`quick`: 10 s each), or `soak`: 16
# connections for 30 minutes while the app's memory is sampled. Figures go to docs/benchmarks.md (the "Load" and
# "Load soak" sections; `quick` only prints them); a 5xx other than 503 in any run makes the command fail.
cmd_load() {
  local mode=${1:-full}
  case "$mode" in full|quick|soak) ;; *) echo "usage: $0 load [quick|soak]" >&2; exit 2 ;; esac
  ensure_postgres
  ensure_redis
  command -v wrk >/dev/null || apt_install wrk
  command -v openssl >/dev/null || apt_install openssl
  start_throwaway_cluster load 27432 -c max_connections=300 -c shared_buffers=512MB
  LOAD_WORK=$(dirname "$MARKETPLACE_PG_DIR")
  local out="$LOAD_WORK/results" redis port url bench status=0
  mkdir -p "$out"
  redis=$(start_throwaway_redis "$LOAD_WORK/redis" 27379)
  trap load_stop EXIT
  say "started a throwaway Redis on $redis"

  say "building the app and the load tools (Release)"
  dotnet build "$ROOT/tests/Marketplace.Benchmarks" -c Release -nologo -v quiet >/dev/null
  bench="$ROOT/tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll"
  # One key ring for the whole run: the data step's in-process app writes the first data-protection key, and the
  # app started below must be able to read it (a second certificate left it logging a decryption error per key).
  local keyring
  keyring=$("$ROOT/infra/make-keyring-certificate.sh")
  eval "$keyring"
  export DataProtection__CertificatePem="$KEYRING_CERTIFICATE_PEM" DataProtection__PrivateKeyPem="$KEYRING_PRIVATE_KEY_PEM"
  say "preparing the data (demo accounts, 100,000 listings, 1,000,000 deals)"
  (cd "$ROOT" && dotnet "$bench" load-data "$out")

  port=$(free_port 27080)
  url="http://127.0.0.1:$port"
  LOAD_METRICS_TOKEN=$(random_secret)
  say "starting the app in Production mode on $url"
  (cd "$ROOT/src/Marketplace.Web" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
    ConnectionStrings__Marketplace="$MARKETPLACE_TEST_PG;Database=marketplace_load" ConnectionStrings__Redis="$redis" \
    Accounts__TwoFactor__Required=false \
    Search__Lucene__IndexPath="$LOAD_WORK/index" Logging__LogLevel__Default=Warning Metrics__Token="$LOAD_METRICS_TOKEN" \
    exec dotnet "$ROOT/src/Marketplace.Web/bin/Release/net10.0/Marketplace.Web.dll") >"$out/app.log" 2>&1 &
  LOAD_APP_PID=$!
  load_wait "$url" "$out"
  say "signing in demo users, opening negotiation rooms, signing deals to pay"
  (cd "$ROOT" && dotnet "$bench" load-prepare "$url" "$out")

  if [ "$mode" = soak ]; then
    load_soak "$url" "$out" "${LOAD_SOAK_SECONDS:-1800}"
  else
    local levels="16:60 64:120 256:60" scenario level slice
    [ "$mode" = quick ] && levels="16:10 64:10 256:10"
    for scenario in ${LOAD_SCENARIOS:-browse search_page api_search detail targets mixed}; do
      slice=0
      for level in $levels; do
        say "wrk $scenario: ${level%:*} connections for ${level#*:} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        load_wrk "$url" "$out" "$scenario" "${level%:*}" "${level#*:}" "$slice"
        slice=$((slice + 1))
        sleep 5
      done
    done
  fi
  grep -c '"level":"error"\|"LogLevel":"Error"\|fail:' "$out/app.log" >/dev/null && say "the app logged errors: see $out/app.log" || true
  (cd "$ROOT" && dotnet "$bench" load-report "$out" "$mode") || status=$?
  local keep="$ROOT/TestResults/load-$mode"
  rm -rf "$keep" && mkdir -p "$ROOT/TestResults" && cp -r "$out" "$keep"
  say "wrk logs, samples and the app's log: $keep"
  return "$status"
}

load_stop() {
  if [ -n "${LOAD_APP_PID:-}" ]; then kill "$LOAD_APP_PID" 2>/dev/null || true; wait "$LOAD_APP_PID" 2>/dev/null || true; fi
  [ -z "${LOAD_WRK_PID:-}" ] || kill "$LOAD_WRK_PID" 2>/dev/null || true
  stop_redis "$LOAD_WORK/redis"
  stop_cluster "$MARKETPLACE_PG_DIR"
  rm -rf "$LOAD_WORK"
}

# Ready means: PostgreSQL answers, the Lucene index holds every published listing, and the matching outbox the
# generated listings filled is drained (otherwise the first runs would share the cores with that work).
load_wait() {
  local url=$1 out=$2 tries=0 expected total pending pgport
  until curl -fsS "$url/health/ready" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 120 ] || ! kill -0 "$LOAD_APP_PID" 2>/dev/null; then tail -20 "$out/app.log" >&2; exit 1; fi
    sleep 1
  done
  expected=$(grep -o '"publishedListings":[0-9]*' "$out/data.json" | grep -o '[0-9]*$')
  pgport=$(echo "$MARKETPLACE_TEST_PG" | sed 's/.*Port=\([0-9]*\).*/\1/')
  say "waiting for the search index ($expected listings) and the matching outbox"
  for tries in $(seq 900); do
    total=$(curl -fsS "$url/api/search?pageSize=1&n=wait$tries" 2>/dev/null | grep -o '"total":[0-9]*' | grep -o '[0-9]*$' || echo 0)
    pending=$(as_pg "$PG_BIN/psql" -h "$MARKETPLACE_PG_DIR" -p "$pgport" -U "$PG_USER" -d marketplace_load -tAc "SELECT count(*) FROM match_requests")
    [ "${total:-0}" -ge "$expected" ] && [ "$pending" -eq 0 ] && return 0
    [ $((tries % 30)) -ne 0 ] || say "index: ${total:-0} of $expected; matching outbox: $pending"
    sleep 2
  done
  say "gave up waiting (index ${total:-0} of $expected, outbox $pending); measuring anyway"
}

# load_wrk URL OUT SCENARIO CONNECTIONS SECONDS SLICE: one wrk run; its JSON line goes to OUT/runs.jsonl.
load_wrk() {
  local url=$1 out=$2 scenario=$3 connections=$4 seconds=$5 slice=$6
  LOAD_DIR="$out" LOAD_SCRIPTS="$ROOT/tests/load" LOAD_CONNECTIONS="$connections" LOAD_SECONDS="$seconds" \
  LOAD_THREADS=2 LOAD_SLICE="$slice" LOAD_SLICES=3 \
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$ROOT/tests/load/$scenario.lua" "$url" >"$out/$scenario-$connections.log" 2>&1 || true
  grep '^LOAD-RESULT ' "$out/$scenario-$connections.log" | sed 's/^LOAD-RESULT //' >>"$out/runs.jsonl" \
    || { say "wrk gave no result for $scenario:"; cat "$out/$scenario-$connections.log" >&2; }
}

# The soak: wrk in the background, and every 30 s the app's resident set and GC heap (the runtime's
# dotnet_gc_last_collection_heap_size metric, summed over generations) into OUT/soak.csv.
load_soak() {
  local url=$1 out=$2 seconds=$3 started rss heap
  say "soak: 16 connections for $seconds s"
  LOAD_DIR="$out" LOAD_SCRIPTS="$ROOT/tests/load" LOAD_CONNECTIONS=16 LOAD_SECONDS="$seconds" LOAD_THREADS=2 \
    wrk -t2 -c16 -d"${seconds}s" --timeout 10s -s "$ROOT/tests/load/soak.lua" "$url" >"$out/soak.log" 2>&1 &
  LOAD_WRK_PID=$!
  started=$(date +%s)
  echo "seconds,rss_kib,gc_heap_bytes,loadavg" >"$out/soak.csv"
  while kill -0 "$LOAD_WRK_PID" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$LOAD_APP_PID/status")
    heap=$(curl -fsS -H "Authorization: Bearer $LOAD_METRICS_TOKEN" "$url/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes/ {sum += $2} END {printf "%.0f", sum}')
    echo "$(($(date +%s) - started)),$rss,$heap,$(cut -d' ' -f1 /proc/loadavg)" >>"$out/soak.csv"
    for _ in $(seq 30); do kill -0 "$LOAD_WRK_PID" 2>/dev/null && sleep 1; done
  done
  wait "$LOAD_WRK_PID" || true
  LOAD_WRK_PID=
  grep '^LOAD-RESULT ' "$out/soak.log" | sed 's/^LOAD-RESULT //' >>"$out/runs.jsonl"
}

case "${1:-}" in
  run) cmd_run ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  faults) cmd_faults ;;
  scan) cmd_scan ;;
  load) shift; cmd_load "$@" ;;
  *) echo "usage: $0 run|test [Domain|Web|Browser [filter]]|bench [sessions|targets|ceilings|watch]|faults|scan|load [quick|soak]" >&2; exit 2 ;;
esac
