// DuplicateFilter: a Bloom filter over the duplicate keys (replay key, idempotency key)
// of every entry in the ledger, so the serial sequence stage asks the store only when
// a submission may be a retry or a replay. A miss is proof that no entry has the key
// (a Bloom filter has no false negatives); a hit may be false and is confirmed against
// the store, exactly as before. This keeps two SQLite index lookups per document out of
// the one stage that cannot run in parallel (Tessera's antispam keeps the same kind of
// in-memory front for the same reason).
//
// Keys are the 64-bit prefixes of LedgerStore's digests (ReplayKeyPrefix,
// IdempotencyKeyPrefix); each of the k bit positions mixes all 64 bits. Fixed size, chosen at
// construction: memory stays bounded, and past its design load the filter only answers "maybe" more
// often.
//
// Not thread-safe: owned by the Sequencer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lcproc::engine {

class DuplicateFilter {
 public:
  // Sized for `expected_keys` at about 16 bits per key (~0.2% false hits at k = 4),
  // within [kMinBits, kMaxBits].
  explicit DuplicateFilter(uint64_t expected_keys = 0);

  void Add(uint64_t key);
  // False: no key equal to `key` was ever added.
  bool MayContain(uint64_t key) const;

  size_t bytes() const { return words_.size() * sizeof(uint64_t); }

  static constexpr uint64_t kMinBits = uint64_t{1} << 24;  // 2 MiB: ~1M keys
  static constexpr uint64_t kMaxBits = uint64_t{1} << 28;  // 32 MiB: ~16M keys
  static constexpr int kHashes = 4;

 private:
  std::vector<uint64_t> words_;
  uint64_t mask_;  // bit count - 1 (a power of two)
};

}  // namespace lcproc::engine
