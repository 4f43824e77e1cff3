#include "pipeline/ledger/tile.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace lcproc::ledger {
namespace {

TEST(TileTest, PathOfSpecExample) {
  // c2sp.org/tlog-tiles: index 1234067 is encoded as x001/x234/067.
  EXPECT_EQ(TilePath({0, 1234067, 256}), "tile/0/x001/x234/067");
  EXPECT_EQ(TilePath({1, 0, 256}), "tile/1/000");
  EXPECT_EQ(TilePath({2, 1000, 256}), "tile/2/x001/000");
  EXPECT_EQ(TilePath({0, 999, 256}), "tile/0/999");
}

TEST(TileTest, PartialTilePathHasWidthSuffix) {
  EXPECT_EQ(TilePath({0, 5, 100}), "tile/0/005.p/100");
  EXPECT_EQ(TilePath({3, 1234067, 1}), "tile/3/x001/x234/067.p/1");
}

TEST(TileTest, PathsRoundTrip) {
  for (uint64_t index : {uint64_t{0}, uint64_t{7}, uint64_t{999}, uint64_t{1000}, uint64_t{1234067},
                         uint64_t{1000000000}, UINT64_MAX}) {
    for (uint16_t width : {uint16_t{1}, uint16_t{255}, uint16_t{256}}) {
      for (uint8_t level : {uint8_t{0}, uint8_t{5}, uint8_t{63}}) {
        const TileId id{level, index, width};
        auto parsed = ParseTilePath(TilePath(id));
        ASSERT_TRUE(parsed.ok()) << TilePath(id) << " " << parsed.status().ToString();
        EXPECT_EQ(*parsed, id) << TilePath(id);
      }
    }
  }
}

TEST(TileTest, ParseRefusesNonCanonicalPaths) {
  for (const char* bad : {
           "tile/0/1234067",                            // not grouped
           "tile/0/x001/x234/x067",                     // last group with x
           "tile/0/001/234/067",                        // inner groups without x
           "tile/0/x000/001",                           // leading zero group
           "tile/00/000",                               // level with leading zero
           "tile/64/000",                               // level beyond 63
           "tile/-1/000",                               // signed level
           "tile/0/01",                                 // short group
           "tile/0/0001",                               // long group
           "tile/0/000/",                               // trailing slash
           "tile/0/000.p/0",                            // empty partial
           "tile/0/000.p/256",                          // partial as wide as full
           "tile/0/000.p/007",                          // width with leading zeros
           "tile/0/000.p/",                             // no width
           "tile/entries/000",                          // entry bundle, not hashes
           "tiles/0/000",                               // wrong prefix
           "tile/0",                                    // no index
           "tile/0/x018/x446/x744/x073/x709/x551/616",  // 2^64
       }) {
    auto parsed = ParseTilePath(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), StatusCode::kMalformed) << bad;
    }
  }
  auto max = ParseTilePath("tile/0/x018/x446/x744/x073/x709/x551/615");
  ASSERT_TRUE(max.ok());
  EXPECT_EQ(max->index, UINT64_MAX);
}

TEST(TileTest, PartialTilesOfSpecExample) {
  // c2sp.org/tlog-tiles: a tree of 70,000 has 273 full level-0 tiles and a partial one
  // of width 112, one full level-1 tile and a partial of 17, a level-2 partial of 1.
  const std::vector<TileId> want = {{0, 273, 112}, {1, 1, 17}, {2, 0, 1}};
  EXPECT_EQ(PartialTiles(70000), want);
  EXPECT_EQ(StoredHashCount(0, 70000), 70000u);
  EXPECT_EQ(StoredHashCount(1, 70000), 273u);
  EXPECT_EQ(StoredHashCount(2, 70000), 1u);
  EXPECT_EQ(StoredHashCount(3, 70000), 0u);
  EXPECT_EQ(PartialTileWidth(1, 70000), 17);
  // "A tree of size 256 will be represented by a full level 0 tile and a partial
  // level 1 tile of width 1."
  EXPECT_EQ(PartialTiles(256), (std::vector<TileId>{{1, 0, 1}}));
  EXPECT_TRUE(PartialTiles(0).empty());
}

TEST(TileTest, TilesChangedFromEmptyAreEveryTile) {
  const auto ids = TilesChangedBetween(0, 70000);
  ASSERT_EQ(ids.size(), 274u + 2u + 1u);
  EXPECT_EQ(ids.front(), (TileId{0, 0, 256}));
  EXPECT_EQ(ids[272], (TileId{0, 272, 256}));
  EXPECT_EQ(ids[273], (TileId{0, 273, 112}));
  EXPECT_EQ(ids[274], (TileId{1, 0, 256}));
  EXPECT_EQ(ids[275], (TileId{1, 1, 17}));
  EXPECT_EQ(ids[276], (TileId{2, 0, 1}));
}

TEST(TileTest, TilesChangedByOneLeaf) {
  EXPECT_EQ(TilesChangedBetween(70000, 70001), (std::vector<TileId>{{0, 273, 113}}));
  EXPECT_EQ(TilesChangedBetween(255, 256), (std::vector<TileId>{{0, 0, 256}, {1, 0, 1}}));
  EXPECT_EQ(TilesChangedBetween(256, 257), (std::vector<TileId>{{0, 1, 1}}));
  EXPECT_TRUE(TilesChangedBetween(70000, 70000).empty());
}

TEST(TileTest, StoredHashCountOfTopLevelsOfAFullTree) {
  EXPECT_EQ(StoredHashCount(7, UINT64_MAX), 255u);
  EXPECT_EQ(StoredHashCount(8, UINT64_MAX), 0u);
  EXPECT_EQ(PartialTiles(UINT64_MAX).size(), 8u);
}

}  // namespace
}  // namespace lcproc::ledger
