#include "pipeline/ledger/tree_hashes.h"

#include <bit>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/tile.h"

namespace lcproc::ledger {

Result<std::string_view> TreeHashes::Tile(uint8_t level, uint64_t index, uint16_t min_width) {
  const size_t need = size_t{min_width} * kHashSize;
  for (const CachedTile& t : cache_) {
    if (t.level == level && t.index == index && t.hashes.size() >= need) return t.hashes;
  }
  auto read = tiles_.ReadTile(level, index, min_width);
  if (!read.ok()) return read.status();
  if (read->size() < need || read->size() % kHashSize != 0) {
    return DataLoss("tile " + TilePath({level, index, min_width}) + " holds " +
                    std::to_string(read->size()) + " bytes");
  }
  for (CachedTile& t : cache_) {
    if (t.level == level && t.index == index) {
      t.hashes = std::move(read).value();
      return t.hashes;
    }
  }
  cache_.push_back({level, index, std::move(read).value()});
  return cache_.back().hashes;
}

Result<crypto::Digest> TreeHashes::Subtree(int height, uint64_t index) {
  if (height < 0 || height >= 64 || index > (UINT64_MAX >> height)) {
    return InvalidArgument("subtree outside a 64-bit tree");
  }
  // Height 8L+r: 2^r consecutive hashes of one level-L tile (they share a tile because
  // the run is aligned to its own size, which divides 256).
  const int level = height / kTileHeight;
  const int r = height % kTileHeight;
  const uint64_t first = index << r;
  const uint64_t run = uint64_t{1} << r;
  const uint64_t offset = first % kTileWidth;
  LCPROC_ASSIGN_OR_RETURN(std::string_view tile,
                          Tile(static_cast<uint8_t>(level), first / kTileWidth,
                               static_cast<uint16_t>(offset + run)));
  return PerfectSubtreeRoot(tile.substr(offset * kHashSize, run * kHashSize));
}

Result<crypto::Digest> TreeHashes::Range(uint64_t begin, uint64_t end) {
  if (begin >= end) return InvalidArgument("empty hash range");
  const uint64_t length = end - begin;
  if (begin % std::bit_floor(length) != 0) {
    return InvalidArgument("hash range is not aligned to a subtree");
  }
  // Pieces left to right, one per set bit of the length, highest first.
  std::vector<crypto::Digest> pieces;
  uint64_t pos = begin;
  for (int b = 63; b >= 0; --b) {
    if ((length >> b & 1) == 0) continue;
    LCPROC_ASSIGN_OR_RETURN(crypto::Digest piece, Subtree(b, pos >> b));
    pieces.push_back(piece);
    pos += uint64_t{1} << b;
  }
  crypto::Digest root = pieces.back();
  for (size_t i = pieces.size() - 1; i-- > 0;) root = NodeHash(pieces[i], root);
  return root;
}

Result<crypto::Digest> RootAt(const TileReader& tiles, uint64_t tree_size) {
  if (tree_size == 0) return EmptyRoot();
  TreeHashes hashes(tiles);
  return hashes.Range(0, tree_size);
}

}  // namespace lcproc::ledger
