#!/usr/bin/env bash
# Installs the Debian 12 packages lcproc builds with, skipping what is already there.
# Runs as root or through sudo. Used by deploy/run.sh and deploy/test.sh.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libtbb-dev libssl-dev openssl capnproto libcapnp-dev libsqlite3-dev sqlite3
  libpq-dev postgresql
  # libsodium verifies Ed25519 on the hot path (faster here than OpenSSL 3.0's);
  # wolfSSL is only measured beside both by bench/crypto_bench.
  libsodium-dev libwolfssl-dev
  # jemalloc is lcproc's heap allocator (README, Performance: "The allocator").
  libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format
  nodejs npm
  wrk  # bench/rest_compare.sh: the HTTP layer's own ceiling on /healthz
  curl jq  # tests/deploy: the README's integration guide run literally
  systemd python3-yaml  # tests/deploy: systemd-analyze verify of the unit, the compose file parsed
  chromium  # tests/browser: the dashboard in a real headless browser (driven by playwright-core)
  prometheus  # promtool: deploy/prometheus config and alert rules checked and unit-tested in ctest
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere than Debian (nodesource, nvm): accept them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  echo "lcproc: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
