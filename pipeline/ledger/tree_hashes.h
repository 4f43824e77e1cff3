// TreeHashes: recomputes any hash of a stored tree (a complete subtree, the root of a
// range, the root at a past size) from its C2SP tiles.
//
// A complete subtree at height h = 8*L + r is hashed from 2^r consecutive hashes of one
// level-L tile, so each hash costs one tile read and at most 255 SHA-256 calls. A
// TreeHashes keeps the tiles it read, so the O(log n) hashes of one proof share reads.
// Not thread-safe (it caches); make one per request. Borrows the reader, which must
// outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

 private:
  // At least the first `min_width` hashes of tile (level, index), from the cache or
  // the store. The view is valid until the next call.
  Result<std::string_view> Tile(uint8_t level, uint64_t index, uint16_t min_width);

  struct CachedTile {
    uint8_t level;
    uint64_t index;
    std::string hashes;
  };
  const TileReader& tiles_;
  std::vector<CachedTile> cache_;
};

// The root of the stored tree at any `tree_size` it has reached (EmptyRoot() for 0),
// from O(log n) tile reads.
Result<crypto::Digest> RootAt(const TileReader& tiles, uint64_t tree_size);

}  // namespace lcproc::ledger
