// Committer: stages 6 and 7 on a thread of their own (internal). Writes each batch to
// the LedgerStore in one transaction, publishes the new committed size and checkpoint,
// then completes the batch's submissions. On a failed commit it completes the batch as
// kFailed, reloads the committed head from the store (a commit whose outcome was unknown
// may have landed after all) and starts a new epoch, so the earlier stages drop their
// uncommitted state and reopen at the store's head; batches already queued from the old
// epoch fail without touching the store.
//
// Own thread, so an fsync never holds a oneTBB worker. Enqueue blocks while
// kMaxQueuedBatches are waiting, which back-pressures the batch filter. The engine
// cuts a batch by time only while nothing waits here (queued() == 0): while one batch
// is being made durable the next one keeps filling, so under load the fsync is paid
// once per full batch rather than once per batch_max_millis (group commit), and at
// low load a batch still goes out batch_max_millis after its first document.
// Thread-safe: Enqueue from the batch filter, Stop from the engine.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <thread>

#include "pipeline/engine/engine_core.h"
#include "pipeline/engine/work_item.h"
#include "pipeline/mutex.h"

namespace lcproc::engine {

class Committer {
 public:
  // `on_drained` is called (from the commit thread) each time the queue becomes empty.
  Committer(EngineCore& core, std::function<void()> on_drained);
  ~Committer();  // Stop()

  void Enqueue(std::unique_ptr<Batch> batch);
  // Batches waiting behind the one being committed. Any thread.
  size_t queued() const { return queued_.load(std::memory_order_acquire); }
  // Commits what is queued, then ends the thread. Idempotent.
  void Stop();

  static constexpr size_t kMaxQueuedBatches = 4;

 private:
  void Run();
  void Process(Batch& batch);
  void Fail(Batch& batch, const Status& status);
  // After a failed commit: the committed size and checkpoint as the store has them.
  void ReloadHead();

  EngineCore& core_;
  std::function<void()> on_drained_;
  std::atomic<size_t> queued_{0};  // queue_.size(), readable without mu_
  Mutex mu_;
  CondVar cv_;  // room in the queue, a batch queued, or stopping
  std::deque<std::unique_ptr<Batch>> queue_ GUARDED_BY(mu_);
  bool stopping_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace lcproc::engine
