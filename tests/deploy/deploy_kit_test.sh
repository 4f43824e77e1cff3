#!/usr/bin/env bash
# The deployment kit of deploy/, checked with the real tools:
#   systemd  deploy/lcproc.service passes `systemd-analyze verify` with no complaint (its
#            ExecStart pointed at the lcproc under test) and keeps its hardening
#   config   `lcproc serve --config deploy/lcproc.example.json` starts on 127.0.0.1 (an
#            ephemeral port), answers /healthz, stops on SIGTERM with exit 0; every option
#            of `lcproc serve --help` is described in the file
#   compose  deploy/compose.yaml parses (python3-yaml) and wires lcproc, Prometheus and
#            Grafana; the Dockerfile keeps its non-root user, volume and HEALTHCHECK
# usage: deploy_kit_test.sh systemd|config|compose LCPROC_BIN SOURCE_DIR
set -euo pipefail
what=$1
LCPROC_BIN=$(realpath "$2")
SRC=$(realpath "$3")
source "$SRC/tests/testing/server_harness.sh"

case "$what" in
systemd)
  command -v systemd-analyze >/dev/null || fail "systemd-analyze is not installed (deploy/install-deps.sh)"
  unit=$SRC/deploy/lcproc.service
  for directive in 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'PrivateTmp=yes' 'User=lcproc' \
                   'ReadWritePaths=/var/lib/lcproc' 'ProtectHome=yes' 'CapabilityBoundingSet=$'; do
    grep -q "^$directive" "$unit" || fail "lcproc.service lacks $directive"
  done
  [[ $(grep -c '^ReadWritePaths=' "$unit") -eq 1 ]] || fail "lcproc.service must have exactly one ReadWritePaths"
  sed "s|/usr/local/bin/lcproc|$LCPROC_BIN|" "$unit" >"$work/lcproc.service"
  out=$(systemd-analyze verify "$work/lcproc.service" 2>&1) || fail "systemd-analyze verify: $out"
  # verify exits 0 on unknown keys and bad values, but says so: any word is a failure.
  [[ -z "$out" ]] || fail "systemd-analyze verify complained: $out"
  echo "PASS: systemd-analyze verify deploy/lcproc.service"
  ;;
config)
  example=$SRC/deploy/lcproc.example.json
  for option in $("$LCPROC_BIN" serve --help 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    name=${option#--}
    case "$name" in data-dir|config|help) continue ;; esac
    grep -q "\"$name\"" "$example" || fail "deploy/lcproc.example.json does not describe $name"
  done
  "$LCPROC_BIN" init --data-dir "$work/data" --origin lcproc.test >/dev/null
  "$LCPROC_BIN" serve --data-dir "$work/data" --config "$example" --port 0 >"$work/out" 2>"$work/err" &
  server_pid=$!
  for _ in $(seq 1 300); do
    grep -q "listening on" "$work/out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/err"; fail "lcproc serve exited with the example configuration"; }
    sleep 0.1
  done
  url=$(sed -n 's/^listening on //p' "$work/out")
  [[ "$url" == http://127.0.0.1:* ]] || fail "not listening: $(cat "$work/out" "$work/err")"
  curl -fsS "$url/healthz" >/dev/null || fail "no /healthz answer"
  kill -TERM "$server_pid"
  rc=0; wait "$server_pid" || rc=$?
  server_pid=
  [[ $rc -eq 0 ]] || fail "lcproc serve exited $rc on SIGTERM"
  # A typo in the file is refused with its name.
  sed 's/"bank-burst"/"bank-burts"/' "$example" >"$work/typo.json"
  if "$LCPROC_BIN" serve --data-dir "$work/data" --config "$work/typo.json" --port 0 2>"$work/typo.err"; then
    fail "a misspelt key was accepted"
  fi
  grep -q 'unknown key "bank-burts"' "$work/typo.err" || fail "no clear message for a misspelt key: $(cat "$work/typo.err")"
  echo "PASS: lcproc serve --config deploy/lcproc.example.json"
  ;;
compose)
  python3 - "$SRC/deploy/compose.yaml" <<'PY' || fail "deploy/compose.yaml"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
services = doc["services"]
assert set(services) >= {"lcproc", "prometheus", "grafana"}, services.keys()
assert services["lcproc"]["build"]["dockerfile"] == "deploy/Dockerfile"
assert any(v.endswith(":/var/lib/lcproc") for v in services["lcproc"]["volumes"])
assert any(v.startswith("./prometheus:") for v in services["prometheus"]["volumes"])
assert any(v.startswith("./grafana/") for v in services["grafana"]["volumes"])
assert "lcproc-data" in doc["volumes"]
print("compose.yaml parses:", ", ".join(sorted(services)))
PY
  docker=$SRC/deploy/Dockerfile
  for line in '^FROM debian:12 AS build' '^FROM debian:12-slim' '^USER lcproc' '^VOLUME \["/var/lib/lcproc"\]' \
              '^HEALTHCHECK .*' '/readyz' 'cmake --build build/release'; do
    grep -q -- "$line" "$docker" || fail "deploy/Dockerfile lacks $line"
  done
  # The Dockerfile builds with the same commands as deploy/run.sh.
  grep -q 'cmake --build "$build" -j2 --target lcproc' "$SRC/deploy/run.sh" || fail "deploy/run.sh changed its build command"
  echo "PASS: deploy/compose.yaml and deploy/Dockerfile"
  ;;
*) fail "unknown check $what" ;;
esac
