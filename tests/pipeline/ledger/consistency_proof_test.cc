#include "pipeline/ledger/consistency_proof.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/merkle_tree.h"
#include "tests/pipeline/ledger/reference_tree.h"

namespace lcproc::ledger {
namespace {

using testing::LoadReferenceTree;
using testing::NaiveTree;
using testing::ReferenceStore;

constexpr uint64_t kBruteForceSize = 300;

TEST(ConsistencyProofTest, MatchesReferenceProofs) {
  const auto ref = LoadReferenceTree();
  for (const auto& v : ref.consistency) {
    auto proof = ConsistencyProof(ReferenceStore(), v.old_size, v.new_size);
    ASSERT_TRUE(proof.ok()) << proof.status().ToString();
    EXPECT_EQ(*proof, v.proof) << v.old_size << " -> " << v.new_size;
    EXPECT_TRUE(VerifyConsistency(v.old_size, v.new_size, ref.roots[v.old_size - 1],
                                  ref.roots[v.new_size - 1], v.proof)
                    .ok());
  }
}

TEST(ConsistencyProofTest, TamperedReferenceProofsAreRefused) {
  const auto ref = LoadReferenceTree();
  for (const auto& v : ref.consistency) {
    if (v.proof.empty()) continue;
    const crypto::Digest& r1 = ref.roots[v.old_size - 1];
    const crypto::Digest& r2 = ref.roots[v.new_size - 1];
    for (size_t i = 0; i < v.proof.size(); ++i) {
      auto bad = v.proof;
      bad[i][31 - i] ^= 0x80;
      EXPECT_EQ(VerifyConsistency(v.old_size, v.new_size, r1, r2, bad).code(),
                StatusCode::kUnauthenticated);
    }
    auto longer = v.proof;
    longer.push_back(v.proof.back());
    EXPECT_EQ(VerifyConsistency(v.old_size, v.new_size, r1, r2, longer).code(),
              StatusCode::kUnauthenticated);
    auto shorter = v.proof;
    shorter.pop_back();
    EXPECT_EQ(VerifyConsistency(v.old_size, v.new_size, r1, r2, shorter).code(),
              StatusCode::kUnauthenticated);
    EXPECT_EQ(VerifyConsistency(v.old_size, v.new_size, r1, r2, {}).code(),
              StatusCode::kUnauthenticated);
    EXPECT_FALSE(VerifyConsistency(v.old_size, v.new_size, r2, r1, v.proof).ok());  // swapped
    EXPECT_FALSE(VerifyConsistency(v.old_size, v.new_size, r1, ref.empty_root, v.proof).ok());
    EXPECT_FALSE(VerifyConsistency(v.old_size - 1, v.new_size, r1, r2, v.proof).ok());
    EXPECT_FALSE(VerifyConsistency(v.old_size + 1, v.new_size, r1, r2, v.proof).ok());
    EXPECT_FALSE(VerifyConsistency(v.old_size, v.new_size * 2, r1, r2, v.proof).ok());
  }
}

TEST(ConsistencyProofTest, TrivialSizes) {
  const auto ref = LoadReferenceTree();
  EXPECT_TRUE(ConsistencyProof(ReferenceStore(), 0, 8).value().empty());
  EXPECT_TRUE(ConsistencyProof(ReferenceStore(), 5, 5).value().empty());
  EXPECT_TRUE(VerifyConsistency(0, 8, ref.empty_root, ref.roots[7], {}).ok());
  EXPECT_TRUE(VerifyConsistency(0, 0, ref.empty_root, ref.empty_root, {}).ok());
  EXPECT_TRUE(VerifyConsistency(5, 5, ref.roots[4], ref.roots[4], {}).ok());
  // Equal sizes with different roots: two different trees, a fork.
  EXPECT_EQ(VerifyConsistency(5, 5, ref.roots[4], ref.roots[3], {}).code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(VerifyConsistency(5, 5, ref.roots[4], ref.roots[4], std::vector{ref.roots[0]}).code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(VerifyConsistency(0, 8, ref.roots[0], ref.roots[7], {}).code(),
            StatusCode::kUnauthenticated);
}

TEST(ConsistencyProofTest, ShrinkingTreeIsInvalidArgument) {
  const auto ref = LoadReferenceTree();
  auto proof = ConsistencyProof(ReferenceStore(), 6, 5);
  ASSERT_FALSE(proof.ok());
  EXPECT_EQ(proof.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(6, 5, ref.roots[5], ref.roots[4], {}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ConsistencyProof(ReferenceStore(), 3, 9).status().code(), StatusCode::kNotFound);
}

TEST(ConsistencyProofTest, EveryPairMatchesNaiveProofAndVerifies) {
  std::vector<crypto::Digest> leaves;
  for (uint64_t i = 0; i < kBruteForceSize; ++i) leaves.push_back(LeafHash(std::to_string(i)));
  NaiveTree naive(leaves);
  MemoryTileStore store;
  MerkleTree tree;
  store.Apply(tree.Append(leaves).value());
  for (uint64_t n = 1; n <= kBruteForceSize; ++n) {
    const crypto::Digest new_root = naive.Mth(0, n);
    for (uint64_t m = 0; m <= n; ++m) {
      const crypto::Digest old_root = naive.Mth(0, m);
      auto proof = ConsistencyProof(store, m, n);
      ASSERT_TRUE(proof.ok()) << m << "->" << n << " " << proof.status().ToString();
      ASSERT_EQ(*proof, naive.Proof(m, n)) << m << "->" << n;
      ASSERT_TRUE(VerifyConsistency(m, n, old_root, new_root, *proof).ok()) << m << "->" << n;
      if (m > 0 && m < n) {
        ASSERT_FALSE(VerifyConsistency(m, n, new_root, old_root, *proof).ok()) << m << "->" << n;
      }
    }
  }
}

}  // namespace
}  // namespace lcproc::ledger
