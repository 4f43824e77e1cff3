// SystemClock: the machine's clocks, for services (pipeline/ only sees the Clock
// interface and never reads a clock itself). Header-only, one for every service.
// Stateless; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>

#include "pipeline/clock.h"

namespace lcproc {

class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  int64_t MonotonicNanos() const override {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace lcproc
