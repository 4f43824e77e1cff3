// RateLimiter: a token bucket per bank, refilled at `rate` requests a second up to
// `burst`. A bank past its rate is answered 429 with Retry-After; other banks are not
// slowed. Memory is bounded by the registry's banks (only authenticated BICs get a
// bucket).
//
// Thread-safe (one mutex; a lookup and a few arithmetic operations under it).
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pipeline/mutex.h"

namespace lcproc::gateway {

class RateLimiter {
 public:
  // rate <= 0: unlimited.
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst > 0 ? burst : rate) {}

  // 0 when `bank` may make one more request now (and it is counted); otherwise the
  // whole seconds to wait (>= 1), for Retry-After.
  int Acquire(std::string_view bank, std::chrono::steady_clock::time_point now);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point updated;
  };
  double rate_, burst_;
  Mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_ GUARDED_BY(mu_);
};

}  // namespace lcproc::gateway
