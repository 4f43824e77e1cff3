// Sequencer: stage 4, the engine's only serial decision point (internal).
//
// For each authenticated item, in arrival order: answers a retry (same submitter and
// idempotency key) or a replay (same signed document) with the first entry's outcome,
// refuses an idempotency key reused for other bytes (Conflict), otherwise applies the
// document to its credit's state through Rules::Apply and gives it the next leaf index.
//
// Credit states are loaded lazily: on first sight of a credit the sequencer replays the
// credit's accepted entries from the store through Rules::Apply (the ledger is the only
// truth; the trade domain's CreditState needs no second, on-disk format to keep in
// step with the rules). States of credits with nothing uncommitted may be evicted.
// Apply changes a state in place (no copy per document); after a failed commit every
// cached state is dropped (Reset) and rebuilt from the store, which is the rollback.
// Entries not yet committed are remembered in memory so duplicates inside the pipeline
// are caught too. A DuplicateFilter over every entry's keys answers most "is this new?"
// questions without asking the store: this stage bounds the engine's throughput.
//
// Not thread-safe: called only from the serial sequence filter.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>

#include "pipeline/engine/duplicate_filter.h"
#include "pipeline/engine/engine_core.h"
#include "pipeline/engine/work_item.h"

namespace lcproc::engine {

class Sequencer {
 public:
  explicit Sequencer(EngineCore& core) : core_(core) {}

  // Fills the duplicate filter from the store's entries and resets. Call once, before
  // the first Process.
  Status Open();

  // Sequences `item` (REQUIRES: not a tick; item.replay_key set, and body_hash and
  // idempotency_prefix when it has an idempotency key). Refused items and duplicates of
  // committed entries are completed here; the rest leave as kEntry or kPendingDuplicate.
  void Process(WorkItem& item);

  // Forgets everything derived from uncommitted batches (after a failed commit).
  void Reset();

 private:
  struct Pending {
    uint64_t index;
    crypto::Digest body_hash;  // compared only for idempotency-key retries
    std::shared_ptr<const Outcome> outcome;
  };
  struct CachedCredit {
    std::unique_ptr<Rules::CreditState> state;  // null: no accepted document yet
    uint64_t last_index = 0;                    // last entry sequenced for it
  };

  void SyncWithCommits();
  // A duplicate's answer, or nullopt when the item is new. May complete the item.
  bool AnswerDuplicate(WorkItem& item);
  Result<std::optional<Outcome>> FindCommitted(const WorkItem& item, bool& conflict);
  Result<CachedCredit*> LoadCredit(const std::string& credit);
  void EvictCredits();
  void Refuse(WorkItem& item, Status status);
  void Release(WorkItem& item);

  EngineCore& core_;
  uint64_t epoch_ = 0;
  uint64_t next_index_ = 0;
  // Keys of every entry committed or sequenced (also of batches that later failed:
  // those only cost a needless store lookup).
  DuplicateFilter filter_;
  std::unordered_map<std::string, CachedCredit> credits_;
  // Uncommitted entries by idempotency key ("submitter\0key") and replay key.
  // Replay keys are SHA-256 digests: their first 8 bytes are already a good hash.
  struct DigestHash {
    size_t operator()(const crypto::Digest& d) const { return ledger_store::ReplayKeyPrefix(d); }
  };
  std::unordered_map<std::string, Pending> pending_by_idempotency_;
  std::unordered_map<crypto::Digest, Pending, DigestHash> pending_by_replay_;
  struct PendingKeys {
    uint64_t index;
    std::string idempotency;  // empty: none
    crypto::Digest replay;
  };
  std::deque<PendingKeys> pending_order_;
};

// An Outcome rebuilt from a committed leaf.
Outcome OutcomeFromEntry(const ledger_store::LedgerEntry& entry, uint64_t index);

}  // namespace lcproc::engine
