// Clock: the pipeline's only source of time. pipeline/ never reads the wall clock
// itself; services/ pass a SystemClock (services/system_clock.h), tests a ManualClock.
// Implementations must be safe to call from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace lcproc {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC: what documents and keys are judged by.
  virtual int64_t NowMillis() const = 0;
  // Nanoseconds on a clock that never goes back (an unspecified origin): what the
  // engine times its stages and batches with.
  virtual int64_t MonotonicNanos() const = 0;
};

// A clock that moves only when told to: for tests and replays.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_millis = 0) : now_(start_millis) {}
  int64_t NowMillis() const override { return now_.load(std::memory_order_relaxed); }
  // Moves with the manual time (and never back, unless told to).
  int64_t MonotonicNanos() const override { return NowMillis() * 1'000'000; }
  void Set(int64_t millis) { now_.store(millis, std::memory_order_relaxed); }
  void Advance(int64_t millis) { now_.fetch_add(millis, std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace lcproc
