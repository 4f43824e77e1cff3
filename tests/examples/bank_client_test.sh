#!/usr/bin/env bash
# examples/bank_client against a real `lcproc serve` with TLS and mutual TLS on
# 127.0.0.1 (an ephemeral port): certificates from deploy/make-certs.sh, the demo's
# issuing bank authenticated by its client certificate alone. The client signs, submits,
# reads the receipt and verifies it offline; a client certificate from another CA is
# refused before any document is read.
# usage: bank_client_test.sh LCPROC_BIN BANK_CLIENT_BIN SOURCE_DIR
set -euo pipefail
LCPROC=$(realpath "$1")
CLIENT=$(realpath "$2")
SRC=$(realpath "$3")
source "$SRC/tests/testing/server_harness.sh"
cd "$work"
BIC=COBADEHHXXX
bash "$SRC/deploy/make-certs.sh" certs "$BIC" >/dev/null 2>&1 || fail "deploy/make-certs.sh"
# A data directory with the demo banks and a letter of credit to submit.
"$LCPROC" demo --data-dir data --port 0 --rate 0 --documents 3 --quiet >demo.out 2>&1 || { cat demo.out; fail "lcproc demo"; }
printf '{"client-certificates": {"%s": "%s"}}\n' "$(cat certs/$BIC.sha256)" "$BIC" >tls.json
"$LCPROC" serve --data-dir data --port 0 --config tls.json --tls-cert certs/server.pem --tls-key certs/server.key \
  --client-ca certs/ca.pem >serve.out 2>serve.err &
server_pid=$!
for _ in $(seq 1 300); do
  grep -q "listening on" serve.out 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat serve.err; fail "lcproc serve exited"; }
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' serve.out)
[[ "$url" == https://127.0.0.1:* ]] || fail "not listening on https: $url"

"$CLIENT" --url "$url" --ca certs/ca.pem --cert certs/$BIC.pem --cert-key certs/$BIC.key \
  --key data/demo-network/$BIC.pem --vkey data/checkpoint.vkey data/demo-network/example-credit.json >client.out 2>&1 ||
  { cat client.out; fail "bank_client did not get a verified receipt"; }
cat client.out
grep -q '^HTTP 201$' client.out || fail "no 201"
grep -q '^receipt verified: entry #[0-9]* is in lcproc.demo' client.out || fail "receipt not verified"

# A certificate from another CA: the TLS handshake fails, nothing is submitted.
if "$CLIENT" --url "$url" --ca certs/ca.pem --cert certs/rogue.pem --cert-key certs/rogue.key \
  --key data/demo-network/$BIC.pem --vkey data/checkpoint.vkey data/demo-network/example-credit.json >rogue.out 2>&1; then
  cat rogue.out; fail "a client certificate from another CA was accepted"
fi
cat rogue.out
grep -q "HTTP 201" rogue.out && fail "the rogue client's document was accepted"
echo PASS
