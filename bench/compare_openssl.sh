#!/usr/bin/env bash
# Puts lcproc's crypto figures (bench/crypto_bench) beside `openssl speed` on this
# machine, single thread: SHA-256 at 64 B, 1 KiB and 16 KiB blocks, Ed25519 and ECDSA
# P-256 sign and verify, and the detached JWS over a 2 KiB document against the raw
# OpenSSL figure it builds on. Builds nothing: pass the build directory that holds
# bench/crypto_bench (default build/release).
#
#   bench/compare_openssl.sh [BUILD_DIR]        SECONDS=3 per measurement by default
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build/release}
seconds=${SECONDS_PER_TEST:-3}
bench="$build/bench/crypto_bench"
if [[ ! -x "$bench" ]]; then
  echo "compare_openssl.sh: $bench not found; build it first (ninja -C $build crypto_bench)" >&2
  exit 2
fi
command -v openssl >/dev/null || { echo "compare_openssl.sh: openssl not on PATH" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "running crypto_bench (${seconds}s per benchmark) ..." >&2
"$bench" --benchmark_format=json --benchmark_min_time="$seconds" >"$tmp/ours.json"
echo "running openssl speed ecdsap256 ed25519 ..." >&2
openssl speed -seconds "$seconds" ecdsap256 ed25519 >"$tmp/sig.txt" 2>/dev/null
for bytes in 64 1024 16384; do
  echo "running openssl speed -evp sha256 -bytes $bytes ..." >&2
  openssl speed -seconds "$seconds" -bytes "$bytes" -evp sha256 >"$tmp/sha256_$bytes.txt" 2>/dev/null
done

python3 - "$tmp" <<'EOF'
import json, re, sys, platform
tmp = sys.argv[1]
ours = {b["name"]: b for b in json.load(open(f"{tmp}/ours.json"))["benchmarks"]}

def items(name):
    return ours[name]["items_per_second"]

def sha_ours(n):
    return ours[f"BM_Sha256/{n}"]["bytes_per_second"]

def sha_openssl(n):
    # "sha256   571234.56k": thousands of bytes per second.
    for line in open(f"{tmp}/sha256_{n}.txt"):
        m = re.match(r"^sha256\s+([\d.]+)k\s*$", line)
        if m:
            return float(m.group(1)) * 1000
    raise SystemExit(f"no sha256 figure in openssl output for {n} bytes")

sig = open(f"{tmp}/sig.txt").read()
def sig_openssl(pattern):
    m = re.search(pattern + r"\s+[\d.]+s\s+[\d.]+s\s+([\d.]+)\s+([\d.]+)", sig)
    if not m:
        raise SystemExit(f"no figure for {pattern} in openssl speed output")
    return float(m.group(1)), float(m.group(2))

ecdsa_sign, ecdsa_verify = sig_openssl(r"256 bits ecdsa \(nistp256\)")
ed_sign, ed_verify = sig_openssl(r"253 bits EdDSA \(Ed25519\)")

rows = []
for n in (64, 1024, 16384):
    rows.append((f"SHA-256 {n} B (MB/s)", sha_ours(n) / 1e6, sha_openssl(n) / 1e6))
rows += [
    ("Ed25519 sign (/s)", items("BM_Ed25519_Sign"), ed_sign),
    ("Ed25519 verify (/s)", items("BM_Ed25519_Verify"), ed_verify),
    ("ES256 sign (/s)", items("BM_Es256_Sign"), ecdsa_sign),
    ("ES256 verify (/s)", items("BM_Es256_Verify"), ecdsa_verify),
    ("JWS EdDSA sign, 2 KiB doc (/s) vs raw", items("BM_Jws_Sign_EdDSA"), ed_sign),
    ("JWS EdDSA verify, 2 KiB doc (/s) vs raw", items("BM_Jws_Verify_EdDSA"), ed_verify),
    ("JWS ES256 sign, 2 KiB doc (/s) vs raw", items("BM_Jws_Sign_ES256"), ecdsa_sign),
    ("JWS ES256 verify, 2 KiB doc (/s) vs raw", items("BM_Jws_Verify_ES256"), ecdsa_verify),
]
cpu = ""
try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except (OSError, StopIteration):
    pass
ver = sig.splitlines()[0] if sig else ""
print(f"machine: {cpu or platform.processor()}, {platform.system()} {platform.release()}")
print(f"openssl: {ver}")
print()
print("| operation | lcproc | openssl speed | ratio |")
print("| --- | ---: | ---: | ---: |")
for name, a, b in rows:
    print(f"| {name} | {a:,.0f} | {b:,.0f} | {a / b:.3f} |")
EOF
