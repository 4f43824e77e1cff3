/* jemalloc's built-in options for lcproc and the benchmarks (compiled into each program
 * that links lcproc_allocator, only when jemalloc is the allocator). jemalloc reads this
 * symbol at start-up; the MALLOC_CONF environment variable still overrides it.
 *
 * percpu_arena:percpu  one arena per CPU, chosen by the CPU a thread runs on, instead of
 *                      four per CPU assigned to threads round-robin. The engine's
 *                      threads hand every document from one to the next (decode and
 *                      verify on a worker, sequence and batch on another, commit on a
 *                      third), so fewer arenas means freed blocks are reused sooner:
 *                      4-7% less CPU per document and 22 MiB less peak memory on
 *                      pipeline_bench.
 * thp:always,          transparent huge pages for jemalloc's heap and its metadata
 * metadata_thp:always  (madvise, so it works with the kernel's default "madvise" mode):
 *                      memory the engine touches first (credits' states, batches) is
 *                      faulted in 2 MiB at a time. pipeline_bench: 31,500 -> 3,900 page
 *                      faults per run, 5% less CPU per document in 7 of 8 interleaved
 *                      pairs, 15 MiB more peak memory.
 * (README, Performance: "The allocator".) */
const char* malloc_conf = "percpu_arena:percpu,thp:always,metadata_thp:always";
