#include "pipeline/ledger/merkle_tree.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/tree_hashes.h"
#include "tests/pipeline/ledger/reference_tree.h"

namespace lcproc::ledger {
namespace {

using testing::LoadReferenceTree;
using testing::NaiveTree;

std::vector<crypto::Digest> NumberedLeaves(size_t n) {
  std::vector<crypto::Digest> out;
  for (size_t i = 0; i < n; ++i) out.push_back(LeafHash("entry " + std::to_string(i)));
  return out;
}

// Every tile of a tree of `size` as `store` holds it, trimmed to its width at `size`.
std::vector<TileWrite> Snapshot(const MemoryTileStore& store, uint64_t size) {
  std::vector<TileWrite> out;
  for (const TileId& id : TilesChangedBetween(0, size)) {
    auto tile = store.ReadTile(id.level, id.index, id.width);
    EXPECT_TRUE(tile.ok()) << TilePath(id);
    if (tile.ok()) out.push_back({id, tile->substr(0, id.width * kHashSize)});
  }
  return out;
}

bool SameTiles(const std::vector<TileWrite>& a, const std::vector<TileWrite>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!(a[i].id == b[i].id) || a[i].hashes != b[i].hashes) return false;
  }
  return true;
}

TEST(MerkleTreeTest, EmptyTreeHasEmptyRoot) {
  MerkleTree tree;
  EXPECT_EQ(tree.size(), 0u);
  EXPECT_EQ(tree.Root(), EmptyRoot());
  auto writes = tree.Append({});
  ASSERT_TRUE(writes.ok());
  EXPECT_TRUE(writes->empty());
}

TEST(MerkleTreeTest, RootsOfReferenceTreeLeafByLeaf) {
  const auto ref = LoadReferenceTree();
  MerkleTree tree;
  for (size_t i = 0; i < ref.leaves.size(); ++i) {
    const crypto::Digest leaf = LeafHash(ref.leaves[i]);
    ASSERT_TRUE(tree.Append({&leaf, 1}).ok());
    EXPECT_EQ(tree.size(), i + 1);
    EXPECT_EQ(tree.Root(), ref.roots[i]) << "size " << i + 1;
  }
}

TEST(MerkleTreeTest, WritesAreExactlyTheChangedTilesWithFullContents) {
  const auto leaves = NumberedLeaves(70000);
  MerkleTree tree;
  std::mt19937_64 rng(42);
  size_t done = 0;
  while (done < leaves.size()) {
    const size_t chunk = std::min<size_t>(leaves.size() - done, rng() % 700);
    auto writes = tree.Append(std::span(leaves).subspan(done, chunk));
    ASSERT_TRUE(writes.ok());
    const auto want = TilesChangedBetween(done, done + chunk);
    ASSERT_EQ(writes->size(), want.size()) << "at " << done;
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ((*writes)[i].id, want[i]) << TilePath(want[i]);
      EXPECT_EQ((*writes)[i].hashes.size(), want[i].width * kHashSize);
    }
    done += chunk;
  }
  EXPECT_EQ(tree.size(), 70000u);
}

TEST(MerkleTreeTest, RandomChunksGiveSameTilesAsOneAppend) {
  const auto leaves = NumberedLeaves(5000);
  MemoryTileStore whole_store;
  MerkleTree whole;
  whole_store.Apply(whole.Append(leaves).value());

  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 3; ++trial) {
    MemoryTileStore store;
    MerkleTree tree;
    size_t done = 0;
    while (done < leaves.size()) {
      const size_t chunk = std::min<size_t>(leaves.size() - done, 1 + rng() % 300);
      store.Apply(tree.Append(std::span(leaves).subspan(done, chunk)).value());
      done += chunk;
    }
    EXPECT_EQ(tree.Root(), whole.Root());
    EXPECT_TRUE(SameTiles(Snapshot(store, leaves.size()), Snapshot(whole_store, leaves.size())));
  }
}

TEST(MerkleTreeTest, KeepsAppendingBeforeWritesAreApplied) {
  // The store commits asynchronously: the tree must not need its own earlier writes.
  const auto leaves = NumberedLeaves(3000);
  MerkleTree tree;
  std::vector<std::vector<TileWrite>> pending;
  for (size_t done = 0; done < leaves.size(); done += 250) {
    pending.push_back(tree.Append(std::span(leaves).subspan(done, 250)).value());
  }
  MemoryTileStore store;
  for (const auto& w : pending) store.Apply(w);
  EXPECT_EQ(RootAt(store, tree.size()).value(), tree.Root());
}

TEST(MerkleTreeTest, OpenAtEverySizeResumesTheSameTree) {
  const auto leaves = NumberedLeaves(600);
  NaiveTree naive(leaves);
  MemoryTileStore store;
  MerkleTree full;
  store.Apply(full.Append(leaves).value());
  for (uint64_t size = 0; size <= leaves.size(); ++size) {
    auto opened = MerkleTree::Open(store, size);
    ASSERT_TRUE(opened.ok()) << size << " " << opened.status().ToString();
    EXPECT_EQ(opened->size(), size);
    EXPECT_EQ(opened->Root(), naive.Mth(0, size)) << size;
    if (size % 37 == 0 && size < leaves.size()) {
      ASSERT_TRUE(opened->Append(std::span(leaves).subspan(size)).ok());
      EXPECT_EQ(opened->Root(), full.Root()) << "resumed from " << size;
    }
  }
}

TEST(MerkleTreeTest, OpenReportsMissingTiles) {
  MemoryTileStore store;
  auto opened = MerkleTree::Open(store, 300);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kNotFound);
}

TEST(MerkleTreeTest, RefusesToGrowPast64Bits) {
  // A store holding the right edge of a tree of 2^64 - 1 leaves (arbitrary hashes).
  MemoryTileStore store;
  std::vector<TileWrite> edge;
  for (const TileId& id : PartialTiles(UINT64_MAX)) {
    edge.push_back({id, std::string(id.width * kHashSize, '\x5a')});
  }
  store.Apply(edge);
  auto tree = MerkleTree::Open(store, UINT64_MAX);
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  const crypto::Digest before = tree->Root();
  const crypto::Digest leaf = LeafHash("one too many");
  auto writes = tree->Append({&leaf, 1});
  ASSERT_FALSE(writes.ok());
  EXPECT_EQ(writes.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(tree->size(), UINT64_MAX);
  EXPECT_EQ(tree->Root(), before);
}

}  // namespace
}  // namespace lcproc::ledger
