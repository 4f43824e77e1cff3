#include "pipeline/engine/committer.h"

namespace lcproc::engine {
Committer::Committer(EngineCore& core, std::function<void()> on_drained)
    : core_(core), on_drained_(std::move(on_drained)), thread_([this] { Run(); }) {}

Committer::~Committer() { Stop(); }

void Committer::Enqueue(std::unique_ptr<Batch> batch) {
  {
    MutexLock lock(mu_);
    while (queue_.size() >= kMaxQueuedBatches) cv_.Wait(mu_);
    queue_.push_back(std::move(batch));
    queued_.store(queue_.size(), std::memory_order_release);
  }
  cv_.SignalAll();
}

void Committer::Stop() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  cv_.SignalAll();
  if (thread_.joinable()) thread_.join();
}

void Committer::Run() {
  for (;;) {
    std::unique_ptr<Batch> batch;
    bool drained;
    {
      MutexLock lock(mu_);
      while (queue_.empty() && !stopping_) cv_.Wait(mu_);
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      queued_.store(queue_.size(), std::memory_order_release);
      drained = queue_.empty();
    }
    cv_.SignalAll();                            // room for the batch filter
    if (drained && on_drained_) on_drained_();  // the open batch may be cut by time now
    Process(*batch);
  }
}

void Committer::Fail(Batch& batch, const Status& status) {
  for (auto& item : batch.items) {
    core_.Complete(*item, Outcome::Failed(status, item->outcome.credit_number));
  }
}

void Committer::ReloadHead() {
  // A failed Commit may still have committed (the connection broke during COMMIT and the
  // store could not learn the outcome), and the store is the only one who knows: take
  // its head rather than guess, so the stages reopen the tree where it really ends.
  // When the store cannot be read either, the head stays; the next failure tries again.
  auto size = core_.store.Size();
  if (!size.ok() || *size == core_.committed_size.load(std::memory_order_acquire)) return;
  auto latest = core_.store.LatestCheckpoint();
  if (!latest.ok() || latest->size != *size) return;
  core_.SetLatestCheckpoint(std::move(latest->note));
  core_.committed_size.store(*size, std::memory_order_release);
  core_.stats.tree_size.store(*size, std::memory_order_relaxed);
}

void Committer::Process(Batch& batch) {
  if (batch.epoch != core_.epoch.load(std::memory_order_acquire)) {
    Fail(batch, Unavailable("an earlier batch failed to commit; resubmit"));
    return;
  }
  const ledger_store::CommitBatch& commit = batch.commit;
  if (!batch.error.ok() || !commit.entries.empty()) {
    const int64_t start = core_.clock.MonotonicNanos();
    Status status = batch.error.ok() ? core_.store.Commit(commit) : batch.error;
    core_.stats.RecordStage(Stage::kCommit, core_.NanosSince(start));
    if (!status.ok()) {
      core_.stats.commit_failures.fetch_add(1, std::memory_order_relaxed);
      ReloadHead();
      // Order matters: the epoch moves before anyone hears of the failure, so no
      // stage sequences more work on top of the lost batch once it is answered.
      core_.epoch.fetch_add(1, std::memory_order_acq_rel);
      Fail(batch,
           Status(status.code() == StatusCode::kFailedPrecondition ? StatusCode::kInternal
                                                                   : status.code(),
                  "the ledger could not be written; nothing was recorded: " + status.message()));
      return;
    }
    core_.SetLatestCheckpoint(commit.checkpoint);
    core_.committed_size.store(commit.new_size, std::memory_order_release);
    core_.stats.tree_size.store(commit.new_size, std::memory_order_relaxed);
    core_.stats.RecordBatch(commit.entries.size());
  }

  const int64_t start = core_.clock.MonotonicNanos();
  std::string checkpoint = core_.LatestCheckpoint();
  uint64_t size = core_.committed_size.load(std::memory_order_acquire);
  for (auto& item : batch.items) {
    Outcome out = std::move(item->outcome);
    out.checkpoint = checkpoint;
    out.tree_size = size;
    core_.Complete(*item, std::move(out));
  }
  core_.stats.RecordStage(Stage::kAcknowledge, core_.NanosSince(start), batch.items.size());
}

}  // namespace lcproc::engine
