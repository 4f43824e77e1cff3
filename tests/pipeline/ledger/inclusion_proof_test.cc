#include "pipeline/ledger/inclusion_proof.h"

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

TEST(InclusionProofTest, MatchesReferenceAuditPaths) {
  const auto ref = LoadReferenceTree();
  for (const auto& v : ref.inclusion) {
    auto proof = InclusionProof(ReferenceStore(), v.index, v.tree_size);
    ASSERT_TRUE(proof.ok()) << proof.status().ToString();
    EXPECT_EQ(*proof, v.path) << "index " << v.index << " size " << v.tree_size;
    const crypto::Digest leaf = LeafHash(ref.leaves[v.index]);
    EXPECT_TRUE(
        VerifyInclusion(leaf, v.index, v.tree_size, v.path, ref.roots[v.tree_size - 1]).ok());
  }
}

TEST(InclusionProofTest, TamperedReferenceProofsAreRefused) {
  const auto ref = LoadReferenceTree();
  for (const auto& v : ref.inclusion) {
    const crypto::Digest leaf = LeafHash(ref.leaves[v.index]);
    const crypto::Digest& root = ref.roots[v.tree_size - 1];
    for (size_t i = 0; i < v.path.size(); ++i) {
      auto bad = v.path;
      bad[i][i % 32] ^= 0x01;
      EXPECT_EQ(VerifyInclusion(leaf, v.index, v.tree_size, bad, root).code(),
                StatusCode::kUnauthenticated);
    }
    auto longer = v.path;
    longer.push_back(root);
    EXPECT_EQ(VerifyInclusion(leaf, v.index, v.tree_size, longer, root).code(),
              StatusCode::kUnauthenticated);
    if (!v.path.empty()) {
      auto shorter = v.path;
      shorter.pop_back();
      EXPECT_EQ(VerifyInclusion(leaf, v.index, v.tree_size, shorter, root).code(),
                StatusCode::kUnauthenticated);
      EXPECT_FALSE(VerifyInclusion(leaf, v.index ^ 1, v.tree_size, v.path, root).ok());
      EXPECT_FALSE(VerifyInclusion(leaf, v.index, v.tree_size * 2, v.path, root).ok());
    }
    EXPECT_FALSE(VerifyInclusion(LeafHash("WrongLeaf"), v.index, v.tree_size, v.path, root).ok());
    EXPECT_FALSE(VerifyInclusion(leaf, v.index, v.tree_size, v.path, ref.empty_root).ok());
  }
}

TEST(InclusionProofTest, IndexOutsideTreeIsInvalidArgument) {
  const auto ref = LoadReferenceTree();
  auto proof = InclusionProof(ReferenceStore(), 8, 8);
  ASSERT_FALSE(proof.ok());
  EXPECT_EQ(proof.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(proof.status().message().find("outside"), std::string::npos);
  EXPECT_EQ(InclusionProof(ReferenceStore(), 0, 0).status().code(), StatusCode::kInvalidArgument);
  const crypto::Digest leaf = LeafHash(ref.leaves[0]);
  EXPECT_EQ(VerifyInclusion(leaf, 8, 8, {}, ref.roots[7]).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyInclusion(leaf, 0, 0, {}, ref.empty_root).code(), StatusCode::kInvalidArgument);
}

TEST(InclusionProofTest, TreeBeyondStoredTilesIsNotFound) {
  EXPECT_EQ(InclusionProof(ReferenceStore(), 0, 9).status().code(), StatusCode::kNotFound);
}

TEST(InclusionProofTest, ProofsOfOneBatchShareTileReads) {
  // After a commit the engine proves every leaf of the batch against the new tree.
  std::vector<crypto::Digest> leaves;
  for (int i = 0; i < 70000; ++i) leaves.push_back(LeafHash(std::to_string(i)));
  MemoryTileStore store;
  MerkleTree tree;
  store.Apply(tree.Append(leaves).value());
  TreeHashes shared(store);
  for (uint64_t index = 69744; index < 70000; ++index) {
    auto proof = InclusionProof(shared, index, 70000);
    ASSERT_TRUE(proof.ok());
    EXPECT_EQ(*proof, InclusionProof(store, index, 70000).value());
    EXPECT_TRUE(VerifyInclusion(leaves[index], index, 70000, *proof, tree.Root()).ok());
  }
  // One tile per level the batch's paths cross: O(log n), not O(batch * log n).
  EXPECT_LE(shared.tile_reads(), 6);
}

TEST(InclusionProofTest, EverySizeAndIndexMatchesNaivePathAndVerifies) {
  std::vector<crypto::Digest> leaves;
  for (uint64_t i = 0; i < kBruteForceSize; ++i) leaves.push_back(LeafHash(std::to_string(i)));
  NaiveTree naive(leaves);
  MemoryTileStore store;
  MerkleTree tree;
  store.Apply(tree.Append(leaves).value());
  for (uint64_t n = 1; n <= kBruteForceSize; ++n) {
    const crypto::Digest root = naive.Mth(0, n);
    for (uint64_t m = 0; m < n; ++m) {
      auto proof = InclusionProof(store, m, n);
      ASSERT_TRUE(proof.ok()) << m << "/" << n << " " << proof.status().ToString();
      ASSERT_EQ(*proof, naive.Path(m, 0, n)) << m << "/" << n;
      ASSERT_TRUE(VerifyInclusion(leaves[m], m, n, *proof, root).ok()) << m << "/" << n;
      if (n > 1) {
        ASSERT_FALSE(VerifyInclusion(leaves[m], (m + 1) % n, n, *proof, root).ok())
            << m << "/" << n;
      }
    }
  }
}

}  // namespace
}  // namespace lcproc::ledger
