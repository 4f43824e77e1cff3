// Batcher: stage 5 (internal). Gathers sequenced items into batches, cut at
// batch_max_entries items or when a tick arrives (the feeder sends one once the open
// batch is batch_max_millis old, and at shutdown); at each cut it appends the batch's
// leaves to the Merkle tree and signs the checkpoint of the new tree, so the commit
// thread only writes.
//
// The tree here runs ahead of the store by the batches not yet committed. When a new
// epoch shows that a commit failed, the tree is reopened from the store.
//
// Not thread-safe: called only from the serial batch filter. The open batch's start
// time is published through `open_since_nanos` for the feeder.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "pipeline/engine/engine_core.h"
#include "pipeline/engine/work_item.h"
#include "pipeline/ledger/merkle_tree.h"

namespace lcproc::engine {

class Batcher {
 public:
  // `on_open` is called (from the batch filter) when a batch opens, to wake the feeder.
  Batcher(EngineCore& core, std::function<void()> on_open)
      : core_(core), on_open_(std::move(on_open)) {}

  // The tree as the store holds it. DataLoss/NotFound when the tiles are damaged.
  Status Open();

  // Takes a sequenced item (kEntry or kPendingDuplicate) or a tick; returns a batch
  // when one is cut, else null.
  std::unique_ptr<Batch> Add(std::unique_ptr<WorkItem> item);

  // Clock::MonotonicNanos when the open batch got its first item; -1 when none is open.
  std::atomic<int64_t> open_since_nanos{-1};

 private:
  std::unique_ptr<Batch> Cut();

  EngineCore& core_;
  std::function<void()> on_open_;
  ledger::MerkleTree tree_;
  uint64_t tree_epoch_ = 0;
  std::unique_ptr<Batch> open_;
};

}  // namespace lcproc::engine
