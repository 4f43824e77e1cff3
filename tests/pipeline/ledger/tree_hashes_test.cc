#include "pipeline/ledger/tree_hashes.h"

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

TEST(TreeHashesTest, RootAtMatchesReferenceRoots) {
  const auto ref = LoadReferenceTree();
  MemoryTileStore store;
  MerkleTree tree;
  for (const auto& leaf : ref.leaves) {
    const crypto::Digest h = LeafHash(leaf);
    store.Apply(tree.Append({&h, 1}).value());
  }
  EXPECT_EQ(RootAt(store, 0).value(), ref.empty_root);
  for (size_t n = 1; n <= 8; ++n) EXPECT_EQ(RootAt(store, n).value(), ref.roots[n - 1]) << n;
}

TEST(TreeHashesTest, RootAtEveryPastSizeMatchesNaiveMth) {
  std::vector<crypto::Digest> leaves;
  for (int i = 0; i < 1100; ++i) leaves.push_back(LeafHash(std::to_string(i)));
  NaiveTree naive(leaves);
  MemoryTileStore store;
  MerkleTree tree;
  store.Apply(tree.Append(leaves).value());
  for (uint64_t n = 0; n <= leaves.size(); ++n) {
    auto root = RootAt(store, n);
    ASSERT_TRUE(root.ok()) << n;
    EXPECT_EQ(*root, naive.Mth(0, n)) << n;
  }
  TreeHashes hashes(store);
  EXPECT_EQ(hashes.Subtree(10, 0).value(), naive.Mth(0, 1024));
  EXPECT_EQ(hashes.Subtree(3, 130).value(), naive.Mth(1040, 1048));
  EXPECT_EQ(hashes.Range(1024, 1100).value(), naive.Mth(1024, 1100));
}

TEST(TreeHashesTest, RefusesUnalignedRanges) {
  MemoryTileStore store;
  TreeHashes hashes(store);
  EXPECT_EQ(hashes.Range(1, 5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(hashes.Range(4, 4).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(hashes.Subtree(64, 0).status().code(), StatusCode::kInvalidArgument);
}

TEST(TreeHashesTest, SizeBeyondStoredTreeIsNotFound) {
  MemoryTileStore store;
  MerkleTree tree;
  std::vector<crypto::Digest> leaves(10, LeafHash("x"));
  store.Apply(tree.Append(leaves).value());
  EXPECT_EQ(RootAt(store, 11).status().code(), StatusCode::kNotFound);
}

// A store that answers with a damaged tile.
class DamagedStore : public TileReader {
 public:
  Result<std::string> ReadTile(uint8_t, uint64_t, uint16_t) const override {
    return std::string(33, 'z');
  }
};

TEST(TreeHashesTest, DamagedTileIsDataLoss) {
  DamagedStore store;
  EXPECT_EQ(RootAt(store, 2).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace lcproc::ledger
