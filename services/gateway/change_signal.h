// Wakes open event streams when there is something new to send: a commit for the inbox
// streams, a new tick for the live figures. A stream's session then reads at once instead
// of at its next polling interval (which remains the fallback, for commits made by
// another instance over the same store).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "pipeline/mutex.h"

namespace lcproc::gateway {

class ChangeSignal {
 public:
  using Waker = std::function<void()>;

  // `wake` is called from the notifying thread, outside any lock of this class; it must
  // be cheap (a session posts one wake to its own executor). Returns the id to
  // unsubscribe with.
  uint64_t Subscribe(Waker wake) {
    MutexLock lock(mu_);
    const uint64_t id = ++last_id_;
    wakers_.emplace(id, std::make_shared<Waker>(std::move(wake)));
    subscribers_.store(wakers_.size(), std::memory_order_release);
    return id;
  }

  void Unsubscribe(uint64_t id) {
    MutexLock lock(mu_);
    wakers_.erase(id);
    subscribers_.store(wakers_.size(), std::memory_order_release);
  }

  // Called for every committed document: with no stream open it takes no lock.
  void Notify() {
    if (subscribers_.load(std::memory_order_acquire) == 0) return;
    std::vector<std::shared_ptr<Waker>> wakers;
    {
      MutexLock lock(mu_);
      if (wakers_.empty()) return;
      wakers.reserve(wakers_.size());
      for (const auto& [id, wake] : wakers_) wakers.push_back(wake);
    }
    for (const auto& wake : wakers) (*wake)();
  }

 private:
  Mutex mu_;
  uint64_t last_id_ GUARDED_BY(mu_) = 0;
  std::map<uint64_t, std::shared_ptr<Waker>> wakers_ GUARDED_BY(mu_);
  std::atomic<size_t> subscribers_{0};  // wakers_.size(), readable without the lock
};

}  // namespace lcproc::gateway
