#!/usr/bin/env bash
# Runs the whole engine (pipeline_bench, durable, all cores) under each heap allocator in
# turn, interleaved round by round so the machine's load drifts evenly over all of them,
# by LD_PRELOAD on the same binary:
#   glibc           the C library's malloc with engine::TuneHeapForThroughput, as a
#                   -DLCPROC_ALLOCATOR=glibc build of lcproc runs
#   glibc-default   glibc with its default thresholds (LCPROC_HEAP_DEFAULTS=1)
#   jemalloc        libjemalloc2      mimalloc   libmimalloc2.0
#   tbbmalloc       oneTBB's scalable allocator (libtbbmalloc2, a dependency already)
# One line per run: CPU µs per document (process CPU / documents: what compares on a
# shared machine), docs/s and peak RSS. Allocators not installed are skipped.
#
# BUILD_DIR must be configured with -DLCPROC_ALLOCATOR=glibc: with jemalloc linked in
# (the default), the glibc rows would measure jemalloc.
#
# usage: bench/allocator_compare.sh [BUILD_DIR] [ROUNDS]    (LCPROC_BENCH_DOCS, default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
rounds=${2:-3}
bench="$build/bench/pipeline_bench"
if ldd "$bench" | grep -q jemalloc; then
  echo "$bench links jemalloc: configure $build with -DLCPROC_ALLOCATOR=glibc" >&2
  exit 2
fi
lib=/usr/lib/x86_64-linux-gnu
declare -A preload=([glibc]="" [glibc-default]="" [jemalloc]="$lib/libjemalloc.so.2"
  [mimalloc]="$lib/libmimalloc.so.2" [tbbmalloc]="$lib/libtbbmalloc_proxy.so.2")
for round in $(seq "$rounds"); do
  for alg in 0 1; do
    for name in glibc glibc-default jemalloc mimalloc tbbmalloc; do
      so=${preload[$name]}
      if [[ -n "$so" && ! -e "$so" ]]; then continue; fi
      defaults=""
      [[ $name == glibc-default ]] && defaults=1
      load=$(cut -d' ' -f1 /proc/loadavg)
      result=$(LCPROC_HEAP_DEFAULTS=$defaults LD_PRELOAD=$so LCPROC_BENCH_DOCS=${LCPROC_BENCH_DOCS:-10000} \
        "$bench" --benchmark_filter="^BM_Pipeline/alg:$alg/threads:0/durable:1/" 2>&1 | tail -1 |
        tr ' ' '\n' | grep -E 'cpu_us_per_doc|items_per_second|rss_mib' | tr '\n' ' ')
      echo "round $round $([[ $alg == 0 ]] && echo ES256 || echo EdDSA) $name load=$load $result"
    done
  done
done
