#include "pipeline/trade/currency.h"

#include <gtest/gtest.h>

namespace lcproc::trade {
namespace {

struct Known {
  const char* code;
  int minor_units;
};

// Minor units from ISO 4217 List One.
class CurrencyKnownTest : public ::testing::TestWithParam<Known> {};

TEST_P(CurrencyKnownTest, ParsesWithIsoMinorUnits) {
  auto c = CurrencyCode::Parse(GetParam().code);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->code(), GetParam().code);
  EXPECT_EQ(c->minor_units(), GetParam().minor_units);
}

INSTANTIATE_TEST_SUITE_P(Iso4217, CurrencyKnownTest,
                         ::testing::Values(Known{"USD", 2}, Known{"EUR", 2}, Known{"JPY", 0},
                                           Known{"KRW", 0}, Known{"KWD", 3}, Known{"BHD", 3},
                                           Known{"OMR", 3}, Known{"TND", 3}, Known{"CLF", 4},
                                           Known{"UYW", 4}, Known{"CNY", 2}, Known{"ISK", 0},
                                           Known{"XOF", 0}, Known{"VES", 2}, Known{"ZWG", 2}));

TEST(CurrencyTest, RefusesUnknownAndMalformedCodes) {
  for (const char* bad : {"", "US", "USDX", "usd", "Usd", "XYZ", "AAA", "XAU", "XDR", "XTS", "XXX",
                          "HRK", "DEM", "US1"}) {
    auto c = CurrencyCode::Parse(bad);
    EXPECT_FALSE(c.ok()) << bad;
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument) << bad;
    }
  }
}

TEST(CurrencyTest, DefaultIsEmptyAndComparesByCode) {
  CurrencyCode empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.code(), "");
  EXPECT_EQ(*CurrencyCode::Parse("USD"), *CurrencyCode::Parse("USD"));
  EXPECT_FALSE(*CurrencyCode::Parse("USD") == *CurrencyCode::Parse("EUR"));
  EXPECT_FALSE(empty == *CurrencyCode::Parse("USD"));
}

}  // namespace
}  // namespace lcproc::trade
