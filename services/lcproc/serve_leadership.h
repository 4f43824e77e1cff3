// ServeLeadership: `lcproc serve` as one of several instances over one PostgreSQL ledger.
//
// It keeps the instance's claim to the sequencer lease (SequencerLease, holder = the
// instance's advertised URL) and acts on every change from a thread of its own, so a
// slow engine start or drain never delays the lease's renewals:
//   leading(term)  starts an engine over the store (Engine::Start: the recovery check,
//                  then the tree, the credit states and the duplicate keys rebuilt from
//                  the store as it is now) and installs it in the EngineSlot; writes are
//                  admitted from then on. If the engine cannot start (the database went
//                  away meanwhile) it tries again while the lease lasts.
//   following      removes the engine from the slot first (new writes are answered 503
//                  `not-leader` at once), then shuts it down: submissions already inside
//                  either commit under the term that was ours — when no other instance
//                  took it yet, they are durable and acknowledged — or are refused by the
//                  store's fence and answered as failed (503, retry). Nothing is ever
//                  acknowledged that the store did not commit under this instance's term.
// While following it reads the head row every `retry` and tells the slot who leads, for
// the 503's Lcproc-Leader header and /readyz.
//
// Thread-safety: construct and destroy from one thread; the rest is internal.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "pipeline/clock.h"
#include "pipeline/engine/engine.h"
#include "pipeline/mutex.h"
#include "services/gateway/engine_slot.h"
#include "services/store/postgres/postgres_ledger_store.h"
#include "services/store/postgres/sequencer_lease.h"

namespace lcproc::cli {

class ServeLeadership {
 public:
  struct Options {
    std::string self;                       // this instance's advertised URL (the holder)
    std::chrono::milliseconds lease{3000};  // lease length
    std::chrono::milliseconds retry{500};   // a follower's attempts and leader look-ups
    engine::EngineOptions engine;
  };
  // Every borrowed object must outlive this one. Starts the threads.
  ServeLeadership(Options options, store::postgres::PostgresLedgerStore& store,
                  const participants::ParticipantRegistry& registry, const engine::Rules& rules,
                  const Clock& clock, const ledger::NoteSigner& signer, gateway::EngineSlot& slot);
  // Stops the lease (it runs out; not released), removes and drains the engine.
  ~ServeLeadership();
  ServeLeadership(const ServeLeadership&) = delete;
  ServeLeadership& operator=(const ServeLeadership&) = delete;

 private:
  void Run();
  void StepDown(const std::string& leader);

  Options options_;
  store::postgres::PostgresLedgerStore& store_;
  const participants::ParticipantRegistry& registry_;
  const engine::Rules& rules_;
  const Clock& clock_;
  const ledger::NoteSigner& signer_;
  gateway::EngineSlot& slot_;

  Mutex mu_;
  CondVar cv_;
  bool stopping_ GUARDED_BY(mu_) = false;
  bool want_leading_ GUARDED_BY(mu_) = false;  // as the lease last said
  uint64_t want_term_ GUARDED_BY(mu_) = 0;

  // The role thread's own state.
  std::unique_ptr<engine::Engine> engine_;
  uint64_t engine_term_ = 0;

  std::thread thread_;
  std::unique_ptr<store::postgres::SequencerLease> lease_;  // last: its callback uses the above
};

}  // namespace lcproc::cli
