// SequencerLease: keeps one lcproc instance's claim to be the sequencer of a ledger in
// PostgreSQL, for `lcproc serve` with several instances over one database.
//
// A thread tries PostgresLedgerStore::AcquireLease every `retry` while following, and
// renews every duration / 3 while leading. It reports each change through `on_change`
// (from its own thread): leading(term) — start an engine over the store now (it rebuilds
// the tree and credit states from the store, and commits under `term`); following —
// stop it. It steps down when a renewal is refused (another instance took a newer term)
// and also when it could not renew for `duration` minus a margin (the database
// unreachable: another instance may take over as soon as the lease runs out). Stepping
// down late is harmless for the ledger: the store refuses every commit under a stale
// term, so an old leader never writes a second branch of the tree.
//
// Thread-safe: leading() and term() from any thread. The destructor stops the thread
// without releasing the lease (it runs out; a restart under the same holder name takes it
// back at once with a new term).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "pipeline/mutex.h"
#include "services/store/postgres/postgres_ledger_store.h"

namespace lcproc::store::postgres {

class SequencerLease {
 public:
  struct Options {
    std::string holder;                        // this instance's name, e.g. host:port
    std::chrono::milliseconds duration{3000};  // lease length
    std::chrono::milliseconds retry{500};      // how often a follower tries to take it
  };
  using OnChange = std::function<void(bool leading, uint64_t term)>;

  // Starts the thread. `store` must outlive this object.
  SequencerLease(PostgresLedgerStore& store, Options options, OnChange on_change);
  ~SequencerLease();
  SequencerLease(const SequencerLease&) = delete;
  SequencerLease& operator=(const SequencerLease&) = delete;

  bool leading() const { return leading_.load(std::memory_order_acquire); }
  uint64_t term() const { return term_.load(std::memory_order_acquire); }

 private:
  void Run();
  void SetLeading(bool leading, uint64_t term);

  PostgresLedgerStore& store_;
  Options options_;
  OnChange on_change_;
  std::atomic<bool> leading_{false};
  std::atomic<uint64_t> term_{0};
  Mutex mu_;
  CondVar cv_;  // stopping
  bool stopping_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace lcproc::store::postgres
