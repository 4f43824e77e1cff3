// MemoryLedgerStore: a LedgerStore in memory, for tests, benchmarks and tools that need
// no durability. It can be told to fail commits (as a full disk would), so the
// engine's rollback is testable without filling a disk.
//
// Thread-safe: a shared mutex guards everything (Commit exclusive, reads shared).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/ledger/tile_store.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/mutex.h"

namespace lcproc::ledger_store {

class MemoryLedgerStore final : public LedgerStore {
 public:
  Status Commit(const CommitBatch& batch) override;
  Result<uint64_t> Size() const override;
  Result<StoredCheckpoint> LatestCheckpoint() const override;
  Result<std::string> CheckpointAt(uint64_t size) const override;
  Result<std::string> ReadLeaf(uint64_t index) const override;
  Result<std::vector<uint64_t>> FindByReplayKey(const crypto::Digest& key) const override;
  Result<std::vector<uint64_t>> FindByIdempotencyKey(std::string_view submitter,
                                                     std::string_view key) const override;
  Result<std::vector<uint64_t>> EntriesForCredit(std::string_view credit_number) const override;
  Result<CreditRow> ReadCredit(std::string_view reference) const override;
  Result<std::vector<CreditRow>> ListCredits(const CreditQuery& query) const override;
  Result<std::vector<uint64_t>> EntriesForParty(std::string_view bic, uint64_t begin,
                                                size_t limit) const override;
  Status ScanLeaves(uint64_t begin, uint64_t end, const LeafVisitor& visit) const override;
  Status ScanCheckpoints(const CheckpointVisitor& visit) const override;
  Result<std::string> ReadTile(uint8_t level, uint64_t index, uint16_t min_width) const override;

  // Every Commit from now on fails with `status` (OK: commits work again).
  void FailCommits(Status status);
  // The next Commit is made durable but answered `status`: its outcome lost on the way
  // back, as when a connection breaks during COMMIT.
  void LoseNextCommitAnswer(Status status);
  // Test hooks that damage the store: overwrite a leaf or a checkpoint.
  void TamperLeaf(uint64_t index, std::string leaf);
  void TamperLatestCheckpoint(std::string note);
  uint64_t commits() const;

 private:
  mutable SharedMutex mu_;
  std::vector<std::string> leaves_ GUARDED_BY(mu_);
  // Keyed by the key prefixes (false positives allowed, as LedgerStore says).
  std::multimap<uint64_t, uint64_t> by_replay_ GUARDED_BY(mu_);
  std::multimap<uint64_t, uint64_t> by_idempotency_ GUARDED_BY(mu_);
  std::map<std::string, std::vector<uint64_t>, std::less<>> by_credit_ GUARDED_BY(mu_);
  std::map<std::string, CreditRow, std::less<>> credits_ GUARDED_BY(mu_);
  std::map<uint64_t, std::string> checkpoints_ GUARDED_BY(mu_);
  ledger::MemoryTileStore tiles_;
  Status fail_with_ GUARDED_BY(mu_);
  Status lose_answer_ GUARDED_BY(mu_);
  uint64_t commits_ GUARDED_BY(mu_) = 0;
};

}  // namespace lcproc::ledger_store
