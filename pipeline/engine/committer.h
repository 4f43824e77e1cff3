// Committer: stages 6 and 7 on a thread of their own (internal). Writes each batch to
// the LedgerStore in one transaction, publishes the new committed size and checkpoint,
// then completes the batch's submissions. On a failed commit it completes the batch as
// kFailed and starts a new epoch, so the earlier stages drop their uncommitted state;
// batches already queued from the old epoch fail without touching the store.
//
// Own thread, so an fsync never holds a oneTBB worker. Enqueue blocks while
// kMaxQueuedBatches are waiting, which back-pressures the batch filter.
// Thread-safe: Enqueue from the batch filter, Stop from the engine.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "pipeline/engine/engine_core.h"
#include "pipeline/engine/work_item.h"

namespace lcproc::engine {

class Committer {
 public:
  explicit Committer(EngineCore& core);
  ~Committer();  // Stop()

  void Enqueue(std::unique_ptr<Batch> batch);
  // Commits what is queued, then ends the thread. Idempotent.
  void Stop();

  static constexpr size_t kMaxQueuedBatches = 4;

 private:
  void Run();
  void Process(Batch& batch);
  void Fail(Batch& batch, const Status& status);

  EngineCore& core_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Batch>> queue_;  // GUARDED_BY(mu_)
  bool stopping_ = false;                     // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace lcproc::engine
