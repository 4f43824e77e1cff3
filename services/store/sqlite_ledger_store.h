// SqliteLedgerStore: the embedded LedgerStore, one SQLite file in WAL mode.
//
// Schema (version 1; readme-engine.md has the full layout):
//   entries(idx INTEGER PRIMARY KEY, leaf BLOB, replay INT, idem INT, credit INT)
//     leaf index = rowid; the leaf is the only copy of body and JWS. replay/idem hold
//     the first 8 bytes of the replay key / SHA-256(submitter, 0, key) as integers:
//     small indexes, whose rare false positives the engine confirms against the leaf.
//   tiles(id INTEGER PRIMARY KEY, hashes BLOB)   id = level << 56 | index
//   checkpoints(size INTEGER PRIMARY KEY, note TEXT)  one per batch
//   credits(id INTEGER PRIMARY KEY, reference TEXT UNIQUE, state TEXT), index on state
//   credit_parties(bic, credit) WITHOUT ROWID: listings by party
// A batch is one BEGIN IMMEDIATE ... COMMIT with synchronous=FULL (unless durable is
// off, for benchmarks only): durable when Commit returns.
//
// Thread-safety: two connections, each behind its own mutex. Commit uses the writer;
// every const method uses the reader, which WAL lets read the last committed state
// while a commit is in progress.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/mutex.h"
#include "services/store/database.h"

namespace lcproc::store {

struct SqliteOptions {
  bool create = true;   // create the file and schema when missing
  bool durable = true;  // synchronous=FULL; false sets synchronous=OFF (benchmarks)
};

class SqliteLedgerStore final : public ledger_store::LedgerStore {
 public:
  // Opens `path`. IoError when the file cannot be opened or created, DataLoss when it
  // is not an lcproc database of a known schema version.
  static Result<std::unique_ptr<SqliteLedgerStore>> Open(const std::string& path,
                                                         const SqliteOptions& options = {});
  ~SqliteLedgerStore() override;

  Status Commit(const ledger_store::CommitBatch& batch) override;
  Result<uint64_t> Size() const override;
  Result<ledger_store::StoredCheckpoint> LatestCheckpoint() const override;
  Result<std::string> CheckpointAt(uint64_t size) const override;
  Result<std::string> ReadLeaf(uint64_t index) const override;
  Result<std::vector<uint64_t>> FindByReplayKey(const crypto::Digest& key) const override;
  Result<std::vector<uint64_t>> FindByIdempotencyKey(std::string_view submitter,
                                                     std::string_view key) const override;
  Result<std::vector<uint64_t>> EntriesForCredit(std::string_view credit_number) const override;
  Result<ledger_store::CreditRow> ReadCredit(std::string_view reference) const override;
  Result<std::vector<ledger_store::CreditRow>> ListCredits(
      const ledger_store::CreditQuery& query) const override;
  Result<std::vector<uint64_t>> EntriesForParty(std::string_view bic, uint64_t begin,
                                                size_t limit) const override;
  Status ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const override;
  // Index-only scans of the replay and idempotency columns (no leaf is read).
  Status ScanDuplicateKeys(const DuplicateKeyVisitor& visit) const override;
  Status ScanCheckpoints(const CheckpointVisitor& visit) const override;
  Result<std::string> ReadTile(uint8_t level, uint64_t index, uint16_t min_width) const override;

  // Credit references by party and by state (the API's listings), ascending.
  Result<std::vector<std::string>> CreditsOfParty(std::string_view bic) const;
  Result<std::vector<std::string>> CreditsInState(std::string_view state) const;

  // For `lcproc migrate`: the credit reference of each entry begin..end-1 that has one,
  // as (index, reference) ascending; and every credit reference, ascending.
  Result<std::vector<std::pair<uint64_t, std::string>>> EntryCredits(uint64_t begin,
                                                                     uint64_t end) const;
  Result<std::vector<std::string>> AllCredits() const;

  struct Connection;  // a Database and its prepared statements

 private:
  SqliteLedgerStore(std::unique_ptr<Connection> writer, std::unique_ptr<Connection> reader);
  Status CommitLocked(const ledger_store::CommitBatch& batch) REQUIRES(write_mu_);
  Result<int64_t> CreditId(const std::string& reference) REQUIRES(write_mu_);
  Result<std::vector<uint64_t>> Indexes(int which, int64_t key) const;

  mutable Mutex write_mu_;
  std::unique_ptr<Connection> writer_ GUARDED_BY(write_mu_);
  std::unordered_map<std::string, int64_t> credit_ids_ GUARDED_BY(write_mu_);
  // What the committed credits and credit_parties rows hold, by credit id, as far as
  // this store wrote them (empty after open or a failed commit: then the statements
  // run again, harmlessly).
  struct CreditRowCache {
    std::string state;
    std::unordered_set<std::string> parties;
  };
  std::unordered_map<int64_t, CreditRowCache> credit_rows_ GUARDED_BY(write_mu_);
  mutable Mutex read_mu_;
  std::unique_ptr<Connection> reader_ GUARDED_BY(read_mu_);
};

}  // namespace lcproc::store
