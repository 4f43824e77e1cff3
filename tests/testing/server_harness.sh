# Sourced by the shell tests that start a real lcproc process: makes a temporary
# directory $work, and at exit, whatever the outcome, stops the process whose pid the
# test put in $server_pid (with $server_signal, TERM unless the test says otherwise),
# waits for it and removes $work. fail MESSAGE prints "FAIL: MESSAGE" and exits 1.
work=$(mktemp -d)
server_pid=
server_signal=TERM
harness_cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "-$server_signal" "$server_pid"
    wait "$server_pid" || true
  fi
  rm -rf "$work"
}
trap harness_cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
