// `lcproc backup`: a consistent copy of a data directory, taken while `lcproc serve` (or
// `lcproc demo`) keeps writing to it. The ledger is copied with SQLite's online backup
// API (https://www.sqlite.org/backup.html) inside one read transaction, so the copy is
// the ledger as of one commit, never half of a batch; the small files beside it
// (registry, checkpoint keys, token hashes) are copied as they are.
//
// The copy is itself a data directory: `lcproc audit --data-dir OUT` checks it and
// `lcproc serve --data-dir OUT` continues it. It holds the checkpoint's private key:
// keep it where the live key is kept.
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "services/lcproc/cli_kit.h"
#include "services/lcproc/command.h"
#include "services/lcproc/flags.h"
#include "services/store/data_dir.h"

namespace lcproc::cli {
namespace {

constexpr char kName[] = "backup";

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

// Opens `path` with `flags`; on failure complains and returns null.
Db OpenDb(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    Complain(kExitUsage, kName, path, ": ", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    return nullptr;
  }
  sqlite3_busy_timeout(db.get(), 10'000);
  return db;
}

int Run(const std::vector<std::string>& args) {
  Flags flags(
      kName,
      "Copies the data directory DIR into a new directory OUT while a server may be writing\n"
      "to it: the ledger with SQLite's online backup API (one consistent commit), then the\n"
      "registry, the checkpoint keys and the token hashes. OUT is a data directory: audit it\n"
      "with `lcproc audit --data-dir OUT`, serve it with `lcproc serve --data-dir OUT`.");
  flags.Option("data-dir", "DIR", "the data directory to back up", false, "./var/lcproc");
  flags.Option("out", "OUT", "the new directory to write (must not exist)", /*required=*/true);
  if (auto exit = flags.Parse(args)) return *exit;
  namespace fs = std::filesystem;
  const fs::path dir = flags.Get("data-dir");
  const fs::path out = flags.Get("out");
  std::error_code ec;
  if (!fs::exists(dir / store::kDatabaseFile, ec)) {
    return Complain(kExitUsage, kName, dir.string(), " holds no ledger (", store::kDatabaseFile,
                    "); is it a data directory? (lcproc init)");
  }
  if (fs::exists(out, ec)) {
    return Complain(kExitUsage, kName, out.string(),
                    " already exists; back up into a new directory");
  }
  if (!fs::create_directories(out, ec) || ec) {
    return Complain(kExitUsage, kName, "cannot create ", out.string(), ": ", ec.message());
  }
  ::chmod(out.c_str(), 0700);

  Db source = OpenDb((dir / store::kDatabaseFile).string(), SQLITE_OPEN_READONLY);
  if (!source) return kExitUsage;
  Db target =
      OpenDb((out / store::kDatabaseFile).string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!target) return kExitUsage;
  sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
  if (!backup)
    return Complain(kExitNegative, kName,
                    "cannot start the backup: ", sqlite3_errmsg(target.get()));
  // All pages in one step: one read transaction, so one consistent commit (in WAL mode
  // the server's writers are not blocked meanwhile).
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  const int pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Complain(kExitNegative, kName, "backup of the ledger failed: ", sqlite3_errstr(rc));
  }
  target.reset();
  source.reset();

  for (const char* file :
       {store::kRegistryFile, store::kSignerKeyFile, store::kVerifierKeyFile, "tokens"}) {
    if (!fs::exists(dir / file, ec)) continue;
    fs::copy_file(dir / file, out / file, ec);
    if (ec)
      return Complain(kExitNegative, kName, "cannot copy ", (dir / file).string(), ": ",
                      ec.message());
    if (std::string(file) != store::kVerifierKeyFile && std::string(file) != store::kRegistryFile) {
      ::chmod((out / file).c_str(), 0600);
    }
  }
  // The copy must open as a data directory, its store's head verified.
  auto opened = store::DataDir::Open(out.string());
  if (!opened.ok())
    return Complain(kExitNegative, kName, out.string(), ": ", opened.status().ToString());
  std::cout << "backed up " << dir.string() << " to " << out.string() << " (" << pages
            << " pages); check it with: lcproc audit --data-dir " << out.string() << "\n";
  return kExitOk;
}

CommandRegistration kReg(
    {kName, "copy a data directory consistently while it is served (SQLite online backup)", &Run});

}  // namespace
}  // namespace lcproc::cli
