// Clock: the pipeline's only source of time. pipeline/ never reads the wall clock
// itself; services/ pass a SystemClock, tests a ManualClock. Implementations must be
// safe to call from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace lcproc {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC.
  virtual int64_t NowMillis() const = 0;
};

// A clock that moves only when told to: for tests and replays.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_millis = 0) : now_(start_millis) {}
  int64_t NowMillis() const override { return now_.load(std::memory_order_relaxed); }
  void Set(int64_t millis) { now_.store(millis, std::memory_order_relaxed); }
  void Advance(int64_t millis) { now_.fetch_add(millis, std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace lcproc
