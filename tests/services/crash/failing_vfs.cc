#include "tests/services/crash/failing_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <mutex>

namespace lcproc::testing {
namespace {

std::atomic<DiskFault> g_fault{DiskFault::kNone};
std::atomic<long> g_refused{0};
sqlite3_vfs* g_base = nullptr;
sqlite3_vfs g_vfs;

// Our file: the io methods pointer SQLite reads first, then the platform's file.
struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
ShimFile* Shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }
const sqlite3_io_methods* Real(sqlite3_file* f) { return Shim(f)->real()->pMethods; }

int Refusal() {
  switch (g_fault.load()) {
    case DiskFault::kFull: ++g_refused; return SQLITE_FULL;
    case DiskFault::kReadOnly: ++g_refused; return SQLITE_IOERR_WRITE;
    case DiskFault::kNone: break;
  }
  return SQLITE_OK;
}

int Close(sqlite3_file* f) { return Real(f)->xClose(Shim(f)->real()); }
int Read(sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
  return Real(f)->xRead(Shim(f)->real(), p, n, o);
}
int Write(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  if (int rc = Refusal(); rc != SQLITE_OK) return rc;
  return Real(f)->xWrite(Shim(f)->real(), p, n, o);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  // Shrinking a file needs no space, so a full disk allows it; a read-only one does not.
  if (g_fault.load() == DiskFault::kReadOnly) {
    ++g_refused;
    return SQLITE_IOERR_TRUNCATE;
  }
  return Real(f)->xTruncate(Shim(f)->real(), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (g_fault.load() == DiskFault::kReadOnly) {
    ++g_refused;
    return SQLITE_IOERR_FSYNC;
  }
  return Real(f)->xSync(Shim(f)->real(), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* s) { return Real(f)->xFileSize(Shim(f)->real(), s); }
int Lock(sqlite3_file* f, int l) { return Real(f)->xLock(Shim(f)->real(), l); }
int Unlock(sqlite3_file* f, int l) { return Real(f)->xUnlock(Shim(f)->real(), l); }
int CheckReserved(sqlite3_file* f, int* r) {
  return Real(f)->xCheckReservedLock(Shim(f)->real(), r);
}
int FileControl(sqlite3_file* f, int op, void* a) {
  return Real(f)->xFileControl(Shim(f)->real(), op, a);
}
int SectorSize(sqlite3_file* f) { return Real(f)->xSectorSize(Shim(f)->real()); }
int Device(sqlite3_file* f) { return Real(f)->xDeviceCharacteristics(Shim(f)->real()); }
int ShmMap(sqlite3_file* f, int i, int s, int e, void volatile** p) {
  return Real(f)->xShmMap(Shim(f)->real(), i, s, e, p);
}
int ShmLock(sqlite3_file* f, int o, int n, int fl) {
  return Real(f)->xShmLock(Shim(f)->real(), o, n, fl);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->xShmBarrier(Shim(f)->real()); }
int ShmUnmap(sqlite3_file* f, int d) { return Real(f)->xShmUnmap(Shim(f)->real(), d); }
int Fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
  return Real(f)->xFetch(Shim(f)->real(), o, n, p);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return Real(f)->xUnfetch(Shim(f)->real(), o, p);
}

const sqlite3_io_methods kMethods = {3,           Close,      Read,   Write,  Truncate,
                                     Sync,        FileSize,   Lock,   Unlock, CheckReserved,
                                     FileControl, SectorSize, Device, ShmMap, ShmLock,
                                     ShmBarrier,  ShmUnmap,   Fetch,  Unfetch};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  ShimFile* shim = Shim(f);
  shim->base.pMethods = nullptr;
  shim->real()->pMethods = nullptr;
  int rc = g_base->xOpen(g_base, name, shim->real(), flags, out_flags);
  // SQLite calls xClose only when pMethods is set: set it only over an open real file.
  if (shim->real()->pMethods != nullptr) shim->base.pMethods = &kMethods;
  return rc;
}

}  // namespace

void FailingVfs::Install() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_base = sqlite3_vfs_find(nullptr);
    g_vfs = *g_base;
    g_vfs.iVersion = g_base->iVersion;
    g_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_base->szOsFile;
    g_vfs.zName = "lcproc-failing";
    g_vfs.pNext = nullptr;
    g_vfs.xOpen = Open;
    // The other members (delete, access, randomness, time...) are the platform's own,
    // copied above; they take the vfs pointer only to reach pAppData, which we keep.
    sqlite3_vfs_register(&g_vfs, /*makeDflt=*/1);
  });
}

void FailingVfs::Set(DiskFault fault) { g_fault.store(fault); }
long FailingVfs::refused_writes() { return g_refused.load(); }

}  // namespace lcproc::testing
