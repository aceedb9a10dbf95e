#!/usr/bin/env bash
# The benchmark: builds, seeds, measures the product against the bare-stack baseline in the same run, and
# writes the figures to benchmarks/results/latest.md. See docs/performance.md.
#
#   benchmarks/run.sh [--profiles N] [--types N] [--rounds R] [--seconds S] [--connections C] [--no-build]
#                     [--only REGEX] [--warmup S] [--scenario-warmup S] [--results FILE]
#
# Defaults: 100 000 profiles, 100 000 types, 3 rounds of 10 s per scenario, 32 connections. --types 1000000
# seeds the 1 M-type tree. Each server gets --warmup seconds of mixed load first (20 s), and each scenario
# --scenario-warmup seconds of its own load before its rounds (5 s). Needs wrk (apt-get install wrk) and curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

profiles=100000 types=100000 rounds=3 seconds=10 connections=32 build=1 only=. warmup=20 scenario_warmup=5
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
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in wrk curl java mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: apt-get install wrk)" >&2; exit 2; }
done

server_jar=$root/bootstrap/target/customer-classification-server.jar
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
fi
prop() { sed -n "s/^$1=//p" "$seed.properties"; }
export BENCH_LUA=$root/benchmarks/lua BENCH_PROFILES=$profiles BENCH_TYPES=$types BENCH_LEAVES=$(prop leafKeys)

port=18181
results=$(mktemp)
pid=

stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  fi
  pid=
}
trap stop_server EXIT

# start_server NAME URL COMMAND...: starts on a fresh copy of the seed; started_ms = milliseconds to the first
# 200 of URL
start_server() {
  local name=$1 url=$2; shift 2
  stop_server
  rm -f "$data/work.db" "$data/work.db"-*
  cp "$seed" "$data/work.db"
  local t0; t0=$(date +%s%N)
  "$@" >"$data/$name.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port$url"; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/$name.log" >&2; exit 1; }
    sleep 0.005
  done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# scenario NAME: R rounds of S seconds; records the median round
scenario() {
  local name=$1 c=${2:-$connections}
  [[ "$name" =~ $only ]] || return 0
  local lines=()
  # the code paths of this scenario compiled, its caches filled, before anything is measured
  if [ "$scenario_warmup" -gt 0 ]; then
    wrk -t2 -c"$c" -d"${scenario_warmup}s" --timeout 10s -s "$BENCH_LUA/$name.lua" "http://127.0.0.1:$port" >/dev/null
  fi
  for _ in $(seq 1 "$rounds"); do
    lines+=("$(wrk -t2 -c"$c" -d"${seconds}s" --timeout 10s -s "$BENCH_LUA/$name.lua" "http://127.0.0.1:$port" | grep '^RESULT')")
  done
  local median; median=$(printf '%s\n' "${lines[@]}" | sort -t= -k3 -n | sed -n "$(( (rounds + 1) / 2 ))p")
  local failures; failures=$(printf '%s\n' "${lines[@]}" | awk '{for(i=1;i<=NF;i++){split($i,kv,"="); if(kv[1]=="non2xx"||kv[1]=="socketErrors") s+=kv[2]}} END{print s+0}')
  echo "$name c=$c $median failuresAllRounds=$failures" | tee -a "$results"
}

# A cold JVM needs about 20 s of load before its figures mean anything.
warm_up() {
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$BENCH_LUA/$1.lua" "http://127.0.0.1:$port" >/dev/null
}

java_opts=(-Xmx128m -XX:+UseSerialGC)
# glibc gives every thread that allocates its own malloc arena; two keep the native part of RSS small
export MALLOC_ARENA_MAX=2

# archive NAME URL COMMAND...: runs the server once to write an AppCDS archive of the classes it loads
archive() {
  local name=$1 url=$2; shift 2
  rm -f "$data/$name.jsa"
  start_server "$name-archive" "$url" "$@"
  curl -fs -o /dev/null "http://127.0.0.1:$port$url"
  stop_server
}

bare=(-cp "$bench_jar" io.customerclassification.benchmark.BareServer "$data/work.db" "$port")
product=(-jar "$server_jar" --port "$port" --db "$data/work.db")
first_get=/api/v1.0/companies/0/setup/customerProfiles/1

echo "== start-up to the first GET item (baseline and product in turn, so that both see the same machine)"
# The baseline gets an AppCDS archive written by one run of its own; the product uses the archive its build
# writes beside the jar (README's run command).
archive bare /bare/profiles/1 java "${java_opts[@]}" -XX:ArchiveClassesAtExit="$data/bare.jsa" "${bare[@]}"
for i in 1 2 3; do
  start_server bare /bare/profiles/1 java "${java_opts[@]}" -XX:SharedArchiveFile="$data/bare.jsa" "${bare[@]}"
  echo "startup bare-with-appcds round=$i ms=$started_ms" | tee -a "$results"
  start_server product "$first_get" java "${java_opts[@]}" -XX:SharedArchiveFile="$server_jsa" "${product[@]}"
  echo "startup product-with-appcds round=$i ms=$started_ms" | tee -a "$results"
  start_server bare /bare/profiles/1 java "${java_opts[@]}" "${bare[@]}"
  echo "startup bare round=$i ms=$started_ms" | tee -a "$results"
  start_server product "$first_get" java "${java_opts[@]}" "${product[@]}"
  echo "startup product round=$i ms=$started_ms" | tee -a "$results"
done

echo "== bare baseline (Javalin + plain JDBC, same data, same JVM options)"
start_server bare /bare/profiles/1 java "${java_opts[@]}" "${bare[@]}"
warm_up bare-get-profile
for s in bare-get-profile bare-get-type bare-list-profiles bare-list-types; do scenario "$s"; done
scenario bare-post-profile

echo "== product"
start_server product /health java "${java_opts[@]}" "${product[@]}"
warm_up mixed
for s in simpro-get-item intacct-get-item simpro-list simpro-list-filtered intacct-list \
         intacct-query-selective intacct-query-expression intacct-query-deep-start; do
  scenario "$s"
done
for s in simpro-post simpro-patch intacct-post intacct-patch-move; do scenario "$s"; done
# Peak RSS of a fresh server through its warm-up and the mixed rounds.
start_server product /health java "${java_opts[@]}" "${product[@]}"
warm_up mixed
scenario mixed
rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "peakRss product-under-mixed kB=$rss" | tee -a "$results"

subtree=$(prop subtreeKey) subtree_parent=$(prop subtreeParentKey)
if [[ "subtree-move" =~ $only ]] && [ -n "$subtree_parent" ]; then
  # Moving the root of a subtree of about 10 000 types walks all its descendants (the depth check) in the
  # write transaction: one connection, back and forth between its parent and a root.
  other=$(prop firstTypeKey)
  times=()
  for i in $(seq 1 40); do
    target=$([ $((i % 2)) = 1 ] && echo "$other" || echo "$subtree_parent")
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -X PATCH -H 'Content-Type: application/json' \
      -d "{\"parent\": {\"key\": \"$target\"}}" "http://127.0.0.1:$port/objects/accounts-receivable/customer-type/$subtree")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v size="$(prop subtreeSize)" \
    '{a[NR]=$1*1000} END{printf "subtree-move size=%d p50ms=%.1f p99ms=%.1f maxms=%.1f\n", size, a[int(NR*0.5)], a[int(NR*0.99)], a[NR]}' \
    | tee -a "$results"
fi
stop_server

{
  echo "# Benchmark results"
  echo
  echo "Command: \`benchmarks/run.sh --profiles $profiles --types $types --rounds $rounds --seconds $seconds --connections $connections\`"
  echo "Date: $(date -u +%Y-%m-%dT%H:%M:%SZ). Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); JVM options for both servers: ${java_opts[*]}"
  echo "(MALLOC_ARENA_MAX=2)."
  echo "Load: wrk, 2 threads, on the same machine (loopback). Each figure is the median of $rounds rounds."
  echo
  echo '```'
  cat "$results"
  echo '```'
} > "$results_file"
echo "== written to $results_file"
