#include "pipeline/engine/duplicate_filter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger_store/ledger_store.h"

namespace lcproc::engine {
namespace {

using ledger_store::IdempotencyKeyPrefix;
using ledger_store::ReplayKeyPrefix;

uint64_t Key(int i) { return ReplayKeyPrefix(crypto::Sha256(std::to_string(i))); }

TEST(DuplicateFilterTest, NeverMissesAKeyItHolds) {
  DuplicateFilter filter;
  for (int i = 0; i < 100000; ++i) filter.Add(Key(i));
  for (int i = 0; i < 100000; ++i) ASSERT_TRUE(filter.MayContain(Key(i))) << i;
}

TEST(DuplicateFilterTest, AnswersNoForMostKeysItDoesNotHold) {
  DuplicateFilter filter;
  for (int i = 0; i < 100000; ++i) filter.Add(Key(i));
  int false_hits = 0;
  for (int i = 100000; i < 200000; ++i) false_hits += filter.MayContain(Key(i));
  // 100k keys in 2^24 bits with 4 hashes: about 0.0006% expected; allow far more.
  EXPECT_LT(false_hits, 100);
}

TEST(DuplicateFilterTest, SizeIsBoundedWhateverTheLedger) {
  EXPECT_EQ(DuplicateFilter(0).bytes(), DuplicateFilter::kMinBits / 8);
  EXPECT_EQ(DuplicateFilter(uint64_t{1} << 40).bytes(), DuplicateFilter::kMaxBits / 8);
}

TEST(DuplicateFilterTest, KeyPrefixesAreTheDigestsFirstEightBytesBigEndian) {
  crypto::Digest d{};
  for (int i = 0; i < 32; ++i) d[i] = static_cast<uint8_t>(i + 1);
  EXPECT_EQ(ReplayKeyPrefix(d), 0x0102030405060708ull);
  const crypto::Digest idem = crypto::Sha256({"BANK", std::string_view("\0", 1), "k1"});
  EXPECT_EQ(IdempotencyKeyPrefix("BANK", "k1"), ReplayKeyPrefix(idem));
}

}  // namespace
}  // namespace lcproc::engine
