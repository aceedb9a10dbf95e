#!/usr/bin/env bash
# Product against product: two builds of the server side by side (A on --port, 18181 by default, B on the next
# port), each on its own copy of the benchmark seed, with the same JVM options, their rounds alternating A B B A …,
# so that the drift of a shared machine reaches both alike. Both run with --auth none, as run.sh's product does.
# Prints, per scenario, each side's requests/s and p99 latency (ms) per round, B/A of the requests/s per round,
# and the non-2xx responses and socket errors of both sides' rounds.
#
#   benchmarks/ab.sh A_JAR B_JAR [--rounds N] [--seconds S] [--scenarios "intacct-list simpro-list …"] [--port N]
#
# A_OPTS and B_OPTS (environment) add JVM options to one side, e.g. B_OPTS=-Dsome.property=1 with one jar for both.
# Needs the seed benchmarks/run.sh writes (benchmarks/data/seed-100000-100000.db), wrk and curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

[ $# -ge 2 ] || { echo "usage: benchmarks/ab.sh A_JAR B_JAR [--rounds N] [--seconds S] [--scenarios LIST]" >&2; exit 2; }
jar_a=$(realpath "$1") jar_b=$(realpath "$2"); shift 2
rounds=6 seconds=10 port_a=18181
scenarios="intacct-list simpro-list simpro-get-item intacct-get-item simpro-post intacct-post"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --port) port_a=$2; shift 2 ;;
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
port_b=$((port_a + 1))
java -Xmx128m -XX:+UseSerialGC ${A_OPTS:-} -jar "$jar_a" --port "$port_a" --db "$data/ab-a.db" --auth none >"$data/ab-a.log" 2>&1 &
pids+=($!)
java -Xmx128m -XX:+UseSerialGC ${B_OPTS:-} -jar "$jar_b" --port "$port_b" --db "$data/ab-b.db" --auth none >"$data/ab-b.log" 2>&1 &
pids+=($!)
for port in "$port_a" "$port_b"; do
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health"; do sleep 0.1; done
done

load() { wrk -t2 -c32 -d"${3}s" --timeout 10s -s "$BENCH_LUA/$2.lua" "http://127.0.0.1:$1" | grep '^RESULT' || true; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

# a cold JVM needs some load before its figures mean anything
load "$port_a" mixed 20 >/dev/null
load "$port_b" mixed 20 >/dev/null
for s in $scenarios; do
  load "$port_a" "$s" 5 >/dev/null
  load "$port_b" "$s" 5 >/dev/null
  a=() b=() a99=() b99=() ratios=() failed=0
  for i in $(seq 1 "$rounds"); do
    if [ $((i % 2)) = 1 ]; then
      ra=$(load "$port_a" "$s" "$seconds"); rb=$(load "$port_b" "$s" "$seconds")
    else
      rb=$(load "$port_b" "$s" "$seconds"); ra=$(load "$port_a" "$s" "$seconds")
    fi
    x=$(field rps <<<"$ra") y=$(field rps <<<"$rb")
    a+=("$x") b+=("$y") a99+=("$(field p99ms <<<"$ra")") b99+=("$(field p99ms <<<"$rb")")
    for r in "$ra" "$rb"; do
      failed=$((failed + $(field non2xx <<<"$r") + $(field socketErrors <<<"$r")))
    done
    ratios+=("$(awk -v x="$x" -v y="$y" 'BEGIN{printf "%.2f", (x > 0 ? y / x : 0)}')")
  done
  echo "$s A=${a[*]} B=${b[*]} B/A=${ratios[*]} p99ms A=${a99[*]} B=${b99[*]} failures=$failed load=$(cut -d' ' -f1-3 /proc/loadavg)"
done
