#!/usr/bin/env python3
"""Splits a `perf record` of pipeline_bench into where the CPU goes, for the README's
per-document breakdown (multiply each share by the run's cpu_us_per_doc).

  rm -f /tmp/ctl && mkfifo /tmp/ctl
  LCPROC_BENCH_PERF_CTL=/tmp/ctl perf record [-g] -F 1999 -D -1 --control fifo:/tmp/ctl \\
      -o perf.data build/release/bench/pipeline_bench --benchmark_filter='^BM_Pipeline/alg:0/threads:0/durable:1/'
  bench/perf_categories.py perf.data

Only the timed part is recorded (pipeline_bench writes enable/disable to the fifo), so
signing the workload stays out. Symbols are sorted into categories by library and name;
with -g, the kernel's share is also split by what entered it (page faults, file writes
and fsync, futex and scheduling).
"""
import collections
import re
import subprocess
import sys


def report(data, *args):
    return subprocess.run(["perf", "report", "-i", data, "--stdio", "-q", *args],
                          capture_output=True, text=True, check=True).stdout


def category(dso, sym):
    if "libsodium" in dso:
        return "signature verify (libsodium)"
    if "libcrypto" in dso:
        return "OpenSSL (ES256 verify, SHA-256, checkpoint signing)"
    if "sqlite" in dso:
        return "SQLite (commit thread)"
    if "kernel" in dso:
        return "kernel"
    if "libc.so" in dso:
        if re.search(r"malloc|free|_int_|sysmalloc|unlink_chunk|tcache|consolidate|memalign", sym):
            return "malloc/free"
        if re.search(r"mem(move|cpy|set|cmp|chr)|str", sym):
            return "memcpy/memmove/strings"
        if re.search(r"nanosleep", sym):
            return "bench submitter back-off sleep"
        return "libc other (locks, yield)"
    if re.search(r"jemalloc|mimalloc|tbbmalloc", dso):
        return "malloc/free"
    if "boost_json" in dso or re.search(r"formats::|Json", sym):
        return "decode (JSON, formats)"
    if "tbb" in dso:
        return "oneTBB scheduler"
    if re.search(r"trade::", sym):
        return "trade rules (check, apply, examination)"
    if re.search(r"store::", sym):
        return "SQLite (commit thread)"
    if re.search(r"engine::|ledger", sym):
        return "engine (sequencer, batcher, leaf, Merkle)"
    return "other"


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "perf.data"
    shares = collections.Counter()
    for line in report(data, "--no-children", "--sort", "dso,sym", "-g", "none").splitlines():
        m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[.\]\s+(.*)", line)
        if m:
            shares[category(m.group(2), m.group(3))] += float(m.group(1))
    for name, share in shares.most_common():
        print(f"{share:6.2f}%  {name}")
    # With call graphs: what entered the kernel (inclusive shares; they may overlap).
    children = report(data, "--children", "--sort", "sym", "-g", "none")
    entries = {"page faults": r"\] exc_page_fault$", "write/pwrite": r"\] __x64_sys_pwrite64$",
               "fsync/fdatasync": r"\] __x64_sys_fdatasync$", "futex": r"\] __x64_sys_futex$",
               "sched_yield": r"\] __x64_sys_sched_yield$", "nanosleep": r"\] __x64_sys_clock_nanosleep$"}
    found = []
    for line in children.splitlines():
        for name, pattern in entries.items():
            if re.search(pattern, line):
                found.append(f"  {float(line.split('%')[0]):6.2f}%  kernel: {name}")
    if found:
        print("of which, entering the kernel (with -g):")
        print("\n".join(found))


if __name__ == "__main__":
    main()
