#!/usr/bin/env bash
# The README's main command: installs what is missing, builds lcproc (Release) and
# runs the most complete lcproc there is: the demo network of banks.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
build=${LCPROC_BUILD_DIR:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLCPROC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target lcproc
exec "$build/services/lcproc/lcproc" demo --data-dir "${LCPROC_DATA_DIR:-var/lcproc-demo}" "$@"
