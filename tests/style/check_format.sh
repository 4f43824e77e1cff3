#!/usr/bin/env bash
# Every C++ file of the repository is formatted as .clang-format says (clang-format 14,
# Debian's). Prints each file that is not, with the first differences, and fails.
set -euo pipefail
cd "${LCPROC_SOURCE_DIR:-$(dirname "$0")/../..}"
command -v clang-format >/dev/null || { echo "clang-format is not installed (deploy/install-deps.sh installs it)"; exit 1; }
mapfile -t files < <(git ls-files '*.cc' '*.h' | grep -v '^tests/testdata/')
bad=0
for f in "${files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (clang-format -i $f)"
    clang-format "$f" | diff "$f" - | head -10 || true
    bad=$((bad + 1))
  fi
done
echo "${#files[@]} files checked, $bad not formatted"
[[ $bad -eq 0 ]]
