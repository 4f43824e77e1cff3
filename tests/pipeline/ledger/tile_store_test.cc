#include "pipeline/ledger/tile_store.h"

#include <string>

#include <gtest/gtest.h>

namespace lcproc::ledger {
namespace {

std::string Hashes(int count, char fill) { return std::string(count * kHashSize, fill); }

TEST(MemoryTileStoreTest, ServesPrefixOfWiderTile) {
  MemoryTileStore store;
  store.Apply({{{0, 3, 10}, Hashes(10, 'a')}});
  auto tile = store.ReadTile(0, 3, 4);
  ASSERT_TRUE(tile.ok());
  EXPECT_GE(tile->size(), 4 * kHashSize);
  EXPECT_EQ(tile->substr(0, 4 * kHashSize), Hashes(4, 'a'));
}

TEST(MemoryTileStoreTest, KeepsWidestVersion) {
  MemoryTileStore store;
  store.Apply({{{1, 0, 20}, Hashes(20, 'b')}});
  store.Apply({{{1, 0, 5}, Hashes(5, 'c')}});  // a stale, narrower write
  auto tile = store.ReadTile(1, 0, 20);
  ASSERT_TRUE(tile.ok());
  EXPECT_EQ(*tile, Hashes(20, 'b'));
  store.Apply({{{1, 0, 256}, Hashes(256, 'd')}});
  EXPECT_EQ(store.ReadTile(1, 0, 256).value(), Hashes(256, 'd'));
  EXPECT_EQ(store.tile_count(), 1u);
}

TEST(MemoryTileStoreTest, MissingOrTooNarrowIsNotFound) {
  MemoryTileStore store;
  store.Apply({{{0, 0, 3}, Hashes(3, 'a')}});
  EXPECT_EQ(store.ReadTile(0, 1, 1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store.ReadTile(1, 0, 1).status().code(), StatusCode::kNotFound);
  auto narrow = store.ReadTile(0, 0, 4);
  ASSERT_FALSE(narrow.ok());
  EXPECT_EQ(narrow.status().code(), StatusCode::kNotFound);
  EXPECT_NE(narrow.status().message().find("tile/0/000.p/4"), std::string::npos);
}

}  // namespace
}  // namespace lcproc::ledger
