#include "pipeline/ledger/tree_hashes.h"

#include <bit>
#include <cstring>

#include "pipeline/ledger/hash.h"
#include "pipeline/ledger/tile.h"

namespace lcproc::ledger {
namespace {

std::vector<crypto::Digest> SplitHashes(const std::string& bytes) {
  std::vector<crypto::Digest> out(bytes.size() / kHashSize);
  for (size_t i = 0; i < out.size(); ++i) {
    std::memcpy(out[i].data(), bytes.data() + i * kHashSize, kHashSize);
  }
  return out;
}

}  // namespace

Result<TreeHashes::CachedTile*> TreeHashes::Tile(uint8_t level, uint64_t index,
                                                 uint16_t min_width) {
  CachedTile* slot = nullptr;
  for (CachedTile& t : cache_) {
    if (t.level != level || t.index != index) continue;
    if (t.nodes[0].size() >= min_width) return &t;
    slot = &t;  // cached, but narrower than now needed: read it again
  }
  auto read = tiles_.ReadTile(level, index, min_width);
  ++tile_reads_;
  if (!read.ok()) return read.status();
  if (read->size() < size_t{min_width} * kHashSize || read->size() % kHashSize != 0 ||
      read->size() > kTileWidth * kHashSize) {
    return DataLoss("tile " + TilePath({level, index, min_width}) + " holds " +
                    std::to_string(read->size()) + " bytes");
  }
  if (slot == nullptr) slot = &cache_.emplace_back();
  slot->level = level;
  slot->index = index;
  std::vector<crypto::Digest> hashes = SplitHashes(*read);
  // Interior levels of the subtree of height 8 the tile's hashes are the bottom of
  // (c2sp.org/tlog-tiles), filled on demand.
  slot->nodes.assign(kTileHeight, {});
  slot->known.assign(kTileHeight, {});
  for (int r = 1; r < kTileHeight; ++r) {
    slot->nodes[r].resize(hashes.size() >> r);
    slot->known[r].assign(hashes.size() >> r, false);
  }
  slot->nodes[0] = std::move(hashes);
  return slot;
}

const crypto::Digest& TreeHashes::Node(CachedTile& tile, int r, size_t j) {
  if (r == 0 || tile.known[r][j]) return tile.nodes[r][j];
  tile.nodes[r][j] = NodeHash(Node(tile, r - 1, 2 * j), Node(tile, r - 1, 2 * j + 1));
  tile.known[r][j] = true;
  return tile.nodes[r][j];
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
  const uint64_t offset = first % kTileWidth;
  LCPROC_ASSIGN_OR_RETURN(CachedTile * tile,
                          Tile(static_cast<uint8_t>(level), first / kTileWidth,
                               static_cast<uint16_t>(offset + (uint64_t{1} << r))));
  return Node(*tile, r, offset >> r);
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
