#include "pipeline/trade/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace lcproc::trade {
namespace {

CurrencyCode C(const char* code) { return *CurrencyCode::Parse(code); }

TEST(MoneyTest, ParsesExactDecimalsUpToMinorUnits) {
  EXPECT_EQ(Money::Parse(C("USD"), "1234.56")->minor, 123456);
  EXPECT_EQ(Money::Parse(C("USD"), "1234.5")->minor, 123450);
  EXPECT_EQ(Money::Parse(C("USD"), "1234")->minor, 123400);
  EXPECT_EQ(Money::Parse(C("USD"), "0.01")->minor, 1);
  EXPECT_EQ(Money::Parse(C("JPY"), "1000")->minor, 1000);
  EXPECT_EQ(Money::Parse(C("KWD"), "1.5")->minor, 1500);
  EXPECT_EQ(Money::Parse(C("KWD"), "0.125")->minor, 125);
  EXPECT_EQ(Money::Parse(C("CLF"), "1.2345")->minor, 12345);
}

TEST(MoneyTest, RefusesMoreDecimalsThanTheCurrencyHas) {
  EXPECT_FALSE(Money::Parse(C("USD"), "1.001").ok());
  EXPECT_FALSE(Money::Parse(C("JPY"), "1000.5").ok());
  EXPECT_FALSE(Money::Parse(C("KWD"), "1.0001").ok());
}

TEST(MoneyTest, RefusesNonPlainNumbers) {
  for (const char* bad :
       {"", "-1", "+1", "1,234.56", "1e3", ".5", "5.", " 5", "5 ", "1.2.3", "NaN"}) {
    EXPECT_FALSE(Money::Parse(C("USD"), bad).ok()) << bad;
  }
  EXPECT_FALSE(Money::Parse(CurrencyCode(), "1").ok());
}

TEST(MoneyTest, RefusesOverflow) {
  EXPECT_TRUE(Money::Parse(C("JPY"), "9223372036854775807").ok());
  EXPECT_FALSE(Money::Parse(C("JPY"), "9223372036854775808").ok());
  EXPECT_TRUE(Money::Parse(C("USD"), "92233720368547758.07").ok());
  EXPECT_FALSE(Money::Parse(C("USD"), "92233720368547758.08").ok());
  EXPECT_FALSE(Money::Parse(C("USD"), "99999999999999999999999").ok());
}

TEST(MoneyTest, FormatsWithExactlyTheMinorDigits) {
  EXPECT_EQ(Money::Parse(C("USD"), "1234.5")->ToString(), "1234.50");
  EXPECT_EQ(Money::Parse(C("USD"), "0.05")->ToString(), "0.05");
  EXPECT_EQ(Money::Parse(C("JPY"), "1000")->ToString(), "1000");
  EXPECT_EQ(Money::Parse(C("KWD"), "7")->ToString(), "7.000");
  EXPECT_EQ((Money{C("USD"), -1205}).ToString(), "-12.05");
  EXPECT_EQ((Money{C("USD"), std::numeric_limits<int64_t>::min()}).ToString(),
            "-92233720368547758.08");
  EXPECT_EQ(Money::Parse(C("USD"), "1234.56")->ToDisplay(), "USD 1234.56");
}

TEST(MoneyTest, SwiftFormUsesADecimalComma) {
  EXPECT_EQ(Money::ParseSwift(C("USD"), "1234,56")->minor, 123456);
  EXPECT_EQ(Money::ParseSwift(C("USD"), "1234,")->minor, 123400);
  EXPECT_EQ(Money::ParseSwift(C("JPY"), "1000,")->minor, 1000);
  EXPECT_FALSE(Money::ParseSwift(C("USD"), "1234").ok());  // comma mandatory
  EXPECT_FALSE(Money::ParseSwift(C("USD"), "1234.56").ok());
  EXPECT_FALSE(Money::ParseSwift(C("USD"), "1234567890123,45").ok());  // 16 characters
  EXPECT_EQ(Money::Parse(C("USD"), "1234.5")->ToSwift(), "1234,50");
  EXPECT_EQ(Money::Parse(C("JPY"), "1000")->ToSwift(), "1000,");
  auto round = Money::ParseSwift(C("KWD"), Money::Parse(C("KWD"), "12.345")->ToSwift());
  EXPECT_EQ(round->minor, 12345);
}

TEST(MoneyTest, AddAndSubtractCheckCurrencyAndOverflow) {
  Money a = *Money::Parse(C("USD"), "10.50");
  Money b = *Money::Parse(C("USD"), "0.75");
  EXPECT_EQ(a.Add(b)->minor, 1125);
  EXPECT_EQ(a.Subtract(b)->minor, 975);
  EXPECT_EQ(b.Subtract(a)->minor, -975);
  EXPECT_FALSE(a.Add(*Money::Parse(C("EUR"), "1")).ok());
  EXPECT_FALSE(a.Subtract(*Money::Parse(C("EUR"), "1")).ok());
  Money max{C("JPY"), std::numeric_limits<int64_t>::max()};
  EXPECT_FALSE(max.Add(Money{C("JPY"), 1}).ok());
  Money min{C("JPY"), std::numeric_limits<int64_t>::min()};
  EXPECT_FALSE(min.Subtract(Money{C("JPY"), 1}).ok());
}

TEST(MoneyTest, PercentRoundsAsAsked) {
  Money m = *Money::Parse(C("USD"), "100.01");  // 10001 cents
  // 110% = 11001.1 cents: a minimum (insurance) rounds up, a maximum rounds down.
  EXPECT_EQ(m.Percent(110, Rounding::kUp)->minor, 11002);
  EXPECT_EQ(m.Percent(110, Rounding::kDown)->minor, 11001);
  // 95% = 9500.95 cents.
  EXPECT_EQ(m.Percent(95, Rounding::kUp)->minor, 9501);
  EXPECT_EQ(m.Percent(95, Rounding::kDown)->minor, 9500);
  // Exact results are not moved by either rounding.
  Money even = *Money::Parse(C("USD"), "100000.00");
  EXPECT_EQ(even.Percent(105, Rounding::kDown)->minor, 10500000);
  EXPECT_EQ(even.Percent(105, Rounding::kUp)->minor, 10500000);
  // JPY has no minor units: 110% of JPY 1,001 is 1,101.1, so 1,102 as a minimum.
  EXPECT_EQ((Money{C("JPY"), 1001}).Percent(110, Rounding::kUp)->minor, 1102);
  // Negative amounts: kDown is toward negative infinity.
  EXPECT_EQ((Money{C("USD"), -5}).Scale(1, 2, Rounding::kDown)->minor, -3);
  EXPECT_EQ((Money{C("USD"), -5}).Scale(1, 2, Rounding::kUp)->minor, -2);
}

TEST(MoneyTest, ScaleUses128BitIntermediatesAndReportsOverflow) {
  Money big{C("JPY"), std::numeric_limits<int64_t>::max() / 2};
  EXPECT_TRUE(big.Percent(100, Rounding::kDown).ok());  // product exceeds int64, result fits
  EXPECT_FALSE(big.Percent(300, Rounding::kDown).ok());
}

}  // namespace
}  // namespace lcproc::trade
