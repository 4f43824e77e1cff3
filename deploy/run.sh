#!/usr/bin/env bash
# The README's main command: installs what is missing, builds lcproc (Release) and
# runs the most complete lcproc there is: the living demo network of banks (a served REST
# API with traffic and its dashboard, until Ctrl-C; a second run continues the ledger).
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
build=${LCPROC_BUILD_DIR:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLCPROC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target lcproc
exec "$build/services/lcproc/lcproc" demo --data-dir "${LCPROC_DATA_DIR:-var/lcproc-demo}" "$@"
