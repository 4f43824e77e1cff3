#include "pipeline/ledger/tile_store.h"

#include <cassert>

namespace lcproc::ledger {

TileReader::~TileReader() = default;

void MemoryTileStore::Apply(const std::vector<TileWrite>& writes) {
  WriterLock lock(mu_);
  for (const TileWrite& w : writes) {
    assert(w.hashes.size() == size_t{w.id.width} * kHashSize);
    std::string& stored = tiles_[{w.id.level, w.id.index}];
    // A tile only ever grows; keeping the widest serves every narrower read too.
    if (w.hashes.size() >= stored.size()) stored = w.hashes;
  }
}

Result<std::string> MemoryTileStore::ReadTile(uint8_t level, uint64_t index,
                                              uint16_t min_width) const {
  ReaderLock lock(mu_);
  auto it = tiles_.find({level, index});
  if (it == tiles_.end() || it->second.size() < size_t{min_width} * kHashSize) {
    return NotFound("no tile " + TilePath({level, index, min_width}) + " in memory");
  }
  return it->second;
}

size_t MemoryTileStore::tile_count() const {
  ReaderLock lock(mu_);
  return tiles_.size();
}

}  // namespace lcproc::ledger
