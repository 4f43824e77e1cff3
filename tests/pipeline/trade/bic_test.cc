#include "pipeline/trade/bic.h"

#include <gtest/gtest.h>

namespace lcproc::trade {
namespace {

TEST(BicTest, ParsesEightCharacterForm) {
  auto bic = Bic::Parse("DEUTDEFF");
  ASSERT_TRUE(bic.ok()) << bic.status().ToString();
  EXPECT_EQ(bic->str(), "DEUTDEFF");
  EXPECT_EQ(bic->institution(), "DEUT");
  EXPECT_EQ(bic->country().code(), "DE");
  EXPECT_EQ(bic->location(), "FF");
  EXPECT_EQ(bic->branch(), "XXX");
  EXPECT_EQ(bic->normalized(), "DEUTDEFFXXX");
}

TEST(BicTest, ParsesElevenCharacterFormWithBranch) {
  auto bic = Bic::Parse("DEUTDEFF500");
  ASSERT_TRUE(bic.ok());
  EXPECT_EQ(bic->branch(), "500");
  EXPECT_EQ(bic->str(), "DEUTDEFF500");
  auto boc = Bic::Parse("BKCHCNBJ300");
  ASSERT_TRUE(boc.ok());
  EXPECT_EQ(boc->country().code(), "CN");
}

TEST(BicTest, EightCharactersEqualTheirXxxForm) {
  EXPECT_EQ(*Bic::Parse("DEUTDEFF"), *Bic::Parse("DEUTDEFFXXX"));
  EXPECT_FALSE(*Bic::Parse("DEUTDEFF") == *Bic::Parse("DEUTDEFF500"));
  EXPECT_FALSE(*Bic::Parse("DEUTDEFF") == *Bic::Parse("DEUTDEMM"));
  EXPECT_FALSE(Bic() == *Bic::Parse("DEUTDEFF"));
}

TEST(BicTest, RefusesMalformed) {
  for (const char* bad : {"", "DEUTDEF", "DEUTDEFF5", "DEUTDEFF50", "DEUTDEFF5000", "deutdeff",
                          "DEU1DEFF", "DEUTXXFF", "DEUTUKFF", "DEUTDEF-", "DEUTDEFF50_"}) {
    EXPECT_FALSE(Bic::Parse(bad).ok()) << bad;
  }
}

TEST(BicTest, AcceptsKosovoAsSwiftDoes) { EXPECT_TRUE(Bic::Parse("RBKOXKPR").ok()); }

TEST(BicTest, LocationMayContainDigits) {
  // Location "2L" and "0" rules (test BICs, passive participants) are syntactically valid.
  EXPECT_TRUE(Bic::Parse("CHASUS33").ok());
  EXPECT_TRUE(Bic::Parse("ABCDGB2L").ok());
}

}  // namespace
}  // namespace lcproc::trade
