#include "pipeline/engine/duplicate_filter.h"

#include <algorithm>
#include <bit>

namespace lcproc::engine {
namespace {

// The i-th bit position of `key`: splitmix64's finalizer over key + i * golden ratio,
// so every position depends on all 64 bits of the key (the mask keeps low bits only).
uint64_t Position(uint64_t key, int i) {
  uint64_t x = key + static_cast<uint64_t>(i + 1) * 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

uint64_t BitCount(uint64_t expected_keys) {
  const uint64_t want = std::min(expected_keys, DuplicateFilter::kMaxBits) * 16;
  return std::clamp(std::bit_ceil(want), DuplicateFilter::kMinBits, DuplicateFilter::kMaxBits);
}

}  // namespace

DuplicateFilter::DuplicateFilter(uint64_t expected_keys)
    : words_(BitCount(expected_keys) / 64), mask_(BitCount(expected_keys) - 1) {}

void DuplicateFilter::Add(uint64_t key) {
  for (int i = 0; i < kHashes; ++i) {
    const uint64_t bit = Position(key, i) & mask_;
    words_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

bool DuplicateFilter::MayContain(uint64_t key) const {
  for (int i = 0; i < kHashes; ++i) {
    const uint64_t bit = Position(key, i) & mask_;
    if ((words_[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return false;
  }
  return true;
}

}  // namespace lcproc::engine
