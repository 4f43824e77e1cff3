#include "pipeline/trade/country.h"

#include <gtest/gtest.h>

#include <string>

namespace lcproc::trade {
namespace {

TEST(CountryTest, AcceptsOfficiallyAssignedCodes) {
  for (const char* code : {"DE", "CN", "US", "GB", "JP", "AX", "BQ", "CW", "SS", "SX", "ZW", "AD",
                           "PS", "TW", "EH", "AQ", "UM"}) {
    auto c = CountryCode::Parse(code);
    ASSERT_TRUE(c.ok()) << code << ": " << c.status().ToString();
    EXPECT_EQ(c->code(), code);
  }
}

TEST(CountryTest, RefusesUserAssignedReservedAndMalformed) {
  // XK, AA, QM..QZ, XA..XZ, ZZ are user-assigned; UK and EU are exceptionally reserved,
  // not assigned; YU and AN were withdrawn.
  for (const char* code :
       {"XK", "AA", "QZ", "ZZ", "UK", "EU", "YU", "AN", "de", "D", "DEU", "", "1A"}) {
    EXPECT_FALSE(CountryCode::Parse(code).ok()) << code;
  }
}

TEST(CountryTest, TableHasExactly249Codes) {
  int assigned = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      assigned += CountryCode::Parse(std::string{a, b}).ok();
    }
  }
  EXPECT_EQ(assigned, 249);
}

TEST(CountryTest, KosovoOnlyForBics) {
  EXPECT_FALSE(CountryCode::Parse("XK").ok());
  auto xk = CountryCode::ParseForBic("XK");
  ASSERT_TRUE(xk.ok());
  EXPECT_EQ(xk->code(), "XK");
  EXPECT_FALSE(CountryCode::ParseForBic("XA").ok());
}

}  // namespace
}  // namespace lcproc::trade
