// Clang's thread-safety annotations (-Wthread-safety), as leveldb's
// port/thread_annotations.h and Abseil's base/thread_annotations.h spell them: a member
// says which mutex guards it, a function which mutex it needs held, and clang refuses a
// build that breaks either. Other compilers see nothing. Use them with the annotated
// lcproc::Mutex and MutexLock (pipeline/mutex.h): libstdc++'s std::mutex is not
// annotated, so clang cannot follow it.
#pragma once

#if defined(__clang__)
#define LCPROC_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define LCPROC_THREAD_ANNOTATION(x)
#endif

#define CAPABILITY(x) LCPROC_THREAD_ANNOTATION(capability(x))
#define SCOPED_CAPABILITY LCPROC_THREAD_ANNOTATION(scoped_lockable)
#define GUARDED_BY(x) LCPROC_THREAD_ANNOTATION(guarded_by(x))
#define PT_GUARDED_BY(x) LCPROC_THREAD_ANNOTATION(pt_guarded_by(x))
#define ACQUIRED_BEFORE(...) LCPROC_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) LCPROC_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))
#define REQUIRES(...) LCPROC_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define REQUIRES_SHARED(...) LCPROC_THREAD_ANNOTATION(requires_shared_capability(__VA_ARGS__))
#define ACQUIRE(...) LCPROC_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define ACQUIRE_SHARED(...) LCPROC_THREAD_ANNOTATION(acquire_shared_capability(__VA_ARGS__))
#define RELEASE(...) LCPROC_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define RELEASE_SHARED(...) LCPROC_THREAD_ANNOTATION(release_shared_capability(__VA_ARGS__))
#define RELEASE_GENERIC(...) LCPROC_THREAD_ANNOTATION(release_generic_capability(__VA_ARGS__))
#define EXCLUDES(...) LCPROC_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define RETURN_CAPABILITY(x) LCPROC_THREAD_ANNOTATION(lock_returned(x))
#define NO_THREAD_SAFETY_ANALYSIS LCPROC_THREAD_ANNOTATION(no_thread_safety_analysis)
