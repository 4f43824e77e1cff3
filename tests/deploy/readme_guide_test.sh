#!/usr/bin/env bash
# The README's bank integration guide (every error class's example answer included),
# the operators' backup and metrics steps and the auditors' checks, run literally: every
# fenced block whose info string is "sh test" is extracted from README.md, in order, and
# run in one bash session against a real living demo (`lcproc demo` on 127.0.0.1, an
# ephemeral port, a temporary directory) with DATA and URL set as the guide says. Then:
# Ctrl-C (SIGINT) stops the demo cleanly with every answer as expected, the ledger
# audits clean, and the backup the guide took while the demo ran is restored and
# continued by a new demo run, and audits clean again.
#
# usage: readme_guide_test.sh LCPROC_BIN README.md
set -euo pipefail
LCPROC_BIN=$(realpath "$1")
README=$(realpath "$2")
for tool in curl jq awk; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (deploy/install-deps.sh)"; exit 1; }
done

work=$(mktemp -d)
demo_pid=
cleanup() {
  if [[ -n "$demo_pid" ]] && kill -0 "$demo_pid" 2>/dev/null; then kill -INT "$demo_pid"; wait "$demo_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/bin"
ln -s "$LCPROC_BIN" "$work/bin/lcproc"
export PATH="$work/bin:$PATH"
cd "$work"

# The demo, as deploy/run.sh starts it (an ephemeral port instead of 8080).
lcproc demo --data-dir "$work/var/lcproc-demo" --port 0 --rate 20 --quiet >demo.out 2>demo.err &
demo_pid=$!
for _ in $(seq 1 600); do
  grep -q "the demo network is live on" demo.out 2>/dev/null && break
  kill -0 "$demo_pid" 2>/dev/null || { echo "FAIL: lcproc demo exited"; cat demo.out demo.err; exit 1; }
  sleep 0.1
done
url=$(grep -o "live on http://127.0.0.1:[0-9]*" demo.out | head -1 | sed 's/live on //')
[[ -n "$url" ]] || { echo "FAIL: no URL in the demo's banner"; cat demo.out; exit 1; }

# The guide's blocks, in order.
awk '/^```sh test$/ {on=1; next} /^```$/ {on=0} on' "$README" >guide.sh
blocks=$(grep -c '^```sh test$' "$README")
[[ "$blocks" -ge 5 ]] || { echo "FAIL: the README has only $blocks 'sh test' blocks"; exit 1; }
echo "== running $blocks blocks of the README's guide against $url"
cat guide.sh
if ! DATA="$work/var/lcproc-demo" URL="$url" bash -euo pipefail guide.sh >guide.out 2>&1; then
  echo "FAIL: the README's guide failed"; cat guide.out; exit 1
fi
cat guide.out

fail() { echo "FAIL: $*"; cat guide.out; exit 1; }
# What the guide's commands must have shown.
grep -q '"outcome": "accepted"' guide.out || fail "the guide's first submission was not accepted"
[[ $(grep -c '^verified: entry #[0-9]* .* is in lcproc.demo' guide.out) -eq 2 ]] ||
  fail "verify-receipt (--checkpoint-key and --vkey) did not verify the real receipt"
grep -q "lcproc verify-receipt: the inclusion proof does not lead to the checkpoint's root" guide.out ||
  fail "the tampered receipt was not refused for its proof"
grep -q '"type": "https://.*invalid-signature"\|invalid-signature' guide.out || fail "the altered document was not refused with invalid-signature"
grep -q 'backed up .* to backup-1' guide.out || fail "no backup"
grep -q '"items"\|"entries"' guide.out || fail "the inbox was not read"
# Every error class's example in the README is the live answer (without its requestId).
awk '/^```json problem$/ {on=1; n++; next} /^```$/ {on=0} on {print > ("expected-problem-" n ".json")}' "$README"
examples=$(grep -c '^```json problem$' "$README")
[[ "$examples" -ge 11 ]] || fail "the README shows only $examples error examples"
for i in $(seq 1 "$examples"); do
  [[ -f "problem-$i.json" ]] || fail "the guide produced no answer for error example $i"
  diff <(jq -S . "expected-problem-$i.json") <(jq -S . "problem-$i.json") ||
    fail "the README's error example $i is not what the demo answers"
done
# The auditors' checks with standard tools.
grep -q 'Signature Verified Successfully' guide.out || fail "openssl did not verify the checkpoint"
grep -q '^leaf [0-9]* is in tile/0/' guide.out || fail "the receipt's leaf hash is not in its tile"
grep -q "SHA-256(0x00 || leaf) is the receipt's leaf hash" guide.out || fail "the leaf does not hash to the receipt"
grep -q '"hashes": [0-9]' guide.out || fail "no consistency proof"
grep -q '^lcproc_ledger_entries [0-9]' guide.out || fail "no metrics"

# Ctrl-C: a clean stop, every answer the expected one.
kill -INT "$demo_pid"
rc=0; wait "$demo_pid" || rc=$?
demo_pid=
cat demo.out
[[ $rc -eq 0 ]] || { echo "FAIL: lcproc demo exited $rc after SIGINT"; cat demo.err; exit 1; }
grep -q "stopped cleanly" demo.out || { echo "FAIL: no clean stop"; exit 1; }
grep -q "unexpected answers 0" demo.out || { echo "FAIL: the demo saw unexpected answers"; exit 1; }
lcproc audit --data-dir "$work/var/lcproc-demo"

# The backup taken under load: audit it, then continue it (the demo banks' keys are the
# banks' own, not part of the processor's backup: copied beside it here).
lcproc audit --data-dir backup-1
cp -r "$work/var/lcproc-demo/demo-network" backup-1/
lcproc demo --data-dir backup-1 --port 0 --rate 0 --documents 15 --quiet >restored.out 2>&1 ||
  { echo "FAIL: the demo could not continue the restored backup"; cat restored.out; exit 1; }
grep -q "(same ledger as before)" restored.out || { echo "FAIL: the restored ledger was not continued"; exit 1; }
lcproc audit --data-dir backup-1
echo "PASS"
