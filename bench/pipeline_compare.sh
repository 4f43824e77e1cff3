#!/usr/bin/env bash
# Puts the engine's throughput (bench/pipeline_bench) beside what OpenSSL alone can
# verify on this machine, in the same go:
#   ratio   = docs/s ÷ (cores used × OpenSSL verifies/s on one core)   goal ≥ 0.85 durable
#   scaling = docs/s on all cores ÷ docs/s on 1 thread                 goal ≥ 1.8 on 2 cores
# plus openssl's own 1 → N scaling on this machine now (`openssl speed -multi`), p50/p99
# submit→acknowledge (also at 70% of the maximum rate, open loop), peak RSS (goal ≤ 256 MiB) and ledger bytes per entry
# against the signed bytes (goal ≤ signed + 300), and the process CPU per document with
# the share of it one OpenSSL verify would take (the ceiling of the ratio above).
#
# usage: bench/pipeline_compare.sh [BUILD_DIR] [OPENSSL_SECONDS]
#   BUILD_DIR defaults to build/release (deploy/run.sh's); LCPROC_BENCH_DOCS sets the
#   documents per run (default 20000), LCPROC_BENCH_DIR where the ledgers are written.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
seconds=${2:-3}
bench="$build/bench/pipeline_bench"
if [[ ! -x "$bench" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLCPROC_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j2 --target pipeline_bench
fi
command -v jq >/dev/null || { echo "pipeline_compare.sh needs jq" >&2; exit 2; }
cores=$(nproc)

echo "machine: $cores cores, $(uptime | sed 's/.*load average/load average/')"
speed=$(openssl speed -seconds "$seconds" ecdsap256 ed25519 2>/dev/null)
es_verify=$(awk '/ecdsa \(nistp256\)/ {print $NF}' <<<"$speed")
ed_verify=$(awk '/EdDSA \(Ed25519\)/ {print $NF}' <<<"$speed")
echo "openssl speed (one core): ES256 verify ${es_verify}/s, Ed25519 verify ${ed_verify}/s"
# What the machine itself gives on all cores right now: on a shared or SMT-backed VM,
# `openssl speed -multi N` can stay far below N × one core, and no engine scales past it.
multi=$(openssl speed -seconds "$seconds" -multi "$cores" ecdsap256 ed25519 2>/dev/null)
es_multi=$(awk '/ecdsa \(nistp256\)/ {v=$NF} END {print v}' <<<"$multi")
ed_multi=$(awk '/EdDSA \(Ed25519\)/ {v=$NF} END {print v}' <<<"$multi")
echo "openssl speed -multi $cores: ES256 verify ${es_multi}/s ($(jq -n "$es_multi / $es_verify * 100 | round / 100")x one core), Ed25519 verify ${ed_multi}/s ($(jq -n "$ed_multi / $ed_verify * 100 | round / 100")x one core)"

# One process per configuration, so each peak RSS (getrusage) is that configuration's.
# "1 core" pins the whole process (engine threads, committer, submitter) to CPU 0 with
# taskset: the honest denominator for 1 → N core scaling, since on 1 TBB thread the
# engine's feeder and commit threads still use a second core.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() {  # run NAME FILTER [taskset CPUS]
  local name=$1 filter=$2
  shift 2
  "$@" "$bench" --benchmark_filter="$filter" --benchmark_out="$dir/$name.json" \
    --benchmark_out_format=json >/dev/null 2>&1
}
for alg in 0 1; do
  for durable in 1 0; do
    run "a${alg}d${durable}t1" "^BM_Pipeline/alg:$alg/threads:1/durable:$durable/"
    run "a${alg}d${durable}all" "^BM_Pipeline/alg:$alg/threads:0/durable:$durable/"
    run "a${alg}d${durable}pin" "^BM_Pipeline/alg:$alg/threads:0/durable:$durable/" taskset -c 0
  done
  run "lat${alg}" "^BM_PipelineLatency/alg:$alg/"
  run "rate${alg}" "^BM_PipelineAtRate/alg:$alg/percent:70/"
done

table() {  # table FILES... : one row per benchmark, $cores_used cores
  jq -rs --argjson cores "$1" --arg what "$2" --argjson es "$es_verify" --argjson ed "$ed_verify" '
    def arg($k): (.name | capture($k + ":(?<v>[0-9]+)").v | tonumber);
    def r2: (. * 100 | round / 100);
    .[].benchmarks[] | (if arg("alg") == 0 then $es else $ed end) as $verify
    | "| \(if arg("alg") == 0 then "ES256" else "EdDSA" end) | \(if arg("durable") == 1 then "FULL" else "off" end) | \($what) | \(.items_per_second | round) | \(.items_per_second / ($cores * $verify) | r2) | \(.p50_us / 1000 | r2) | \(.p99_us / 1000 | r2) | \(.rss_mib | round) | \(.ledger_bytes_per_entry | round) | \(.signed_bytes | round) | \(if .cpu_us_per_doc then (.cpu_us_per_doc | r2) else "n/a" end) | \(if .cpu_us_per_doc then (1e6 / $verify / .cpu_us_per_doc * 100 | round) else "n/a" end) |"' "${@:3}"
}
echo
echo "| alg | durable | threads | docs/s | ÷ (cores × openssl verify/s) | p50 ms | p99 ms | peak RSS MiB | ledger B/entry | signed B/entry | CPU µs/doc | verify % of CPU |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
table 1 "1 thread" "$dir"/a*t1.json
table 1 "all, pinned to 1 core" "$dir"/a*pin.json
table "$cores" "all $cores cores" "$dir"/a*all.json
echo
for alg in 0 1; do
  for durable in 1 0; do
    jq -rs --arg cores "$cores" '
      (.[0].benchmarks[0]) as $one | (.[1].benchmarks[0]) as $all
      | "scaling \(if ($one.name | test("alg:0")) then "ES256" else "EdDSA" end) durable=\(if ($one.name | test("durable:1")) then "FULL" else "off" end): 1 → \($cores) cores \($all.items_per_second / $one.items_per_second * 100 | round / 100)x (\($one.items_per_second | round) → \($all.items_per_second | round) docs/s)"' \
      "$dir/a${alg}d${durable}pin.json" "$dir/a${alg}d${durable}all.json"
  done
done
echo
jq -rs '.[].benchmarks[] | "latency with 64 outstanding, all cores, durable, \(if (.name | test("alg:0")) then "ES256" else "EdDSA" end): \(.items_per_second | round) docs/s, p50 \(.p50_us / 1000 * 100 | round / 100) ms, p99 \(.p99_us / 1000 * 100 | round / 100) ms"' "$dir"/lat*.json
jq -rs '.[].benchmarks[] | "latency at 70% of the maximum rate (open loop, all cores, durable), \(if (.name | test("alg:0")) then "ES256" else "EdDSA" end): maximum \(.max_docs_per_s | round) docs/s, offered \(.offered_docs_per_s | round), p50 \(.p50_us / 1000 * 100 | round / 100) ms, p99 \(.p99_us / 1000 * 100 | round / 100) ms, CPU \(.cpu_us_per_doc | round) µs/doc"' "$dir"/rate*.json
