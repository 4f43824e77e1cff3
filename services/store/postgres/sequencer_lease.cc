#include "services/store/postgres/sequencer_lease.h"

namespace lcproc::store::postgres {

SequencerLease::SequencerLease(PostgresLedgerStore& store, Options options, OnChange on_change)
    : store_(store), options_(std::move(options)), on_change_(std::move(on_change)) {
  thread_ = std::thread([this] { Run(); });
}

SequencerLease::~SequencerLease() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  cv_.SignalAll();
  thread_.join();
}

void SequencerLease::SetLeading(bool leading, uint64_t term) {
  term_.store(term, std::memory_order_release);
  leading_.store(leading, std::memory_order_release);
  if (on_change_) on_change_(leading, term);
}

void SequencerLease::Run() {
  using Clock = std::chrono::steady_clock;
  // Renew three times per lease; give up leading a quarter lease before it would run out
  // by our own clock (PostgreSQL's clock decides for the others, and started counting
  // no earlier than our request was sent).
  const auto renew_every = options_.duration / 3;
  const auto margin = options_.duration / 4;
  Clock::time_point renewed{};
  for (;;) {
    {
      MutexLock lock(mu_);
      if (stopping_) return;
    }
    if (!leading()) {
      auto sent = Clock::now();
      auto lease = store_.AcquireLease(options_.holder, options_.duration);
      if (lease.ok()) {
        renewed = sent;
        SetLeading(true, lease->term);
      }
    } else {
      auto sent = Clock::now();
      Status s = store_.RenewLease(options_.duration);
      if (s.ok()) {
        renewed = sent;
      } else if (s.code() == StatusCode::kFailedPrecondition ||
                 Clock::now() >= renewed + options_.duration - margin) {
        SetLeading(false, term());  // fenced, or the lease may be someone else's by now
      }
    }
    MutexLock lock(mu_);
    const auto until = Clock::now() + (leading() ? renew_every : options_.retry);
    while (!stopping_) {
      const auto now = Clock::now();
      if (now >= until) break;
      cv_.WaitFor(mu_, until - now);
    }
  }
}

}  // namespace lcproc::store::postgres
