#!/usr/bin/env bash
# Puts the engine's throughput (bench/pipeline_bench) beside what OpenSSL alone can
# verify on this machine, in the same go:
#   ratio   = docs/s ÷ (cores used × OpenSSL verifies/s on one core)   goal ≥ 0.85 durable
#   scaling = docs/s on all cores ÷ docs/s on 1 thread                 goal ≥ 1.8 on 2 cores
# plus p50/p99 submit→acknowledge, peak RSS (goal ≤ 256 MiB) and ledger bytes per entry
# against the signed bytes (goal ≤ signed + 300).
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

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bench" --benchmark_out="$out" --benchmark_out_format=json >/dev/null

jq -r --argjson cores "$cores" --argjson es "$es_verify" --argjson ed "$ed_verify" '
  def arg($k): (.name | capture($k + ":(?<v>[0-9]+)").v | tonumber);
  def r2: (. * 100 | round / 100);
. as $doc
  | [.benchmarks[] | select(.name | startswith("BM_Pipeline/")) | {alg: (if arg("alg") == 0 then "ES256" else "EdDSA" end),
                    verify: (if arg("alg") == 0 then $es else $ed end),
                    threads: arg("threads"), durable: arg("durable"),
                    dps: .items_per_second, p50: (.p50_us / 1000), p99: (.p99_us / 1000),
                    rss: .rss_mib, bpe: .ledger_bytes_per_entry, signed: .signed_bytes}]
  | . as $rows
  | "| alg | durable | threads | docs/s | ÷ (cores × openssl verify/s) | p50 ms | p99 ms | peak RSS MiB | ledger B/entry | signed B/entry |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ($rows[] | (if .threads == 0 then $cores else 1 end) as $n
      | "| \(.alg) | \(if .durable == 1 then "FULL" else "off" end) | \(if .threads == 0 then "all (\($cores))" else "1" end) | \(.dps | round) | \(.dps / ($n * .verify) | r2) | \(.p50 | r2) | \(.p99 | r2) | \(.rss | round) | \(.bpe | round) | \(.signed | round) |"),
    "",
    ($rows | group_by([.alg, .durable])[]
      | (map(select(.threads == 1))[0].dps) as $one | (map(select(.threads == 0))[0].dps) as $all
      | "scaling \(.[0].alg) durable=\(if .[0].durable == 1 then "FULL" else "off" end): 1 → \($cores) cores \($all / $one | r2)x"),
    "",
    ($doc.benchmarks[] | select(.name | startswith("BM_PipelineLatency/"))
      | "latency with 64 outstanding, all cores, durable, \(if (.name | test("alg:0")) then "ES256" else "EdDSA" end): \(.items_per_second | round) docs/s, p50 \(.p50_us / 1000 | r2) ms, p99 \(.p99_us / 1000 | r2) ms")
' "$out"
