#include "pipeline/ledger/hash.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/pipeline/ledger/reference_tree.h"

namespace lcproc::ledger {
namespace {

using testing::DigestFromHex;
using testing::LoadReferenceTree;
using testing::NaiveTree;

TEST(HashTest, EmptyRootIsSha256OfNothing) {
  EXPECT_EQ(EmptyRoot(), LoadReferenceTree().empty_root);
}

TEST(HashTest, LeafHashPrefixesZeroByte) {
  // MTH of the one-leaf reference tree (leaf "") is SHA-256(0x00).
  const auto ref = LoadReferenceTree();
  EXPECT_EQ(LeafHash(ref.leaves[0]), ref.roots[0]);
  EXPECT_EQ(LeafHash(""), crypto::Sha256(std::string(1, '\0')));
}

TEST(HashTest, NodeHashPrefixesOneByte) {
  const auto ref = LoadReferenceTree();
  EXPECT_EQ(NodeHash(LeafHash(ref.leaves[0]), LeafHash(ref.leaves[1])), ref.roots[1]);
}

TEST(HashTest, NaiveMthMatchesReferenceRootsForSizesOneToEight) {
  const auto ref = LoadReferenceTree();
  std::vector<crypto::Digest> leaves;
  for (const auto& l : ref.leaves) leaves.push_back(LeafHash(l));
  NaiveTree naive(leaves);
  for (size_t n = 1; n <= 8; ++n) EXPECT_EQ(naive.Mth(0, n), ref.roots[n - 1]) << n;
}

TEST(HashTest, PerfectSubtreeRootMatchesMthOfPowersOfTwo) {
  const auto ref = LoadReferenceTree();
  std::string concatenated;
  for (const auto& l : ref.leaves) concatenated += crypto::AsBytes(LeafHash(l));
  EXPECT_EQ(PerfectSubtreeRoot(concatenated.substr(0, 32)), ref.roots[0]);
  EXPECT_EQ(PerfectSubtreeRoot(concatenated.substr(0, 64)), ref.roots[1]);
  EXPECT_EQ(PerfectSubtreeRoot(concatenated.substr(0, 128)), ref.roots[3]);
  EXPECT_EQ(PerfectSubtreeRoot(concatenated), ref.roots[7]);
}

}  // namespace
}  // namespace lcproc::ledger
