// EngineCore: the state the engine's stages share (internal to pipeline/engine).
//
// The borrowed collaborators, the counters, and the two facts that cross stages:
// `committed_size` (entries durable in the store, written only by the commit thread)
// and `epoch` (bumped by the commit thread when a commit fails; every stage that keeps
// in-memory state derived from uncommitted batches resets when it sees a new epoch).
// Thread-safe: atomics, and a mutex for the checkpoint text.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "pipeline/clock.h"
#include "pipeline/engine/engine_stats.h"
#include "pipeline/engine/options.h"
#include "pipeline/engine/rules.h"
#include "pipeline/engine/work_item.h"
#include "pipeline/ledger/signed_note.h"
#include "pipeline/ledger_store/ledger_store.h"
#include "pipeline/mutex.h"
#include "pipeline/participants/participant_registry.h"

namespace lcproc::engine {

struct EngineCore {
  EngineCore(const EngineOptions& options, ledger_store::LedgerStore& store,
             const participants::ParticipantRegistry& registry, const Rules& rules,
             const Clock& clock, const ledger::NoteSigner& signer)
      : options(options),
        store(store),
        registry(registry),
        rules(rules),
        clock(clock),
        signer(signer) {}

  EngineOptions options;
  ledger_store::LedgerStore& store;
  const participants::ParticipantRegistry& registry;
  const Rules& rules;
  const Clock& clock;
  const ledger::NoteSigner& signer;

  StatsCounters stats;
  std::atomic<uint64_t> committed_size{0};
  std::atomic<uint64_t> epoch{0};

  std::string LatestCheckpoint() const EXCLUDES(checkpoint_mu) {
    MutexLock lock(checkpoint_mu);
    return latest_checkpoint;
  }
  void SetLatestCheckpoint(std::string note) EXCLUDES(checkpoint_mu) {
    MutexLock lock(checkpoint_mu);
    latest_checkpoint = std::move(note);
  }

  // Nanoseconds since `start_nanos` (a Clock::MonotonicNanos reading), never negative.
  uint64_t NanosSince(int64_t start_nanos) const {
    const int64_t now = clock.MonotonicNanos();
    return now > start_nanos ? static_cast<uint64_t>(now - start_nanos) : 0;
  }

  // Answers `item` with `outcome`: counts it, calls its completion (an exception from
  // the callback is swallowed: it must not cancel the pipeline) and frees its slot.
  void Complete(WorkItem& item, Outcome outcome);

  mutable Mutex checkpoint_mu;
  std::string latest_checkpoint GUARDED_BY(checkpoint_mu);
};

}  // namespace lcproc::engine
