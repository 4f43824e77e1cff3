// WorkItem and Batch: what travels between the engine's stages (internal to
// pipeline/engine; not for other folders).
//
// A WorkItem is one submission and what the stages learned about it; a "tick" (no
// submission) asks the batch stage to cut the open batch. A Batch is what the commit
// thread writes and acknowledges. Each is owned by exactly one stage at a time
// (std::unique_ptr hand-offs), so neither needs locking.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/engine/options.h"
#include "pipeline/engine/outcome.h"
#include "pipeline/engine/rules.h"
#include "pipeline/engine/submission.h"
#include "pipeline/ledger_store/ledger_entry.h"
#include "pipeline/ledger_store/ledger_store.h"

namespace lcproc::engine {

// What the sequence stage decided to do with an item.
enum class Disposition : uint8_t {
  kPending,           // not sequenced yet
  kCompleted,         // already answered (refused, or a duplicate of a committed entry)
  kEntry,             // a new ledger entry: `record` set
  kPendingDuplicate,  // same as an entry not yet committed: answer with `outcome` then
};

struct WorkItem {
  std::unique_ptr<Submission> submission;  // null for a tick
  Completion done;
  int64_t submitted_at_nanos = 0;  // Clock::MonotonicNanos at Submit

  // Stages 1-3.
  std::unique_ptr<Rules::Document> document;
  Status decode_status;
  std::optional<participants::KeyRefusal> key_refusal;
  Status check_status;
  // Computed in the parallel check filter so the serial sequence stage does not hash
  // every body twice: ReplayKey(jws, body), SHA-256(body) and the idempotency prefix.
  crypto::Digest replay_key{};
  crypto::Digest body_hash{};       // SHA-256(body), when there is an idempotency key
  uint64_t idempotency_prefix = 0;  // ledger_store::IdempotencyKeyPrefix, when there is a key

  // Stage 4.
  Disposition disposition = Disposition::kPending;
  uint64_t epoch = 0;
  Outcome outcome;  // complete but for the checkpoint
  std::optional<ledger_store::EntryRecord> record;
  // Accepted: the credit's summary row after this document (taken here, as the
  // sequencer changes the credit's state in place for the documents that follow).
  std::optional<ledger_store::CreditRow> credit_row;

  bool tick() const { return submission == nullptr; }
};

struct Batch {
  uint64_t epoch = 0;
  ledger_store::CommitBatch commit;  // empty entries: nothing to write, only answers to give
  // Set when the batch stage could not finish the batch: the commit thread treats it as
  // a failed commit (it alone may start a new epoch, being in order with the store).
  Status error;
  std::vector<std::unique_ptr<WorkItem>> items;
};

}  // namespace lcproc::engine
