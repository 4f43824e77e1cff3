// TileReader: the ledger's read access to stored tiles, and MemoryTileStore, an
// in-memory implementation for tests, benchmarks and tools.
//
// The pipeline never touches files or SQL: the store (services/store) implements
// TileReader over its tables and persists the TileWrites that MerkleTree::Append
// returns, in the same transaction as the entries. Implementations must allow
// concurrent const calls from many threads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/ledger/tile.h"
#include "pipeline/mutex.h"
#include "pipeline/status.h"

namespace lcproc::ledger {

class TileReader {
 public:
  virtual ~TileReader();

  // The hashes of tile (`level`, `index`): at least `min_width`*32 bytes, of which the
  // caller uses the first min_width*32 (a store may return a wider partial or the full
  // tile, since a tile's prefix never changes). NotFound when the store holds no such
  // tile at least that wide; DataLoss when what it holds is not a multiple of 32 bytes.
  // REQUIRES: 1 <= min_width <= 256.
  virtual Result<std::string> ReadTile(uint8_t level, uint64_t index, uint16_t min_width) const = 0;
};

// Keeps the widest version of every tile it was given. Thread-safe: Apply takes an
// exclusive lock, ReadTile a shared one.
class MemoryTileStore : public TileReader {
 public:
  MemoryTileStore() = default;

  // Stores every write, keeping for each tile the widest contents seen so far.
  // REQUIRES: each write's hashes are width*32 bytes.
  void Apply(const std::vector<TileWrite>& writes);

  Result<std::string> ReadTile(uint8_t level, uint64_t index, uint16_t min_width) const override;

  // Number of distinct tiles held (for tests).
  size_t tile_count() const;

 private:
  mutable SharedMutex mu_;
  std::map<std::pair<uint8_t, uint64_t>, std::string> tiles_ GUARDED_BY(mu_);
};

}  // namespace lcproc::ledger
