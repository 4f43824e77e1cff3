// An LD_PRELOAD shim that counts heap allocations (malloc, calloc, realloc and the
// aligned variants; C++ operator new lands in malloc) on top of glibc's own allocator,
// for pipeline_bench's allocs_per_doc counter:
//
//   LD_PRELOAD=build/release/bench/liblcproc_malloc_count.so build/release/bench/pipeline_bench ...
//
// pipeline_bench finds lcproc_malloc_count with dlsym and reports nothing without it.
// Only for glibc builds (configure with -DLCPROC_ALLOCATOR=glibc; the default links
// jemalloc, whose free cannot take glibc's blocks): the sanitizers and other allocators
// replace malloc themselves.
#include <stdatomic.h>
#include <stddef.h>

extern void* __libc_malloc(size_t size);
extern void* __libc_calloc(size_t count, size_t size);
extern void* __libc_realloc(void* ptr, size_t size);
extern void* __libc_memalign(size_t alignment, size_t size);

static atomic_ulong allocations;

static void Count(void) { atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed); }

unsigned long lcproc_malloc_count(void) {
  return atomic_load_explicit(&allocations, memory_order_relaxed);
}

void* malloc(size_t size) {
  Count();
  return __libc_malloc(size);
}

void* calloc(size_t count, size_t size) {
  Count();
  return __libc_calloc(count, size);
}

void* realloc(void* ptr, size_t size) {
  Count();
  return __libc_realloc(ptr, size);
}

void* memalign(size_t alignment, size_t size) {
  Count();
  return __libc_memalign(alignment, size);
}

void* aligned_alloc(size_t alignment, size_t size) {
  Count();
  return __libc_memalign(alignment, size);
}

int posix_memalign(void** out, size_t alignment, size_t size) {
  Count();
  void* p = __libc_memalign(alignment, size);
  if (p == NULL && size != 0) return 12;  // ENOMEM
  *out = p;
  return 0;
}
