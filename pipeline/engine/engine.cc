#include "pipeline/engine/engine.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <exception>
#include <thread>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include "pipeline/crypto/jws.h"
#include "pipeline/engine/batcher.h"
#include "pipeline/engine/committer.h"
#include "pipeline/engine/engine_core.h"
#include "pipeline/engine/sequencer.h"
#include "pipeline/ledger_store/store_head.h"
#include "pipeline/mutex.h"

namespace lcproc::engine {
namespace {

using Item = std::unique_ptr<WorkItem>;

constexpr int64_t kMaxTickWaitMillis = 20;

// Runs one stage's work on a live item and times it. Errors are values, but a
// std::bad_alloc (or a bug in a collaborator) must not escape a filter: it would cancel
// the whole parallel_pipeline and every document in flight (oneTBB cancellation
// semantics), so it fails only this item.
template <typename Fn>
void RunStage(EngineCore& core, Stage stage, WorkItem& item, Fn&& fn) {
  const int64_t start = core.clock.MonotonicNanos();
  try {
    fn();
  } catch (const std::exception& e) {
    if (item.disposition != Disposition::kCompleted) {
      item.disposition = Disposition::kCompleted;
      core.Complete(
          item, Outcome::Failed(Internal(std::string(StageName(stage)) + " stage: " + e.what())));
    }
  }
  core.stats.RecordStage(stage, core.NanosSince(start));
}

bool Live(const Item& item) {
  return item && !item->tick() && item->disposition != Disposition::kCompleted;
}

}  // namespace

class Engine::Impl {
 public:
  Impl(const EngineOptions& options, ledger_store::LedgerStore& store,
       const participants::ParticipantRegistry& registry, const Rules& rules, const Clock& clock,
       const ledger::NoteSigner& signer)
      : core_{options, store, registry, rules, clock, signer},
        sequencer_(core_),
        batcher_(core_, [this] { WakeFeeder(); }) {
    if (core_.options.threads <= 0) core_.options.threads = tbb::this_task_arena::max_concurrency();
    if (core_.options.tokens == 0)
      core_.options.tokens = 16 * static_cast<size_t>(core_.options.threads);
    if (core_.options.batch_max_entries == 0) core_.options.batch_max_entries = 1;
  }

  Status Open() {
    LCPROC_ASSIGN_OR_RETURN(uint64_t size, core_.store.Size());
    core_.committed_size.store(size);
    core_.stats.tree_size.store(size);
    if (size > 0) {
      LCPROC_ASSIGN_OR_RETURN(ledger_store::StoredCheckpoint latest,
                              core_.store.LatestCheckpoint());
      core_.SetLatestCheckpoint(std::move(latest.note));
    }
    LCPROC_RETURN_IF_ERROR(batcher_.Open());
    LCPROC_RETURN_IF_ERROR(sequencer_.Open());
    committer_ = std::make_unique<Committer>(core_, [this] { WakeForTick(); });
    feeder_ = std::thread([this] { RunPipeline(); });
    return Status::Ok();
  }

  Admission Submit(std::unique_ptr<Submission> submission, Completion done) {
    auto& stats = core_.stats;
    if (stats.in_flight.fetch_add(1, std::memory_order_relaxed) >= core_.options.max_in_flight) {
      stats.in_flight.fetch_sub(1, std::memory_order_relaxed);
      stats.overloaded.fetch_add(1, std::memory_order_relaxed);
      return {ResourceExhausted("the engine is at its in-flight limit; retry shortly"),
              std::move(submission)};
    }
    if (submission->received_millis <= 0) submission->received_millis = core_.clock.NowMillis();
    auto item = std::make_unique<WorkItem>();
    item->submission = std::move(submission);
    item->done = std::move(done);
    item->submitted_at_nanos = core_.clock.MonotonicNanos();
    bool wake;
    {
      MutexLock lock(mu_);
      if (stopping_) {
        stats.in_flight.fetch_sub(1, std::memory_order_relaxed);
        return {Unavailable("the engine is shutting down"), std::move(item->submission)};
      }
      queue_.push_back(std::move(item));
      wake = waiting_;
    }
    stats.submitted.fetch_add(1, std::memory_order_relaxed);
    if (wake) cv_.Signal();
    return {};
  }

  void Shutdown() {
    MutexLock shutdown_lock(shutdown_mu_);
    {
      MutexLock lock(mu_);
      stopping_ = true;
    }
    cv_.SignalAll();
    if (feeder_.joinable()) feeder_.join();
    if (committer_) committer_->Stop();
    // Let oneTBB's workers exit now, while the process is whole, if no one else uses
    // them: their thread-exit handlers free OpenSSL's per-thread state, which a worker
    // still alive at exit would leak (LeakSanitizer says so). A no-op otherwise.
    if (scheduler_) (void)tbb::finalize(scheduler_, std::nothrow);
  }

  EngineCore& core() { return core_; }

 private:
  void WakeFeeder() {
    MutexLock lock(mu_);
    opened_batches_++;
    if (waiting_) cv_.Signal();
  }

  void WakeForTick() {
    MutexLock lock(mu_);
    if (waiting_) cv_.Signal();
  }

  // The input filter: the next submission, a tick when the open batch is due (and the
  // committer has no batch waiting: group commit, committer.h), or the end of the
  // stream after a final tick once Shutdown asked for it. Sleeps while idle.
  Item NextItem(tbb::flow_control& fc) {
    MutexLock lock(mu_);
    for (;;) {
      int64_t open = batcher_.open_since_nanos.load(std::memory_order_relaxed);
      bool due_tick = open >= 0 && ticked_batch_ != opened_batches_;
      int64_t wait_ms = 0;
      if (due_tick) {
        // Rounded up: a batch is never cut before batch_max_millis.
        const int64_t due = open + core_.options.batch_max_millis * 1'000'000;
        wait_ms = (due - core_.clock.MonotonicNanos() + 999'999) / 1'000'000;
        if (wait_ms <= 0 && committer_->queued() > 0 && !stopping_) {
          // Due, but a batch already waits for the commit thread: keep filling this one
          // until the queue drains (on_drained wakes us) or it is full.
          wait_ms = kMaxTickWaitMillis;
        } else if (wait_ms <= 0) {
          ticked_batch_ = opened_batches_;
          return std::make_unique<WorkItem>();
        }
      }
      if (!queue_.empty()) {
        Item item = std::move(queue_.front());
        queue_.pop_front();
        return item;
      }
      if (stopping_) {
        if (!final_tick_sent_) {
          final_tick_sent_ = true;
          return std::make_unique<WorkItem>();
        }
        fc.stop();
        return nullptr;
      }
      waiting_ = true;
      if (due_tick) {
        // Capped, so a Clock that jumps (a ManualClock in tests, an NTP step) is noticed.
        cv_.WaitFor(mu_, std::chrono::milliseconds(std::min<int64_t>(wait_ms, kMaxTickWaitMillis)));
      } else {
        cv_.Wait(mu_);
      }
      waiting_ = false;
    }
  }

  Item Decode(Item item) {
    if (!Live(item)) return item;
    RunStage(core_, Stage::kDecode, *item, [&] {
      auto doc = core_.rules.Decode(item->submission->content_type, item->submission->body);
      if (doc.ok()) {
        item->document = std::move(*doc);
      } else {
        item->decode_status = doc.status();
      }
    });
    return item;
  }

  Item Authenticate(Item item) {
    if (!Live(item)) return item;
    RunStage(core_, Stage::kAuthenticate, *item, [&] {
      const Submission& s = *item->submission;
      Status status;
      // Parsed once: the kid finds the key, and the same parts are verified.
      auto jws = crypto::ParseDetached(s.jws);
      if (!jws.ok()) {
        status = Unauthenticated("JWS: " + jws.status().message());
      } else {
        participants::KeyRefusal refusal{};
        // Key validity is judged at the time the edge received the document.
        auto key =
            core_.registry.Authorize(s.submitter, jws->header.kid, s.received_millis, &refusal);
        if (!key.ok()) {
          item->key_refusal = refusal;
          status = key.status();
        } else {
          status = crypto::VerifyDetached(*jws, s.body, (*key)->key);
        }
      }
      if (!status.ok()) {
        // Unauthenticated: never reaches the ledger.
        core_.Complete(*item, Outcome::Refused(std::move(status),
                                               item->document ? item->document->credit_number()
                                                              : std::string()));
      }
    });
    return item;
  }

  Item Check(Item item) {
    if (!Live(item)) return item;
    RunStage(core_, Stage::kCheck, *item, [&] {
      const Submission& s = *item->submission;
      item->replay_key = ledger_store::ReplayKey(s.jws, s.body);
      if (!s.idempotency_key.empty()) {
        // Only an idempotency key's retry compares bodies (sequencer.cc).
        item->body_hash = crypto::Sha256(s.body);
        item->idempotency_prefix =
            ledger_store::IdempotencyKeyPrefix(s.submitter, s.idempotency_key);
      }
      if (item->document) item->check_status = core_.rules.Check(*item->document);
    });
    return item;
  }

  Item Sequence(Item item) {
    if (!item) return item;
    if (item->tick()) return item;
    if (item->disposition == Disposition::kCompleted) return nullptr;  // answered already
    RunStage(core_, Stage::kSequence, *item, [&] { sequencer_.Process(*item); });
    if (item->disposition == Disposition::kCompleted) return nullptr;
    return item;
  }

  void BatchAndHandOff(Item item) {
    if (!item) return;
    const int64_t start = core_.clock.MonotonicNanos();
    std::unique_ptr<Batch> batch;
    try {
      batch = batcher_.Add(std::move(item));
    } catch (const std::exception&) {
      // Only allocation can throw here. Letting it escape would cancel the pipeline
      // and every document in flight; the items Add held are lost with their callbacks
      // (their senders time out), which is the lesser harm.
      return;
    }
    core_.stats.RecordStage(Stage::kBatch, core_.NanosSince(start));
    if (batch) committer_->Enqueue(std::move(batch));
  }

  void RunPipeline() {
    tbb::task_arena arena(core_.options.threads);
    arena.execute([&] {
      using tbb::filter_mode;
      tbb::parallel_pipeline(
          core_.options.tokens,
          tbb::make_filter<void, Item>(filter_mode::serial_in_order, [&](tbb::flow_control& fc) {
            return NextItem(fc);
          }) & tbb::make_filter<Item, Item>(filter_mode::parallel, [&](Item i) {
            return Decode(std::move(i));
          }) & tbb::make_filter<Item, Item>(filter_mode::parallel, [&](Item i) {
            return Authenticate(std::move(i));
          }) & tbb::make_filter<Item, Item>(filter_mode::parallel, [&](Item i) {
            return Check(std::move(i));
          }) & tbb::make_filter<Item, Item>(filter_mode::serial_in_order, [&](Item i) {
            return Sequence(std::move(i));
          }) & tbb::make_filter<Item, void>(filter_mode::serial_in_order, [&](Item i) {
            BatchAndHandOff(std::move(i));
          }));
    });
  }

  tbb::task_scheduler_handle scheduler_{tbb::attach{}};
  EngineCore core_;
  Sequencer sequencer_;
  Batcher batcher_;
  std::unique_ptr<Committer> committer_;
  std::thread feeder_;

  Mutex shutdown_mu_;  // serialises Shutdown
  Mutex mu_;
  CondVar cv_;  // the feeder sleeps on it
  std::deque<Item> queue_ GUARDED_BY(mu_);
  bool waiting_ GUARDED_BY(mu_) = false;  // the feeder sleeps on cv_
  bool stopping_ GUARDED_BY(mu_) = false;
  bool final_tick_sent_ GUARDED_BY(mu_) = false;
  uint64_t opened_batches_ GUARDED_BY(mu_) = 0;
  uint64_t ticked_batch_ GUARDED_BY(mu_) = 0;  // opened_batches_ at the last tick
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Engine::~Engine() { Shutdown(); }

Result<std::unique_ptr<Engine>> Engine::Start(const EngineOptions& options,
                                              ledger_store::LedgerStore& store,
                                              const participants::ParticipantRegistry& registry,
                                              const Rules& rules, const Clock& clock,
                                              const ledger::NoteSigner& signer) {
  auto verifier = ledger::NoteVerifier::FromVerifierKey(signer.VerifierKey());
  if (!verifier.ok()) return verifier.status();
  LCPROC_RETURN_IF_ERROR(ledger_store::VerifyStoreHead(store, *verifier));
  auto impl = std::make_unique<Impl>(options, store, registry, rules, clock, signer);
  LCPROC_RETURN_IF_ERROR(impl->Open());
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

Admission Engine::Submit(std::unique_ptr<Submission> submission, Completion done) {
  return impl_->Submit(std::move(submission), std::move(done));
}

std::future<Outcome> Engine::Submit(std::unique_ptr<Submission> submission) {
  auto promise = std::make_shared<std::promise<Outcome>>();
  std::future<Outcome> future = promise->get_future();
  Admission admission = impl_->Submit(
      std::move(submission), [promise](Outcome out) { promise->set_value(std::move(out)); });
  if (!admission.ok()) promise->set_value(Outcome::Failed(std::move(admission.status)));
  return future;
}

void Engine::Shutdown() { impl_->Shutdown(); }

EngineStats Engine::stats() const { return impl_->core().stats.Snapshot(); }

std::string Engine::LatestCheckpoint() const { return impl_->core().LatestCheckpoint(); }

uint64_t Engine::committed_size() const {
  return impl_->core().committed_size.load(std::memory_order_acquire);
}

}  // namespace lcproc::engine
