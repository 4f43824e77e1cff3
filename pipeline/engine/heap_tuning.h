// TuneHeapForThroughput: glibc malloc settings for a process that runs the engine.
//
// The engine's threads allocate and free every document's buffers. With glibc's
// defaults an arena's free top is handed back to the kernel once it passes 128 KiB (the
// dynamic trim and mmap thresholds), and the same pages are faulted in again moments
// later. These settings keep freed memory in the process:
//   M_TRIM_THRESHOLD 256 MiB  return an arena's free top only beyond 256 MiB
//   M_TOP_PAD 16 MiB          grow the main heap in 16 MiB steps
//   M_MMAP_THRESHOLD 8 MiB    blocks below 8 MiB come from the arenas, not from mmap
// Measured on pipeline_bench (README, Performance: "The allocator"): 1–5% less CPU per
// document than glibc's defaults. lcproc links jemalloc by default, which does better
// still; this is for builds with -DLCPROC_ALLOCATOR=glibc (a no-op under jemalloc,
// whose malloc ignores glibc's mallopt).
//
// Call once at the start of main, before threads start. A no-op under AddressSanitizer
// (which replaces malloc) and with a C library other than glibc.
#pragma once

namespace lcproc::engine {

void TuneHeapForThroughput();

}  // namespace lcproc::engine
