// FailingVfs: a SQLite VFS shim for storage-failure tests. Installed as the default
// VFS, it forwards every call to the platform's VFS, except that while armed, writes
// and syncs of database and WAL files fail the way the platform VFS reports a full
// disk (SQLITE_FULL) or a file system remounted read-only (EROFS: SQLITE_IOERR_WRITE).
// Lets the tests drive SQLite's real error paths without privileges (no tmpfs mount,
// and root ignores file modes).
//
// Thread-safe: the mode is an atomic; SQLite serialises each connection itself.
#pragma once

namespace lcproc::testing {

enum class DiskFault { kNone, kFull, kReadOnly };

class FailingVfs {
 public:
  // Registers the shim as SQLite's default VFS (once per process). Connections opened
  // afterwards go through it.
  static void Install();
  static void Set(DiskFault fault);
  // Writes refused since Install.
  static long refused_writes();
};

}  // namespace lcproc::testing
