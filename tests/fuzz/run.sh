#!/bin/sh
# Fuzzes every decoder of lcproc with libFuzzer, one harness after the other.
#
#   tests/fuzz/run.sh SECONDS [NAME ...]
#
# Builds the harnesses of tests/fuzz/ with clang -fsanitize=fuzzer,address,undefined in
# build/fuzz (ccache when installed), then runs each (or only the NAMEs given: json_document,
# capnp_document, swift_mt, jws, registry, calendar) for SECONDS seconds, one process, one
# job at a time. Each starts from the committed seeds of tests/fuzz/corpus/NAME; inputs it
# discovers go to build/fuzz/corpus/NAME (kept between runs, never committed), crashes,
# leaks, timeouts and failed round-trip checks to build/fuzz/artifacts/NAME/. Add a crash
# input to tests/fuzz/corpus/NAME/ once fixed: the ctest fuzz_corpus_NAME replays it.
# Exit status: 0 when no harness found anything, 1 otherwise, 2 on usage errors.
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 SECONDS [NAME ...]" >&2
  exit 2
fi
seconds=$1
shift
case $seconds in
  ''|*[!0-9]*) echo "$0: SECONDS must be a whole number" >&2; exit 2 ;;
esac
names=${*:-json_document capnp_document swift_mt jws registry calendar}

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/fuzz
launcher=""
if command -v ccache >/dev/null 2>&1; then
  launcher="-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
fi
# shellcheck disable=SC2086
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DLCPROC_SANITIZE=ON -DLCPROC_FUZZ=ON -DLCPROC_BUILD_BENCH=OFF $launcher >/dev/null
targets=""
for name in $names; do targets="$targets fuzz_$name"; done
# shellcheck disable=SC2086
cmake --build "$build" -j "${LCPROC_FUZZ_BUILD_JOBS:-2}" --target $targets

found=0
for name in $names; do
  corpus=$build/corpus/$name
  artifacts=$build/artifacts/$name/
  mkdir -p "$corpus" "$artifacts"
  echo "== fuzz_$name for ${seconds}s"
  if ! "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=20000 -print_final_stats=1 -artifact_prefix="$artifacts" \
      "$corpus" "$root/tests/fuzz/corpus/$name" 2>"$build/fuzz_$name.log"; then
    found=1
    echo "fuzz_$name FOUND a problem: see $build/fuzz_$name.log and $artifacts" >&2
    grep -E "ERROR|round trip broken|SUMMARY" "$build/fuzz_$name.log" | head -5 >&2 || true
  fi
  grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/fuzz_$name.log" || true
done
exit $found
