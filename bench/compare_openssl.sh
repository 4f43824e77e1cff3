#!/usr/bin/env bash
# Puts lcproc's crypto figures (bench/crypto_bench) beside `openssl speed` on this
# machine, single thread: SHA-256 at 64 B, 1 KiB and 16 KiB blocks, Ed25519 and ECDSA
# P-256 sign and verify, and the detached JWS over a 2 KiB document against the raw
# OpenSSL figure it builds on. Then the rivals measured in the same crypto_bench run:
# Ed25519 verify over a 2 KiB message through OpenSSL 3.0, libsodium, wolfSSL and lcproc's
# PublicKey::Verify, and P-256 verify through OpenSSL and wolfSSL, as ratios to OpenSSL.
# The whole comparison runs RUNS times (default 3), each with its load average, and ends
# with the range of every rival's ratio over the runs. Builds nothing: pass the build
# directory that holds bench/crypto_bench (default build/release).
#
#   bench/compare_openssl.sh [BUILD_DIR]    SECONDS_PER_TEST=3 per measurement, RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build/release}
seconds=${SECONDS_PER_TEST:-3}
runs=${RUNS:-3}
bench="$build/bench/crypto_bench"
if [[ ! -x "$bench" ]]; then
  echo "compare_openssl.sh: $bench not found; build it first (ninja -C $build crypto_bench)" >&2
  exit 2
fi
command -v openssl >/dev/null || { echo "compare_openssl.sh: openssl not on PATH" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for ((run = 1; run <= runs; run++)); do
  dir="$tmp/run$run"
  mkdir -p "$dir"
  cut -d' ' -f1-3 /proc/loadavg >"$dir/load_before.txt"
  echo "run $run/$runs: crypto_bench (${seconds}s per benchmark) ..." >&2
  "$bench" --benchmark_format=json --benchmark_min_time="$seconds" >"$dir/ours.json"
  echo "run $run/$runs: openssl speed ecdsap256 ed25519 ..." >&2
  openssl speed -seconds "$seconds" ecdsap256 ed25519 >"$dir/sig.txt" 2>/dev/null
  for bytes in 64 1024 16384; do
    echo "run $run/$runs: openssl speed -evp sha256 -bytes $bytes ..." >&2
    openssl speed -seconds "$seconds" -bytes "$bytes" -evp sha256 >"$dir/sha256_$bytes.txt" 2>/dev/null
  done
  cut -d' ' -f1-3 /proc/loadavg >"$dir/load_after.txt"
done

python3 - "$tmp" "$runs" <<'EOF'
import json, re, sys, platform
tmp, runs = sys.argv[1], int(sys.argv[2])

def load_run(d):
    ours = {b["name"]: b for b in json.load(open(f"{d}/ours.json"))["benchmarks"]}
    sig = open(f"{d}/sig.txt").read()

    def items(name):
        return ours[name]["items_per_second"]

    def sha_openssl(n):
        # "sha256   571234.56k": thousands of bytes per second.
        for line in open(f"{d}/sha256_{n}.txt"):
            m = re.match(r"^sha256\s+([\d.]+)k\s*$", line)
            if m:
                return float(m.group(1)) * 1000
        raise SystemExit(f"no sha256 figure in openssl output for {n} bytes")

    def sig_openssl(pattern):
        m = re.search(pattern + r"\s+[\d.]+s\s+[\d.]+s\s+([\d.]+)\s+([\d.]+)", sig)
        if not m:
            raise SystemExit(f"no figure for {pattern} in openssl speed output")
        return float(m.group(1)), float(m.group(2))

    ecdsa_sign, ecdsa_verify = sig_openssl(r"256 bits ecdsa \(nistp256\)")
    ed_sign, ed_verify = sig_openssl(r"253 bits EdDSA \(Ed25519\)")
    rows = []
    for n in (64, 1024, 16384):
        rows.append((f"SHA-256 {n} B (MB/s)", ours[f"BM_Sha256/{n}"]["bytes_per_second"] / 1e6,
                     sha_openssl(n) / 1e6))
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
    # Rivals: (label, figure, OpenSSL's figure in the same crypto_bench run, openssl speed).
    ed_base = items("BM_Ed25519Verify2KiB_OpenSsl")
    p256_base = items("BM_P256Verify_OpenSsl")
    rivals = [
        ("Ed25519 verify 2 KiB: OpenSSL 3.0", ed_base, ed_base, ed_verify),
        ("Ed25519 verify 2 KiB: libsodium", items("BM_Ed25519Verify2KiB_Libsodium"), ed_base,
         ed_verify),
        ("Ed25519 verify 2 KiB: wolfSSL", items("BM_Ed25519Verify2KiB_WolfSsl"), ed_base, ed_verify),
        ("Ed25519 verify 2 KiB: lcproc PublicKey::Verify", items("BM_Ed25519Verify2KiB_Lcproc"),
         ed_base, ed_verify),
        ("P-256 verify: OpenSSL 3.0", p256_base, p256_base, ecdsa_verify),
        ("P-256 verify: wolfSSL", items("BM_P256Verify_WolfSsl"), p256_base, ecdsa_verify),
    ]
    load = (open(f"{d}/load_before.txt").read().strip(),
            open(f"{d}/load_after.txt").read().strip())
    return rows, rivals, load, sig.splitlines()[0] if sig else ""

results = [load_run(f"{tmp}/run{i}") for i in range(1, runs + 1)]
cpu = ""
try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except (OSError, StopIteration):
    pass
print(f"machine: {cpu or platform.processor()}, {platform.system()} {platform.release()}")
print(f"openssl: {results[0][3]}")
for i, (rows, rivals, load, _) in enumerate(results, 1):
    print()
    print(f"run {i}/{runs}, load average (1/5/15 min) before: {load[0]}, after: {load[1]}")
    print()
    print("| operation | lcproc | openssl speed | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for name, a, b in rows:
        print(f"| {name} | {a:,.0f} | {b:,.0f} | {a / b:.3f} |")
    print()
    print("| verifier (crypto_bench, one run) | /s | ÷ OpenSSL, same run | ÷ openssl speed |")
    print("| --- | ---: | ---: | ---: |")
    for name, a, base, speed in rivals:
        print(f"| {name} | {a:,.0f} | {a / base:.3f} | {a / speed:.3f} |")

if runs > 1:
    print()
    print(f"rival ratios over {runs} runs (min – max)")
    print()
    print("| verifier | ÷ OpenSSL, same run | ÷ openssl speed |")
    print("| --- | ---: | ---: |")
    for j, row in enumerate(results[0][1]):
        same = [r[1][j][1] / r[1][j][2] for r in results]
        speed = [r[1][j][1] / r[1][j][3] for r in results]
        print(f"| {row[0]} | {min(same):.3f} – {max(same):.3f} | "
              f"{min(speed):.3f} – {max(speed):.3f} |")
EOF
