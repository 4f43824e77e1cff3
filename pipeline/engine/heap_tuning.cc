#include "pipeline/engine/heap_tuning.h"

#include <cstdlib>  // defines __GLIBC__ when the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LCPROC_HEAP_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define LCPROC_HEAP_SANITIZED 1
#endif

namespace lcproc::engine {

void TuneHeapForThroughput() {
#if defined(__GLIBC__) && !defined(LCPROC_HEAP_SANITIZED)
  constexpr int kMiB = 1 << 20;
  ::mallopt(M_TRIM_THRESHOLD, 256 * kMiB);
  ::mallopt(M_TOP_PAD, 16 * kMiB);
  ::mallopt(M_MMAP_THRESHOLD, 8 * kMiB);
#endif
}

}  // namespace lcproc::engine
