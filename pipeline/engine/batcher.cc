#include "pipeline/engine/batcher.h"

#include <algorithm>
#include <utility>

#include "pipeline/ledger/checkpoint.h"
#include "pipeline/ledger/hash.h"

namespace lcproc::engine {

Status Batcher::Open() {
  uint64_t size = core_.committed_size.load(std::memory_order_acquire);
  auto tree = ledger::MerkleTree::Open(core_.store, size);
  if (!tree.ok())
    return tree.status().WithContext("reopening the Merkle tree at " + std::to_string(size));
  tree_ = std::move(*tree);
  return Status::Ok();
}

std::unique_ptr<Batch> Batcher::Add(std::unique_ptr<WorkItem> item) {
  if (item->tick()) return Cut();
  if (item->epoch != tree_epoch_) {
    // A commit failed: the open batch was sequenced against indexes that no longer
    // exist, and the tree holds leaves that never reached the store.
    if (open_) {
      for (auto& stale : open_->items) {
        core_.Complete(*stale,
                       Outcome::Failed(Unavailable("an earlier batch failed to commit; resubmit")));
      }
      open_.reset();
      open_since_nanos.store(-1, std::memory_order_relaxed);
    }
    Status reopened = Open();
    if (!reopened.ok()) {
      core_.Complete(*item, Outcome::Failed(reopened));
      return nullptr;
    }
    tree_epoch_ = item->epoch;
  }
  if (!open_) {
    open_ = std::make_unique<Batch>();
    open_->epoch = tree_epoch_;
    open_->items.reserve(core_.options.batch_max_entries);
    open_since_nanos.store(core_.clock.MonotonicNanos(), std::memory_order_relaxed);
    if (on_open_) on_open_();
  }
  open_->items.push_back(std::move(item));
  if (open_->items.size() >= core_.options.batch_max_entries) return Cut();
  return nullptr;
}

std::unique_ptr<Batch> Batcher::Cut() {
  if (!open_) return nullptr;
  std::unique_ptr<Batch> batch = std::move(open_);
  open_since_nanos.store(-1, std::memory_order_relaxed);

  std::vector<crypto::Digest> leaf_hashes;
  leaf_hashes.reserve(batch->items.size());
  std::vector<ledger_store::CreditRow*> rows;  // every accepted entry's, in ledger order
  for (auto& item : batch->items) {
    if (!item->record) continue;
    leaf_hashes.push_back(ledger::LeafHash(item->record->leaf));
    if (item->credit_row) rows.push_back(&*item->credit_row);
  }
  if (leaf_hashes.empty()) return batch;

  ledger_store::CommitBatch& commit = batch->commit;
  commit.old_size = tree_.size();
  auto writes = tree_.Append(leaf_hashes);
  if (!writes.ok()) {
    batch->error = writes.status();
    return batch;
  }
  commit.new_size = tree_.size();
  commit.tiles = std::move(*writes);
  commit.entries.reserve(leaf_hashes.size());
  for (auto& item : batch->items) {
    if (item->record) commit.entries.push_back(std::move(*item->record));
  }
  // The last row of each credit, by reference: the stable sort keeps ledger order among
  // one credit's rows.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto* a, const auto* b) { return a->reference < b->reference; });
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i + 1 < rows.size() && rows[i + 1]->reference == rows[i]->reference) continue;
    commit.credits.push_back(std::move(*rows[i]));
  }

  ledger::Checkpoint checkpoint{core_.signer.name(), tree_.size(), tree_.Root(), {}};
  auto note = core_.signer.Sign(ledger::FormatCheckpoint(checkpoint));
  if (!note.ok()) {
    batch->error = note.status().WithContext("signing the checkpoint");
    return batch;
  }
  commit.checkpoint = std::move(*note);
  return batch;
}

}  // namespace lcproc::engine
