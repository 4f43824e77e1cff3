#include "pipeline/trade/goods.h"

#include <gtest/gtest.h>

namespace lcproc::trade {
namespace {

TEST(QuantityTest, ParsesThousandths) {
  EXPECT_EQ(Quantity::Parse("20", "MT")->thousandths, 20000);
  EXPECT_EQ(Quantity::Parse("12.5", "mt")->thousandths, 12500);
  EXPECT_EQ(Quantity::Parse("12.5", "mt")->unit, "MT");
  EXPECT_EQ(Quantity::Parse("0.125", "KG")->thousandths, 125);
  EXPECT_EQ(Quantity::Parse("12.50", "KG")->NumberText(), "12.5");
  EXPECT_EQ(Quantity::Parse("7", "PCS")->NumberText(), "7");
  for (const char* bad : {"", "1.2345", "-1", "1,5", "1.", ".5", "1e3"}) {
    EXPECT_FALSE(Quantity::Parse(bad, "KG").ok()) << bad;
  }
  EXPECT_FALSE(Quantity::Parse("1", "").ok());
}

TEST(QuantityTest, MeasuredUnitsAreNotCounted) {
  for (const char* unit : {"MT", "KG", "kgs", "LBS", "M3", "CBM", "L", "BBL", "M"}) {
    EXPECT_TRUE(IsMeasuredUnit(unit)) << unit;
  }
  for (const char* unit : {"PCS", "CARTONS", "UNITS", "SETS", "BAGS", "CONTAINERS", "PAIRS"}) {
    EXPECT_FALSE(IsMeasuredUnit(unit)) << unit;
  }
}

TEST(IncotermTest, ParsesIncoterms2020) {
  EXPECT_EQ(*ParseIncoterm("CIF"), Incoterm::kCif);
  EXPECT_EQ(*ParseIncoterm("DPU"), Incoterm::kDpu);
  EXPECT_EQ(IncotermName(Incoterm::kCip), "CIP");
  EXPECT_FALSE(ParseIncoterm("DAT").ok());  // replaced by DPU in 2020
  EXPECT_FALSE(ParseIncoterm("").ok());
  EXPECT_TRUE(IncludesInsurance(Incoterm::kCif));
  EXPECT_TRUE(IncludesInsurance(Incoterm::kCip));
  EXPECT_FALSE(IncludesInsurance(Incoterm::kFob));
}

TEST(NormalizeTextTest, UpperCasesAndCollapsesWhiteSpace) {
  EXPECT_EQ(NormalizeText("  Frozen \t shrimp\n grade A "), "FROZEN SHRIMP GRADE A");
  EXPECT_EQ(NormalizeText(""), "");
}

}  // namespace
}  // namespace lcproc::trade
