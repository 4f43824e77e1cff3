#!/usr/bin/env bash
# The REST gateway beside the in-process engine, in one run on one machine, on the same
# workload (the demo network's documents, ES256, durable SQLite):
#
#   in-process   pipeline_bench BM_Pipeline/alg:0/threads:0/durable:1 (docs/s)
#   REST single  lcproc loadgen --url, closed loop, one document per POST /v1/documents
#   REST batch   lcproc loadgen --url --batch N, closed loop, POST /v1/documents:batch
#   REST 70%     lcproc loadgen --url --rate (0.7 x REST single), open loop: latency from
#                each request's intended send time
#   wrk          wrk against GET /healthz on the same server: the HTTP layer's ceiling
#
# and prints the ratios against the goals: REST single >= 0.6 of in-process, batch
# >= 0.9, p99 <= 25 ms at 70% of the maximum rate. The load generator and wrk run on
# the same cores as the server (and take their share of them); that is part of what
# the figures say.
#
# usage: bench/rest_compare.sh [BUILD_DIR]
#   BUILD_DIR defaults to build/release (built when missing, with the bench binaries).
#   Environment: LCPROC_REST_DOCS documents per REST run (default 20000, as
#   pipeline_bench's LCPROC_BENCH_DOCS, which this script sets to the same number),
#   LCPROC_REST_CONNECTIONS (64), LCPROC_REST_BATCH (256), LCPROC_REST_OPEN_SECONDS (15).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
docs=${LCPROC_REST_DOCS:-20000}
connections=${LCPROC_REST_CONNECTIONS:-64}
batch=${LCPROC_REST_BATCH:-256}
open_seconds=${LCPROC_REST_OPEN_SECONDS:-15}
lcproc="$build/services/lcproc/lcproc"
bench="$build/bench/pipeline_bench"
if [[ ! -x "$lcproc" || ! -x "$bench" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLCPROC_BUILD_TESTS=OFF -DLCPROC_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" -j2 --target lcproc pipeline_bench
fi
command -v wrk >/dev/null || { echo "rest_compare.sh needs wrk (deploy/install-deps.sh installs it)" >&2; exit 2; }
command -v jq >/dev/null || { echo "rest_compare.sh needs jq" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
echo "workload: $docs documents of the demo network, ES256, durable; $connections connections; batches of $batch"

# --- in-process -------------------------------------------------------------------------
LCPROC_BENCH_DOCS=$docs LCPROC_BENCH_DIR=$work "$bench" \
  --benchmark_filter='^BM_Pipeline/alg:0/threads:0/durable:1/' \
  --benchmark_out="$work/inprocess.json" --benchmark_out_format=json >/dev/null 2>&1
inprocess=$(jq '.benchmarks[0].items_per_second' "$work/inprocess.json")
inprocess_p99_ms=$(jq '.benchmarks[0].p99_us / 1000' "$work/inprocess.json")
printf 'in-process: %.0f docs/s (p99 submit->ack at saturation %.1f ms)\n' "$inprocess" "$inprocess_p99_ms"

# --- the server -------------------------------------------------------------------------
# Each run gets a fresh server over a fresh data directory, as pipeline_bench starts from
# an empty ledger: the throughput of the SQLite ledger drifts down as it grows, and a run
# made after 40,000 earlier documents would be compared with one made on an empty one.
# The data directory has the demo network signing ES256 (as BM_Pipeline alg 0), and one
# bearer token per bank.
fresh_server() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
  data="$work/data-$1"
  "$lcproc" loadgen --data-dir "$data" --ack-log /dev/null --count 1 --keys es256 >/dev/null
  : >"$work/tokens"
  for pem in "$data"/demo-network/*.pem; do
    bic=$(basename "$pem" .pem)
    token=$("$lcproc" token add --data-dir "$data" --bic "$bic" | tail -n 1)
    echo "$bic $token" >>"$work/tokens"
  done
  "$lcproc" serve --data-dir "$data" --listen 127.0.0.1 --port 0 >"$work/serve.out" 2>"$work/serve.log" &
  server_pid=$!
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$work/serve.out" | head -n 1)
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "lcproc serve exited:" >&2; tail "$work/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n "$url" ]] || { echo "lcproc serve did not start" >&2; exit 1; }
  url=${url%/}
}

load() {  # load NAME ARGS... : runs the load generator, keeps its RESULT line
  local name=$1
  shift
  "$lcproc" loadgen --url "$url" --data-dir "$data" --tokens "$work/tokens" "$@" >"$work/$name.out" 2>/dev/null || true
  grep '^RESULT ' "$work/$name.out" >"$work/$name.result" || { echo "loadgen $name printed no result" >&2; cat "$work/$name.out" >&2; exit 1; }
  sed -n '1,3p' "$work/$name.out" | sed "s/^/  [$name] /"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$work/$1.result"; }

fresh_server single
load single --count "$docs" --connections "$connections"
fresh_server batch
load batch --count "$docs" --connections 8 --batch "$batch"
single=$(field single docs_per_s)
batched=$(field batch docs_per_s)
rate=$(jq -n "$single * 0.7 | floor")
open_docs=$(jq -n "[$rate * $open_seconds, 1000] | max | floor")
fresh_server open
load open --count "$open_docs" --connections "$connections" --rate "$rate"

fresh_server wrk
wrk -t2 -c64 -d10s --latency "$url/healthz" >"$work/wrk.out" 2>&1 || true
wrk_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
wrk_p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")

# --- the table ------------------------------------------------------------------------------
ratio() { jq -n "$1 / $2 * 1000 | round / 1000"; }
verdict() { if jq -e -n "$1" >/dev/null; then echo met; else echo missed; fi; }
single_ratio=$(ratio "$single" "$inprocess")
batch_ratio=$(ratio "$batched" "$inprocess")
open_p99=$(field open p99_ms)
echo
echo "| run | docs/s | ÷ in-process | p50 ms | p99 ms | p99.9 ms | goal |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
printf '| in-process (pipeline_bench, all cores, durable) | %.0f | 1 | | %.1f | | |\n' "$inprocess" "$inprocess_p99_ms"
printf '| REST single documents, closed loop, %s conn. | %.0f | %s | %s | %s | %s | ≥ 0.6: %s |\n' "$connections" "$single" \
  "$single_ratio" "$(field single p50_ms)" "$(field single p99_ms)" "$(field single p999_ms)" "$(verdict "$single_ratio >= 0.6")"
printf '| REST documents:batch of %s, closed loop, 8 conn. | %.0f | %s | %s | %s | %s | ≥ 0.9: %s |\n' "$batch" "$batched" \
  "$batch_ratio" "$(field batch p50_ms)" "$(field batch p99_ms)" "$(field batch p999_ms)" "$(verdict "$batch_ratio >= 0.9")"
printf '| REST single, open loop at %s docs/s (70%%) | %.0f | %s | %s | %s | %s | p99 ≤ 25 ms: %s |\n' "$rate" \
  "$(field open docs_per_s)" "$(ratio "$(field open docs_per_s)" "$inprocess")" "$(field open p50_ms)" "$open_p99" \
  "$(field open p999_ms)" "$(verdict "$open_p99 <= 25")"
echo
echo "wrk -t2 -c64 -d10s $url/healthz: ${wrk_rps:-?} requests/s, p99 ${wrk_p99:-?}"
for name in single batch open; do
  errors=$(field "$name" errors)
  unexpected=$(field "$name" unexpected)
  [[ "$errors" == 0 && "$unexpected" == 0 ]] || echo "note: $name had $errors errors and $unexpected answers not as the workload expects"
done
echo "load average after: $(uptime | sed 's/.*load average: //')"
