#!/usr/bin/env bash
# The benchmark: builds, seeds, measures the product against the bare-stack baseline in the same run, and
# writes the figures to benchmarks/results/latest.md. See docs/performance.md.
#
#   benchmarks/run.sh [--profiles N] [--types N] [--rounds R] [--seconds S] [--connections C] [--no-build]
#                     [--only REGEX] [--warmup S] [--scenario-warmup S] [--results FILE]
#                     [--store sqlite|postgresql] [--postgresql URL] [--port N]
#
# --store postgresql runs the product and the baseline on PostgreSQL: the server --postgresql names
# (postgresql://user:password@host:port/database, a role that may create databases; default
# $CLASSIFICATION_BENCH_POSTGRESQL, else $CLASSIFICATION_TEST_POSTGRESQL). The SQLite seed is copied into a
# database of its own once (copy-store), and each server gets a fresh copy of that one (CREATE DATABASE … TEMPLATE);
# the mixed scenario also runs through two instances of the product over one database.
#
# Defaults: 100 000 profiles, 100 000 types, 3 rounds of 10 s per scenario, 32 connections. --types 1000000
# seeds the 1 M-type tree; --only export-import measures only the export and import of every type (-Xmx128m). Each server gets --warmup seconds of mixed load first (20 s), and each scenario
# --scenario-warmup seconds of its own load before its rounds (5 s). GET item, list and POST run against both
# servers side by side, rounds alternating. Needs wrk (apt-get install wrk) and curl. Loopback only. The product
# listens on --port (18181), the baseline on the next port, a second instance on the one after.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

profiles=100000 types=100000 rounds=3 seconds=10 connections=32 build=1 only=. warmup=20 scenario_warmup=5 port=18181
store=sqlite postgresql=${CLASSIFICATION_BENCH_POSTGRESQL:-${CLASSIFICATION_TEST_POSTGRESQL:-}}
results_file=benchmarks/results/latest.md
while [ $# -gt 0 ]; do
  case "$1" in
    --profiles) profiles=$2; shift 2 ;;
    --types) types=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --only) only=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --scenario-warmup) scenario_warmup=$2; shift 2 ;;
    --results) results_file=$2; shift 2 ;;
    --store) store=$2; shift 2 ;;
    --postgresql) postgresql=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in wrk curl java mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: apt-get install wrk)" >&2; exit 2; }
done
case "$store" in
  sqlite) ;;
  postgresql)
    command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)" >&2; exit 2; }
    [[ "$postgresql" =~ ^postgres(ql)?://([^:@/]+):([^@/]*)@([^/]+)/[^/?]+$ ]] \
      || { echo "--store postgresql needs --postgresql postgresql://user:password@host:port/database" >&2; exit 2; }
    pg_user=${BASH_REMATCH[2]} pg_password=${BASH_REMATCH[3]} pg_host=${BASH_REMATCH[4]} ;;
  *) echo "--store is sqlite or postgresql" >&2; exit 2 ;;
esac
# pg_url NAME / pg_jdbc NAME: the database NAME on the benchmark's PostgreSQL server
pg_url() { echo "postgresql://$pg_user:$pg_password@$pg_host/$1"; }
pg_jdbc() { echo "jdbc:postgresql://$pg_host/$1?user=$pg_user&password=$pg_password"; }
pg_admin() { psql -X -q -v ON_ERROR_STOP=1 "$postgresql" "$@"; }

server_jar=${SERVER_JAR:-$root/bootstrap/target/customer-classification-server.jar}
server_jsa=$root/bootstrap/target/customer-classification-server.jsa
bench_jar=$root/benchmarks/target/benchmarks.jar
if [ "$build" = 1 ]; then
  echo "== build"
  mvn -B -q -Pbench -DskipTests package
fi

data=$root/benchmarks/data
mkdir -p "$data" "$root/benchmarks/results"
seed=$data/seed-$profiles-$types.db
if [ ! -f "$seed.properties" ]; then
  echo "== seed $profiles profiles, $types types (through the embedded API, once; kept in $data)"
  rm -f "$seed" "$seed"-*
  java -Xmx1g -cp "$bench_jar" io.customerclassification.benchmark.Seed "$seed" "$profiles" "$types"
else
  java -Xmx1g -cp "$bench_jar" io.customerclassification.benchmark.Seed --migrate "$seed"
fi
prop() { sed -n "s/^$1=//p" "$seed.properties"; }
pg_seed=cc_bench_seed_${profiles}_${types}
if [ "$store" = postgresql ]; then
  stored=$(psql -X -At "$(pg_url "$pg_seed")" -c "SELECT count(*) FROM customer_profile" 2>/dev/null || true)
  if [ "$stored" != "$profiles" ]; then
    echo "== copy the seed into PostgreSQL database $pg_seed (copy-store, once)"
    pg_admin -c "DROP DATABASE IF EXISTS $pg_seed WITH (FORCE)" -c "CREATE DATABASE $pg_seed ENCODING 'UTF8' TEMPLATE template0"
    java -Xmx1g -jar "$server_jar" copy-store --from "$seed" --to "$(pg_url "$pg_seed")"
    pg_admin -d "$pg_seed" -c "VACUUM ANALYZE" 2>/dev/null || psql -X -q "$(pg_url "$pg_seed")" -c "VACUUM ANALYZE"
  fi
fi
export BENCH_LUA=$root/benchmarks/lua BENCH_PROFILES=$profiles BENCH_TYPES=$types BENCH_LEAVES=$(prop leafKeys)

bare_port=$((port + 1)) second_port=$((port + 2)) auth_port=$((port + 3))
results=$(mktemp)
declare -A pids=()

# stop_server NAME: stops that server, if it runs
stop_server() {
  local p=${pids[$1]:-}
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
    kill -TERM "$p"; wait "$p" 2>/dev/null || true
  fi
  unset "pids[$1]"
}
stop_all() { for n in "${!pids[@]}"; do stop_server "$n"; done; }
trap stop_all EXIT

# pg_copy NAME: the PostgreSQL database of server NAME, named after the run's --port so that runs on other ports (other
# engineers' benchmarks on one PostgreSQL server) never drop each other's
pg_copy() { echo "cc_bench_${port}_$1"; }
# fresh_copy NAME: a fresh copy of the seed for server NAME: $data/NAME.db, or the PostgreSQL database pg_copy NAME
fresh_copy() {
  if [ "$store" = postgresql ]; then
    pg_admin -c "DROP DATABASE IF EXISTS $(pg_copy "$1") WITH (FORCE)" -c "CREATE DATABASE $(pg_copy "$1") TEMPLATE $pg_seed"
  else
    rm -f "$data/$1.db" "$data/$1.db"-*
    cp "$seed" "$data/$1.db"
  fi
}

# start_server NAME PORT URL COMMAND...: starts NAME on a fresh copy of the seed (fresh_copy NAME, which COMMAND
# names; a NAME ending in -second shares the store of the server without the suffix, started before it);
# started_ms = milliseconds from exec to the first 200 of URL
start_server() {
  local name=$1 p=$2 url=$3; shift 3
  stop_server "$name"
  [[ "$name" == *-second ]] || fresh_copy "$name"
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then
    echo "port $p is taken by another server (another benchmark? --port picks other ports)" >&2; exit 2
  fi
  local t0; t0=$(date +%s%N)
  "$@" >"$data/$name.log" 2>&1 &
  pids[$name]=$!
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$p$url"; do
    kill -0 "${pids[$name]}" 2>/dev/null || { cat "$data/$name.log" >&2; exit 1; }
    sleep 0.005
  done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# load PORT SCRIPT SECONDS [CONNECTIONS]: one wrk run; prints its RESULT line
load() {
  local c=${4:-$connections}
  wrk -t$((c < 2 ? 1 : 2)) -c"$c" -d"${3}s" --timeout 10s -s "$BENCH_LUA/$2.lua" "http://127.0.0.1:$1" | grep '^RESULT' || true
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
# median LINES...: the RESULT line of the median requests/s
median() { printf '%s\n' "$@" | sort -t= -k3 -n | sed -n "$(( ($# + 1) / 2 ))p"; }
failures() { printf '%s\n' "$@" | awk '{for(i=1;i<=NF;i++){split($i,kv,"="); if(kv[1]=="non2xx"||kv[1]=="socketErrors") s+=kv[2]}} END{print s+0}'; }

# scenario NAME [CONNECTIONS] [PORT]: one server alone (the product unless PORT names another), R rounds of S
# seconds after its own warm-up; records the median round
scenario() {
  local name=$1 c=${2:-$connections} p=${3:-$port}
  [[ "$name" =~ $only ]] || return 0
  local lines=()
  # the code paths of this scenario compiled, its caches filled, before anything is measured
  [ "$scenario_warmup" -gt 0 ] && load "$p" "$name" "$scenario_warmup" "$c" >/dev/null
  for _ in $(seq 1 "$rounds"); do lines+=("$(load "$p" "$name" "$seconds" "$c")"); done
  echo "$name c=$c $(median "${lines[@]}") failuresAllRounds=$(failures "${lines[@]}")" | tee -a "$results"
}

# paired SCENARIO BASE_SCENARIO [PORT BASE_PORT]: both servers (the product and the bare baseline unless the ports
# name others) run side by side (each on its own copy of the seed, the idle one costs nothing); each gets its own
# warm-up, then their rounds alternate, A B B A A B ..., so that a drift in the machine's speed reaches both alike.
# Records both medians, the ratio of the medians and the ratio of every pair of rounds.
paired() {
  local name=$1 base=$2 c=$connections port=${3:-$port} bare_port=${4:-$bare_port}
  [[ "$name" =~ $only ]] || return 0
  local mine=() theirs=() ratios=()
  if [ "$scenario_warmup" -gt 0 ]; then
    load "$bare_port" "$base" "$scenario_warmup" >/dev/null
    load "$port" "$name" "$scenario_warmup" >/dev/null
  fi
  for i in $(seq 1 "$rounds"); do
    local a b
    if [ $((i % 2)) = 1 ]; then
      b=$(load "$bare_port" "$base" "$seconds"); a=$(load "$port" "$name" "$seconds")
    else
      a=$(load "$port" "$name" "$seconds"); b=$(load "$bare_port" "$base" "$seconds")
    fi
    mine+=("$a"); theirs+=("$b")
    ratios+=("$(awk -v x="$(field rps <<<"$a")" -v y="$(field rps <<<"$b")" 'BEGIN{printf "%.2f", (y > 0 ? x / y : 0)}')")
  done
  local ma mb; ma=$(median "${mine[@]}"); mb=$(median "${theirs[@]}")
  echo "$base c=$c $mb failuresAllRounds=$(failures "${theirs[@]}")" | tee -a "$results"
  echo "$name c=$c $ma failuresAllRounds=$(failures "${mine[@]}")" | tee -a "$results"
  echo "ratio $name/$base medians=$(awk -v x="$(field rps <<<"$ma")" -v y="$(field rps <<<"$mb")" 'BEGIN{printf "%.2f", (y > 0 ? x / y : 0)}') rounds=$(IFS=,; echo "${ratios[*]}")" | tee -a "$results"
}

# A cold JVM needs about 20 s of load before its figures mean anything.
warm_up() { load "$1" "$2" "$warmup" >/dev/null; }

java_opts=(-Xmx128m -XX:+UseSerialGC)
# glibc gives every thread that allocates its own malloc arena; two keep the native part of RSS small
export MALLOC_ARENA_MAX=2

# The product without credentials (loopback only), as the baseline has none; the bearer section below puts the
# same build with credentials beside it.
if [ "$store" = postgresql ]; then
  bare=(-cp "$bench_jar" io.customerclassification.benchmark.BareServer "$(pg_jdbc "$(pg_copy bare)")" "$bare_port")
  product=(-jar "$server_jar" --port "$port" --db "$(pg_url "$(pg_copy product)")" --auth none)
  second=(-jar "$server_jar" --port "$second_port" --db "$(pg_url "$(pg_copy product)")" --auth none)
else
  bare=(-cp "$bench_jar" io.customerclassification.benchmark.BareServer "$data/bare.db" "$bare_port")
  product=(-jar "$server_jar" --port "$port" --db "$data/product.db" --auth none)
fi
first_get=/api/v1.0/companies/0/setup/customerProfiles/1
bare_first_get=/bare/profiles/1

if [[ "startup" =~ $only ]] && [ "$store" = sqlite ]; then
  echo "== start-up to the first GET item (baseline and product in turn, so that both see the same machine)"
  # The baseline gets an AppCDS archive written by one run of its own; the product uses the archive its build
  # writes beside the jar (README's run command).
  rm -f "$data/bare.jsa"
  start_server bare "$bare_port" "$bare_first_get" java "${java_opts[@]}" -XX:ArchiveClassesAtExit="$data/bare.jsa" "${bare[@]}"
  stop_server bare
  for i in 1 2 3; do
    start_server bare "$bare_port" "$bare_first_get" java "${java_opts[@]}" -XX:SharedArchiveFile="$data/bare.jsa" "${bare[@]}"
    stop_server bare
    echo "startup bare-with-appcds round=$i ms=$started_ms" | tee -a "$results"
    start_server product "$port" "$first_get" java "${java_opts[@]}" -XX:SharedArchiveFile="$server_jsa" "${product[@]}"
    stop_server product
    echo "startup product-with-appcds round=$i ms=$started_ms" | tee -a "$results"
    start_server bare "$bare_port" "$bare_first_get" java "${java_opts[@]}" "${bare[@]}"
    stop_server bare
    echo "startup bare round=$i ms=$started_ms" | tee -a "$results"
    start_server product "$port" "$first_get" java "${java_opts[@]}" "${product[@]}"
    stop_server product
    echo "startup product round=$i ms=$started_ms" | tee -a "$results"
  done
fi

if [[ "simpro-get-item intacct-get-item simpro-list intacct-list simpro-post" =~ $only ]]; then
echo "== product against the bare baseline (Javalin + plain JDBC, same data, same JVM options), side by side"
start_server bare "$bare_port" "$bare_first_get" java "${java_opts[@]}" "${bare[@]}"
start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"
warm_up "$bare_port" bare-mixed
warm_up "$port" mixed
paired simpro-get-item bare-get-profile
paired intacct-get-item bare-get-type
paired simpro-list bare-list-profiles
paired intacct-list bare-list-types
paired simpro-post bare-post-profile
stop_server bare
fi

if [[ "simpro-get-item-bearer token-client-credentials" =~ $only ]]; then
  echo "== the same build with bearer tokens against --auth none, side by side; the token endpoint's rate"
  auth_secret=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
  [ -n "${pids[product]:-}" ] || { start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"; warm_up "$port" mixed; }
  start_server product-auth "$auth_port" /health env CLASSIFICATION_BOOTSTRAP_CLIENT="bench:$auth_secret" \
    java "${java_opts[@]}" -jar "$server_jar" --port "$auth_port" --db "$data/product-auth.db"
  BENCH_BASIC=$(printf 'bench:%s' "$auth_secret" | base64 -w0)
  BENCH_TOKEN=$(curl -fs "http://127.0.0.1:$auth_port/oauth2/token" -u "bench:$auth_secret" -d grant_type=client_credentials \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  export BENCH_BASIC BENCH_TOKEN
  warm_up "$auth_port" simpro-get-item-bearer
  paired simpro-get-item-bearer simpro-get-item "$auth_port" "$port"
  # One slow hash per request by design: two connections keep both cores hashing.
  scenario token-client-credentials 2 "$auth_port"
  stop_server product-auth
fi

echo "== product"
if [[ "simpro-list-filtered intacct-query-selective intacct-query-expression intacct-query-deep-start simpro-patch intacct-post intacct-patch-move intacct-deactivate" =~ $only ]] \
    && [ -z "${pids[product]:-}" ]; then
  start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"
  warm_up "$port" mixed
fi
for s in simpro-list-filtered intacct-query-selective intacct-query-expression intacct-query-deep-start; do
  scenario "$s"
done
# The latency of the selective query below saturation too: 32 connections keep both cores busy, so their p99 is
# mostly time spent queued behind the other 31 requests.
scenario intacct-query-selective 4
for s in simpro-patch intacct-post intacct-patch-move intacct-deactivate; do scenario "$s"; done
# Peak RSS of a fresh server through its warm-up and the mixed rounds.
if [[ "mixed" =~ $only ]]; then
  start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"
  warm_up "$port" mixed
  scenario mixed
  rss=$(awk '/VmHWM/ {print $2}' "/proc/${pids[product]}/status")
  echo "peakRss product-under-mixed kB=$rss" | tee -a "$results"
fi
# The same reads and writes with three writes in ten, on a fresh server.
if [[ "mixed-30" =~ $only ]]; then
  start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"
  warm_up "$port" mixed
  scenario mixed-30
fi
# Two instances over one PostgreSQL database, the mixed load split between them (half the connections each), on a
# fresh copy; the sum of both instances' requests per second, round by round.
if [[ "mixed-two-instances" =~ $only ]] && [ "$store" = postgresql ]; then
  start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"
  start_server product-second "$second_port" /health java "${java_opts[@]}" "${second[@]}"
  # wait for these jobs only: a bare wait would also wait for the servers, which run in the background too
  warm_up "$port" mixed & first=$!
  warm_up "$second_port" mixed & second=$!
  wait "$first" "$second"
  lines=()
  for _ in $(seq 1 "$rounds"); do
    load "$port" mixed "$seconds" $((connections / 2)) >"$data/first.out" & first=$!
    load "$second_port" mixed "$seconds" $((connections / 2)) >"$data/second.out" & second=$!
    wait "$first" "$second"
    a=$(cat "$data/first.out") b=$(cat "$data/second.out")
    sum() { awk -v x="$(field "$1" <<<"$a")" -v y="$(field "$1" <<<"$b")" "BEGIN{printf \"$2\", x + y}"; }
    lines+=("RESULT requests=$(sum requests %d) rps=$(sum rps %.1f) first=[$a] second=[$b]")
  done
  echo "mixed-two-instances c=$connections $(median "${lines[@]}") failuresAllRounds=$(failures "${lines[@]}")" | tee -a "$results"
  stop_server product-second
fi

subtree_parent=$(prop subtreeParentKey)
if [[ "intacct-descendants subtree-move" =~ $only ]] && [ -n "$subtree_parent" ]; then
  # A subtree of about 10 000 types: read whole below its root (pages of 4000 in turn, each walking the whole
  # subtree for its total), on one connection and on four; then its root moved, which checks the depth limit
  # against the subtree's height in the write transaction: one connection, back and forth between its parent
  # and the first type.
  export BENCH_SUBTREE=$(prop subtreeKey) BENCH_SUBTREE_PARENT=$subtree_parent BENCH_SUBTREE_OTHER=$(prop firstTypeKey)
  export BENCH_SUBTREE_SIZE=$(prop subtreeSize)
  echo "intacct-descendants reads and subtree-move moves the subtree of type $BENCH_SUBTREE: $BENCH_SUBTREE_SIZE types" | tee -a "$results"
  start_server product "$port" /health java "${java_opts[@]}" "${product[@]}"
  scenario intacct-descendants 1
  scenario intacct-descendants 4
  scenario subtree-move 1
fi
stop_all

# Export and import of every type of company 0 (CONTRACT §3.3), in-process through the embedded API, each phase in a
# JVM of its own with -Xmx128m so that its peak RSS is its own: the product's export into CSV; the same rows from one
# bare SELECT through the same CSV writer (the baseline); the export written to a file and imported into a new
# company in batches of 100 000 rows (an import's limit).
if [[ "export-import" =~ $only ]]; then
  cp "$seed" "$data/export-import.db"
  for phase in export baseline "import 100000"; do
    # shellcheck disable=SC2086 # the phase and its argument
    java -Xmx128m -cp "$bench_jar" io.customerclassification.benchmark.ExportImportBench "$data/export-import.db" \
        $phase 2>&1 | grep -E '^(export|baseline|import|  |Exception)' | tee -a "$results" || true
  done
  rm -f "$data/export-import.db"*
fi

{
  echo "# Benchmark results"
  echo
  echo "Command: \`benchmarks/run.sh --profiles $profiles --types $types --rounds $rounds --seconds $seconds --connections $connections --store $store\`"
  echo "Date: $(date -u +%Y-%m-%dT%H:%M:%SZ). Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); JVM options for both servers: ${java_opts[*]}"
  echo "(MALLOC_ARENA_MAX=2)."
  echo "Load: wrk, 2 threads, on the same machine (loopback). Each figure is the median of $rounds rounds. GET item, list"
  echo "and POST: baseline and product side by side, their rounds alternating; \`ratio\` lines give product/baseline"
  echo "of the medians and of each pair of rounds."
  echo
  echo '```'
  cat "$results"
  echo '```'
} > "$results_file"
echo "== written to $results_file"
