// EngineSlot: the engine this instance hands writes to, when it has one.
//
// One `lcproc serve` alone over its ledger installs its engine once and leads for its
// whole life. Several instances over one PostgreSQL ledger take turns: the instance
// holding the sequencer lease installs an engine it started for its term (Lead), and
// removes it the moment the lease is lost (Follow); while following, Submit refuses
// with `not_leading` set and leader() names the instance that leads, so the Api answers
// 503 with the leader's address. Reads never go through here: the Api reads the store.
//
// stats() stays monotonic across terms: the counters of every engine this instance ran
// are summed (gauges — in flight, tree size — are the current engine's, else the last).
//
// Thread-safety: every method from any thread. Submit runs under a shared lock, Lead
// and Follow under the exclusive one, so once Follow returned no Submit is inside the
// removed engine and the caller may shut it down.
#pragma once

#include <memory>
#include <string>

#include "pipeline/engine/engine.h"
#include "pipeline/mutex.h"

namespace lcproc::gateway {

class EngineSlot {
 public:
  EngineSlot() = default;
  EngineSlot(const EngineSlot&) = delete;
  EngineSlot& operator=(const EngineSlot&) = delete;

  // This instance sequences from now on through `engine` (borrowed: it must stay alive
  // until Follow returns it); `self` is this instance's advertised URL.
  void Lead(engine::Engine* engine, std::string self);
  // Stops admitting at once; returns the engine that was leading (nullptr if none), for
  // the caller to shut down. `leader`: who leads now, "" when unknown.
  engine::Engine* Follow(std::string leader);
  // While following: the leader's URL as last read from the store ("" when unknown).
  void SetLeader(std::string leader);

  // Engine::Submit when leading. Otherwise Unavailable, the submission returned, and
  // *not_leading (when given) set to true.
  engine::Admission Submit(std::unique_ptr<engine::Submission> submission, engine::Completion done,
                           bool* not_leading = nullptr);

  bool leading() const;
  // The leading instance's URL: this one's when leading; "" when unknown.
  std::string leader() const;
  engine::EngineStats stats() const;

 private:
  mutable SharedMutex mu_;
  engine::Engine* engine_ GUARDED_BY(mu_) = nullptr;
  std::string leader_ GUARDED_BY(mu_);
  engine::EngineStats retired_ GUARDED_BY(mu_);  // the sum over engines removed
};

}  // namespace lcproc::gateway
