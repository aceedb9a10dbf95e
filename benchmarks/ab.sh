#!/usr/bin/env bash
# Product against product: two builds of the server side by side (A on port 18181, B on 18182), each on its own
# copy of the benchmark seed, with the same JVM options, their rounds alternating A B B A …, so that the drift of a
# shared machine reaches both alike. Prints, per scenario, each side's requests/s per round and B/A per round.
#
#   benchmarks/ab.sh A_JAR B_JAR [--rounds N] [--seconds S] [--scenarios "intacct-list simpro-list …"]
#
# Needs the seed benchmarks/run.sh writes (benchmarks/data/seed-100000-100000.db), wrk and curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

[ $# -ge 2 ] || { echo "usage: benchmarks/ab.sh A_JAR B_JAR [--rounds N] [--seconds S] [--scenarios LIST]" >&2; exit 2; }
jar_a=$(realpath "$1") jar_b=$(realpath "$2"); shift 2
rounds=6 seconds=10
scenarios="intacct-list simpro-list simpro-get-item intacct-get-item simpro-post intacct-post"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

data=$root/benchmarks/data
seed=$data/seed-100000-100000.db
[ -f "$seed.properties" ] || { echo "no seed: run benchmarks/run.sh first" >&2; exit 2; }
export BENCH_LUA=$root/benchmarks/lua BENCH_PROFILES=100000 BENCH_TYPES=100000
export BENCH_LEAVES=$(sed -n 's/^leafKeys=//p' "$seed.properties")
export MALLOC_ARENA_MAX=2

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
for side in a b; do
  rm -f "$data/ab-$side.db" "$data/ab-$side.db"-*
  cp "$seed" "$data/ab-$side.db"
done
java -Xmx128m -XX:+UseSerialGC -jar "$jar_a" --port 18181 --db "$data/ab-a.db" >"$data/ab-a.log" 2>&1 &
pids+=($!)
java -Xmx128m -XX:+UseSerialGC -jar "$jar_b" --port 18182 --db "$data/ab-b.db" >"$data/ab-b.log" 2>&1 &
pids+=($!)
for port in 18181 18182; do
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health"; do sleep 0.1; done
done

load() { wrk -t2 -c32 -d"${3}s" --timeout 10s -s "$BENCH_LUA/$2.lua" "http://127.0.0.1:$1" | grep '^RESULT' || true; }
rps() { sed -n 's/.* rps=\([^ ]*\).*/\1/p'; }

# a cold JVM needs some load before its figures mean anything
load 18181 mixed 20 >/dev/null
load 18182 mixed 20 >/dev/null
for s in $scenarios; do
  load 18181 "$s" 5 >/dev/null
  load 18182 "$s" 5 >/dev/null
  a=() b=() ratios=()
  for i in $(seq 1 "$rounds"); do
    if [ $((i % 2)) = 1 ]; then
      x=$(load 18181 "$s" "$seconds" | rps); y=$(load 18182 "$s" "$seconds" | rps)
    else
      y=$(load 18182 "$s" "$seconds" | rps); x=$(load 18181 "$s" "$seconds" | rps)
    fi
    a+=("$x") b+=("$y")
    ratios+=("$(awk -v x="$x" -v y="$y" 'BEGIN{printf "%.2f", (x > 0 ? y / x : 0)}')")
  done
  echo "$s A=${a[*]} B=${b[*]} B/A=${ratios[*]} load=$(cut -d' ' -f1-3 /proc/loadavg)"
done
