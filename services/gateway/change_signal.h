// Wakes open event streams when there is something new to send: a commit for the inbox
// streams, a new tick for the live figures. A stream's session then reads at once instead
// of at its next polling interval (which remains the fallback, for commits made by
// another instance over the same store).
#pragma once

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
    return id;
  }

  void Unsubscribe(uint64_t id) {
    MutexLock lock(mu_);
    wakers_.erase(id);
  }

  void Notify() {
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
};

}  // namespace lcproc::gateway
