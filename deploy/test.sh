#!/usr/bin/env bash
# The README's test command: installs what is missing, builds the whole project with
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
# Node packages the tests use, from the npm registry at pinned versions: `jose` for the
# JOSE interoperability test, `ajv` to validate the JSON Schemas and their examples,
# `@apidevtools/swagger-parser` and `ajv` to lint the OpenAPI document (schemas/openapi),
# `jose` again for the gateway tests signing as a bank (tests/services/gateway),
# `playwright-core` (driving Debian's chromium) and `uplot` for the dashboard's tests
# (tests/browser).
# Reinstalled only when missing or older than the lock file.
for dir in tests/interop schemas/validate schemas/openapi tests/services/gateway tests/browser; do
  if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

build=${LCPROC_TEST_BUILD_DIR:-build/asan}
# clang, so one build checks both the sanitizers and the lock annotations
# (-Wthread-safety); the Release build of run.sh and the benchmarks stays on GCC.
# A build directory configured earlier with another compiler is made afresh (CMake
# keeps the first compiler it saw).
if [[ -f "$build/CMakeCache.txt" ]] && ! grep -q '^CMAKE_CXX_COMPILER:FILEPATH=.*clang++' "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DLCPROC_SANITIZE=ON -DLCPROC_BUILD_BENCH=ON -DLCPROC_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" -j2 --output-on-failure --timeout 600
