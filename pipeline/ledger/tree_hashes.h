// TreeHashes: recomputes any hash of a stored tree (a complete subtree, the root of a
// range, the root at a past size) from its C2SP tiles.
//
// A complete subtree at height h = 8*L + r is the root of 2^r consecutive hashes of one
// level-L tile. TreeHashes keeps every tile it read and every interior node it hashed
// (at most 255 per tile), so one proof costs O(log n) tile reads and a few hundred
// hashes, and further proofs through the same tiles (every proof of one committed
// batch) cost almost nothing more. Not thread-safe
// (it caches): make one per request or per batch. Borrows the reader, which must
// outlive it.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "pipeline/crypto/sha256.h"
#include "pipeline/ledger/tile_store.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

class TreeHashes {
 public:
  explicit TreeHashes(const TileReader& tiles) : tiles_(tiles) {}

  // The root of the complete subtree of height `height` (2^height leaves) at position
  // `index` on that level: MTH(D[index*2^h : (index+1)*2^h]). The caller guarantees
  // the stored tree covers it; otherwise the store's NotFound.
  Result<crypto::Digest> Subtree(int height, uint64_t index);

  // MTH(D[begin:end]) for the ranges RFC 6962 proofs hash: the range splits into
  // complete subtrees along the binary decomposition of its length, largest first,
  // which is how MTH splits a list (at the largest power of two below its length).
  // InvalidArgument unless begin < end and begin is a multiple of the largest power of
  // two <= end - begin (so every piece is a subtree of the stored tree).
  Result<crypto::Digest> Range(uint64_t begin, uint64_t end);

  // Tiles read from the store so far (for tests and metrics).
  int tile_reads() const { return tile_reads_; }

 private:
  struct CachedTile {
    uint8_t level = 0;
    uint64_t index = 0;
    // nodes[r][j]: root of tile hashes [j*2^r, (j+1)*2^r), valid where known[r][j];
    // nodes[0] are the tile's own hashes, all known.
    std::vector<std::vector<crypto::Digest>> nodes;
    std::vector<std::vector<bool>> known;
  };
  // nodes[r][j] of `tile`, hashing (and keeping) what is missing below it.
  static const crypto::Digest& Node(CachedTile& tile, int r, size_t j);
  // The tile (level, index) holding at least `min_width` hashes, from the cache or the
  // store. The reference is stable (a deque) for the TreeHashes' lifetime.
  Result<CachedTile*> Tile(uint8_t level, uint64_t index, uint16_t min_width);

  const TileReader& tiles_;
  std::deque<CachedTile> cache_;
  int tile_reads_ = 0;
};

// The root of the stored tree at any `tree_size` it has reached (EmptyRoot() for 0),
// from O(log n) tile reads.
Result<crypto::Digest> RootAt(const TileReader& tiles, uint64_t tree_size);

}  // namespace lcproc::ledger
