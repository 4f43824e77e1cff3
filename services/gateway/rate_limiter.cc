#include "services/gateway/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace lcproc::gateway {

int RateLimiter::Acquire(std::string_view bank, std::chrono::steady_clock::time_point now) {
  if (rate_ <= 0) return 0;
  MutexLock lock(mu_);
  auto [it, fresh] = buckets_.try_emplace(std::string(bank));
  Bucket& b = it->second;
  if (fresh) {
    b.tokens = burst_;
  } else {
    double elapsed = std::chrono::duration<double>(now - b.updated).count();
    b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * rate_);
  }
  b.updated = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / rate_)));
}

}  // namespace lcproc::gateway
