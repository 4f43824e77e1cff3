#include "services/lcproc/serve_leadership.h"

#include <iostream>
#include <utility>

namespace lcproc::cli {

ServeLeadership::ServeLeadership(Options options, store::postgres::PostgresLedgerStore& store,
                                 const participants::ParticipantRegistry& registry,
                                 const engine::Rules& rules, const Clock& clock,
                                 const ledger::NoteSigner& signer, gateway::EngineSlot& slot)
    : options_(std::move(options)),
      store_(store),
      registry_(registry),
      rules_(rules),
      clock_(clock),
      signer_(signer),
      slot_(slot) {
  thread_ = std::thread([this] { Run(); });
  lease_ = std::make_unique<store::postgres::SequencerLease>(
      store_,
      store::postgres::SequencerLease::Options{options_.self, options_.lease, options_.retry},
      [this](bool leading, uint64_t term) {
        {
          MutexLock lock(mu_);
          want_leading_ = leading;
          want_term_ = term;
        }
        cv_.SignalAll();
      });
}

ServeLeadership::~ServeLeadership() {
  lease_.reset();  // no more callbacks
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  cv_.SignalAll();
  thread_.join();
}

void ServeLeadership::StepDown(const std::string& leader) {
  // Out of the slot first: from here on writes are answered 503 not-leader. Then the
  // drain: what is inside commits under our term or is refused by the fence.
  engine::Engine* removed = slot_.Follow(leader);
  if (removed != nullptr) {
    std::cerr << "lcproc serve: no longer the sequencer (term " << engine_term_ << "); following"
              << std::endl;
  }
  if (engine_) engine_->Shutdown();
  engine_.reset();
  engine_term_ = 0;
}

void ServeLeadership::Run() {
  for (;;) {
    bool want = false;
    uint64_t term = 0;
    {
      MutexLock lock(mu_);
      if (stopping_) break;
      want = want_leading_;
      term = want_term_;
    }
    if (want && (engine_ == nullptr || engine_term_ != term)) {
      if (engine_) StepDown("");
      // Whatever the engine does at open: the store's head checked against the signed
      // checkpoint, the tree, duplicate keys and credit states rebuilt from the store.
      auto started =
          engine::Engine::Start(options_.engine, store_, registry_, rules_, clock_, signer_);
      if (started.ok()) {
        engine_ = std::move(*started);
        engine_term_ = term;
        slot_.Lead(engine_.get(), options_.self);
        std::cerr << "lcproc serve: sequencing as the leader (term " << term << ", tree size "
                  << engine_->committed_size() << ")" << std::endl;
      } else {
        std::cerr << "lcproc serve: took the lease (term " << term
                  << ") but cannot start the engine: " << started.status().message()
                  << "; trying again" << std::endl;
      }
    } else if (!want) {
      std::string leader;
      if (auto lease = store_.ReadLease(); lease.ok() && lease->live) leader = lease->holder;
      if (engine_) {
        StepDown(leader);
      } else {
        slot_.SetLeader(leader);
      }
    }
    MutexLock lock(mu_);
    if (stopping_) break;
    if (want_leading_ == want && want_term_ == term) (void)cv_.WaitFor(mu_, options_.retry);
  }
  StepDown("");
}

}  // namespace lcproc::cli
