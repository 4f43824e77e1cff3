// Tiles: the C2SP tlog-tiles storage unit of the tree's hashes (c2sp.org/tlog-tiles).
//
// A tile at level L and index N holds up to 256 consecutive Merkle Tree Hashes at
// tree height 8*L: hash i of tile (L, N) is MTH(D[(N*256+i)*256^L : (N*256+i+1)*256^L]).
// Level 0 tiles hold leaf hashes; a hash at level L>0 is the root of one full tile at
// level L-1. A full tile is 256 hashes (8192 bytes); the rightmost tile of each level
// is usually partial, of width floor(size / 256^L) mod 256, and is never hashed into
// the level above. Any node of the tree is recomputed from one tile by hashing at most
// 255 of its hashes, so any proof costs O(log n) tile reads.
//
// Paths follow the spec: "tile/<L>/<N>[.p/<W>]" with N written in 3-digit groups, all
// but the last prefixed "x" (index 1234067 -> "x001/x234/067"). Pure values and
// functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace lcproc::ledger {

inline constexpr int kTileHeight = 8;
inline constexpr uint64_t kTileWidth = 256;  // hashes in a full tile
inline constexpr size_t kHashSize = 32;
inline constexpr int kMaxTileLevel = 63;  // C2SP: L is 0..63

struct TileId {
  uint8_t level = 0;
  uint64_t index = 0;
  uint16_t width = kTileWidth;  // 1..256; 256 = full, fewer = partial ".p/<W>"

  bool full() const { return width == kTileWidth; }
  friend bool operator==(const TileId&, const TileId&) = default;
};

// One tile's new contents: `hashes` is width*32 bytes, the tile's hashes in order.
struct TileWrite {
  TileId id;
  std::string hashes;
};

// "tile/<L>/<N>" or "tile/<L>/<N>.p/<W>". REQUIRES: 1 <= id.width <= 256.
std::string TilePath(const TileId& id);

// The inverse of TilePath. Strict: Malformed on anything TilePath would not produce
// (leading zeros, a missing "x", a group "x000" before the first non-zero group,
// ".p/0", ".p/256", levels above 63, an index beyond 64 bits, "tile/entries/...").
Result<TileId> ParseTilePath(std::string_view path);

// The number of hashes stored at `level` for a tree of `tree_size` leaves:
// floor(tree_size / 256^level). Zero once 256^level exceeds the size.
uint64_t StoredHashCount(uint8_t level, uint64_t tree_size);

// The width of the rightmost, partial tile at `level` (0 when that level's tiles are
// all full or the level is empty).
uint16_t PartialTileWidth(uint8_t level, uint64_t tree_size);

// The tiles of a tree of `tree_size` whose contents differ from those of the tree of
// `old_size` (new tiles and grown partial tiles), each with its width at `tree_size`,
// level by level, index ascending. This is exactly what must be persisted to grow the
// stored tree from old_size to tree_size. REQUIRES: old_size <= tree_size.
std::vector<TileId> TilesChangedBetween(uint64_t old_size, uint64_t tree_size);

// The partial tiles of a tree of `tree_size`, level 0 up: what a reader needs beyond
// full tiles, and what a log must keep for every size it signed a checkpoint for.
std::vector<TileId> PartialTiles(uint64_t tree_size);

}  // namespace lcproc::ledger
