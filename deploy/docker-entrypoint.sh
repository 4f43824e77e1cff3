#!/bin/sh
# The container's entry: initialises the data directory volume on first start (a new
# checkpoint key named $LCPROC_ORIGIN), then serves it with the configuration file.
set -eu
data=/var/lib/lcproc
if [ ! -f "$data/checkpoint.key" ]; then
  lcproc init --data-dir "$data" --origin "${LCPROC_ORIGIN:-lcproc.example}"
fi
exec lcproc serve --data-dir "$data" --config /etc/lcproc/lcproc.json "$@"
