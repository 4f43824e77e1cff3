#include "pipeline/crypto/context_cache.h"

#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/crypto/private_key.h"

namespace lcproc::crypto {
namespace {

TEST(ContextCacheTest, SerialsAreUniqueAndNonZero) {
  std::set<uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    uint64_t s = NextKeySerial();
    EXPECT_NE(s, 0u);
    EXPECT_TRUE(seen.insert(s).second);
  }
}

// More keys than slots: every slot gets replaced, and each key still signs and
// verifies as itself (a replaced slot must never answer for the previous key).
TEST(ContextCacheTest, EvictionKeepsEveryKeyCorrect) {
  std::vector<PrivateKey> keys;
  for (size_t i = 0; i < kContextCacheSlots + 7; ++i) {
    keys.push_back(PrivateKey::Generate(i % 3 ? Algorithm::kEdDsa : Algorithm::kEs256).value());
  }
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < keys.size(); ++i) {
      std::string sig = keys[i].Sign("doc").value();
      EXPECT_TRUE(keys[i].public_key().Verify("doc", sig).ok()) << i;
      const PrivateKey& other = keys[(i + kContextCacheSlots / 2) % keys.size()];
      EXPECT_FALSE(other.public_key().Verify("doc", sig).ok()) << i;
    }
  }
}

TEST(ContextCacheTest, ThreadsShareKeysButNotContexts) {
  PrivateKey es = PrivateKey::Generate(Algorithm::kEs256).value();
  PrivateKey ed = PrivateKey::Generate(Algorithm::kEdDsa).value();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const PrivateKey& k = (i + t) % 2 ? es : ed;
        std::string msg = std::to_string(i);  // distinct messages per round
        Result<std::string> sig = k.Sign(msg);
        if (!sig.ok() || !k.public_key().Verify(msg, *sig).ok()) ++failures[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace lcproc::crypto
