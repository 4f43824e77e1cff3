// MerkleTree: the ledger's append-only RFC 6962 tree, kept as C2SP tiles.
//
// The tree holds only its right edge in memory: the compact range (one root per set
// bit of the size, RFC 9162 §2.1) and the partial tile of every level. Appending N
// leaves costs O(N) hashes amortised (each interior node is hashed exactly once) and
// never rereads the store, so the caller may persist the returned tiles later and
// asynchronously, batch after batch; only Open reads tiles.
//
// Not thread-safe: one sequencer owns the tree (stage 6 of the pipeline). Copyable,
// so a caller can keep the tree as it was before a batch and roll back on a failed
// commit.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger/tile.h"
#include "pipeline/ledger/tile_store.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

class MerkleTree {
 public:
  // The empty tree.
  MerkleTree();

  // The tree of `size` leaves whose tiles `tiles` holds: reads the partial tile of each
  // level (O(log n) reads) and rebuilds the compact range from them. NotFound or
  // DataLoss from the store when a tile the size requires is missing or damaged.
  static Result<MerkleTree> Open(const TileReader& tiles, uint64_t size);

  uint64_t size() const { return size_; }

  // The RFC 6962 root of the current tree (EmptyRoot() when empty). O(1).
  crypto::Digest Root() const { return root_; }

  // Appends leaves (already LeafHash-ed) and returns every tile whose contents changed,
  // with its complete new contents: full tiles completed by this call, then for each
  // level the partial tile at its new width. Exactly the ids TilesChangedBetween(old
  // size, new size) gives, in that order. ResourceExhausted (tree unchanged) if the
  // size would overflow 2^64 - 1.
  Result<std::vector<TileWrite>> Append(std::span<const crypto::Digest> leaf_hashes);

 private:
  void AppendOne(const crypto::Digest& leaf, std::vector<TileWrite>& full_tiles);
  void RecomputeRoot();

  uint64_t size_ = 0;
  crypto::Digest root_;
  // range_[i]: root of the i-th complete subtree of the size's binary decomposition,
  // largest (leftmost) first; its height is the i-th set bit of size_ from the top.
  std::vector<crypto::Digest> range_;
  // edge_[L]: the hashes (32 bytes each) of the partial tile at level L, fewer than 256.
  std::vector<std::string> edge_;
};

}  // namespace lcproc::ledger
