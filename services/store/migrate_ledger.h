// MigrateLedger: copies a SQLite ledger into another store (PostgreSQL), batch for
// batch, for `lcproc migrate`.
//
// Every source checkpoint becomes one Commit of the entries since the previous one,
// with the tiles recomputed from the leaves and the very same signed note, so the copy
// holds the same tree, the same checkpoints at the same sizes, and the same indexes.
// The credit summary rows travel with the last batch. The caller audits the copy.
// Single-threaded; the source may not be written to meanwhile.
#pragma once

#include <cstdint>
#include <functional>

#include "pipeline/ledger_store/ledger_store.h"
#include "services/store/sqlite_ledger_store.h"

namespace lcproc::store {

struct MigrationReport {
  uint64_t entries = 0;
  uint64_t checkpoints = 0;
  uint64_t credits = 0;
};

// REQUIRES: nothing else writes `from` or `to`. FailedPrecondition when `to` is not
// empty; DataLoss when `from` has entries past its last checkpoint; the first failing
// Commit's status otherwise (the batches before it stay copied: migrate again into an
// empty database).
Result<MigrationReport> MigrateLedger(
    const SqliteLedgerStore& from, ledger_store::LedgerStore& to,
    const std::function<void(uint64_t done, uint64_t total)>& progress = nullptr);

}  // namespace lcproc::store
