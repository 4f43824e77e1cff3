#include "pipeline/ledger/merkle_tree.h"

#include <algorithm>
#include <limits>

#include "pipeline/ledger/hash.h"

namespace lcproc::ledger {

MerkleTree::MerkleTree() : root_(EmptyRoot()) {}

Result<MerkleTree> MerkleTree::Open(const TileReader& tiles, uint64_t size) {
  MerkleTree tree;
  tree.size_ = size;
  for (int level = 0; level <= kMaxTileLevel; ++level) {
    const uint64_t count = StoredHashCount(level, size);
    if (count == 0) break;
    tree.edge_.emplace_back();
    const uint16_t width = PartialTileWidth(level, size);
    if (width == 0) continue;
    auto tile = tiles.ReadTile(static_cast<uint8_t>(level), count / kTileWidth, width);
    if (!tile.ok()) return tile.status().WithContext("opening the tree");
    if (tile->size() < width * kHashSize) {
      return DataLoss("tile " + TilePath({static_cast<uint8_t>(level), count / kTileWidth, width}) +
                      " is shorter than its width");
    }
    tree.edge_.back() = tile->substr(0, width * kHashSize);
  }
  // The compact range is the binary decomposition of the size: the set bits at heights
  // 8L..8L+7 are the power-of-two runs of level L's partial tile, largest first.
  for (size_t level = tree.edge_.size(); level-- > 0;) {
    const std::string& edge = tree.edge_[level];
    const size_t width = edge.size() / kHashSize;
    size_t pos = 0;
    for (int r = kTileHeight - 1; r >= 0; --r) {
      if ((width >> r & 1) == 0) continue;
      const size_t run = size_t{1} << r;
      tree.range_.push_back(
          PerfectSubtreeRoot(std::string_view(edge).substr(pos * kHashSize, run * kHashSize)));
      pos += run;
    }
  }
  tree.RecomputeRoot();
  return tree;
}

Result<std::vector<TileWrite>> MerkleTree::Append(std::span<const crypto::Digest> leaf_hashes) {
  if (leaf_hashes.size() > std::numeric_limits<uint64_t>::max() - size_) {
    return ResourceExhausted("the ledger cannot hold more than 2^64-1 entries");
  }
  const uint64_t old_size = size_;
  std::vector<TileWrite> writes;
  for (const crypto::Digest& leaf : leaf_hashes) AppendOne(leaf, writes);
  // Then the partial tile of every level whose hash count moved.
  for (size_t level = 0; level < edge_.size(); ++level) {
    const auto l = static_cast<uint8_t>(level);
    if (edge_[level].empty() || StoredHashCount(l, old_size) == StoredHashCount(l, size_)) {
      continue;
    }
    const auto width = static_cast<uint16_t>(edge_[level].size() / kHashSize);
    writes.push_back({{l, StoredHashCount(l, size_) / kTileWidth, width}, edge_[level]});
  }
  std::stable_sort(writes.begin(), writes.end(), [](const TileWrite& a, const TileWrite& b) {
    return a.id.level != b.id.level ? a.id.level < b.id.level : a.id.index < b.id.index;
  });
  RecomputeRoot();
  return writes;
}

// One leaf: the compact-range merge of RFC 9162 §2.1 (each carry in size_ + 1 merges
// two equal subtrees), emitting a tile whenever a merge completes 256 hashes of a level.
void MerkleTree::AppendOne(const crypto::Digest& leaf, std::vector<TileWrite>& full_tiles) {
  if (edge_.empty()) edge_.emplace_back();
  edge_[0].append(crypto::AsBytes(leaf));
  crypto::Digest node = leaf;
  int height = 0;
  for (uint64_t s = size_; (s & 1) != 0; s >>= 1) {
    node = NodeHash(range_.back(), node);
    range_.pop_back();
    ++height;
    if (height % kTileHeight != 0) continue;
    // `node` is the root of the just-completed tile at the level below.
    const size_t level = height / kTileHeight;
    const uint64_t index = ((size_ + 1) >> (kTileHeight * level)) - 1;
    full_tiles.push_back(
        {{static_cast<uint8_t>(level - 1), index, kTileWidth}, std::move(edge_[level - 1])});
    edge_[level - 1].clear();
    if (edge_.size() <= level) edge_.resize(level + 1);
    edge_[level].append(crypto::AsBytes(node));
  }
  range_.push_back(node);
  ++size_;
}

void MerkleTree::RecomputeRoot() {
  if (range_.empty()) {
    root_ = EmptyRoot();
    return;
  }
  // MTH splits at the largest power of two, so the root folds the range right to left.
  crypto::Digest root = range_.back();
  for (size_t i = range_.size() - 1; i-- > 0;) root = NodeHash(range_[i], root);
  root_ = root;
}

}  // namespace lcproc::ledger
