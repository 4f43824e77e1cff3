#include "pipeline/trade/date.h"

#include <gtest/gtest.h>

namespace lcproc::trade {
namespace {

TEST(DateTest, EpochAndKnownDayNumbers) {
  EXPECT_EQ(Date::ParseIso("1970-01-01")->days(), 0);
  EXPECT_EQ(Date::ParseIso("2000-03-01")->days(), 11017);
  // 2026-11-24 is 20,781 days after the epoch (date -d 2026-11-24 +%s / 86400).
  EXPECT_EQ(Date::ParseIso("2026-11-24")->days(), 20781);
  EXPECT_EQ(Date::FromDays(20781).ToIso(), "2026-11-24");
}

TEST(DateTest, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(Date::ParseIso("2024-02-29").ok());
  EXPECT_TRUE(Date::ParseIso("2000-02-29").ok());   // divisible by 400
  EXPECT_FALSE(Date::ParseIso("1900-02-29").ok());  // divisible by 100, not 400
  EXPECT_FALSE(Date::ParseIso("2100-02-29").ok());
  EXPECT_FALSE(Date::ParseIso("2026-02-29").ok());
  EXPECT_EQ(Date::ParseIso("2024-02-28")->AddDays(1).ToIso(), "2024-02-29");
  EXPECT_EQ(Date::ParseIso("2024-02-29")->AddDays(1).ToIso(), "2024-03-01");
  EXPECT_EQ(Date::ParseIso("2024-02-10")->EndOfMonth().ToIso(), "2024-02-29");
  EXPECT_EQ(Date::ParseIso("2026-02-10")->EndOfMonth().ToIso(), "2026-02-28");
}

TEST(DateTest, RefusesMalformedIso) {
  for (const char* bad :
       {"", "2026-1-24", "2026/11/24", "26-11-24", "2026-11-24T00:00", "2026-13-01", "2026-00-10",
        "2026-04-31", "2026-11-00", "1899-12-31", "2200-01-01", "20261124"}) {
    EXPECT_FALSE(Date::ParseIso(bad).ok()) << bad;
  }
}

TEST(DateTest, SwiftYymmddWithFixedPivot) {
  EXPECT_EQ(Date::ParseSwift("261124")->ToIso(), "2026-11-24");
  EXPECT_EQ(Date::ParseSwift("000229")->ToIso(), "2000-02-29");
  EXPECT_EQ(Date::ParseSwift("791231")->ToIso(), "2079-12-31");  // last year of 20YY
  EXPECT_EQ(Date::ParseSwift("800101")->ToIso(), "1980-01-01");  // first year of 19YY
  EXPECT_EQ(Date::ParseSwift("991231")->ToIso(), "1999-12-31");
  EXPECT_FALSE(Date::ParseSwift("260229").ok());
  EXPECT_FALSE(Date::ParseSwift("2611240").ok());
  EXPECT_FALSE(Date::ParseSwift("26112A").ok());
  EXPECT_EQ(Date::ParseIso("2026-11-24")->ToSwift(), "261124");
  EXPECT_EQ(Date::ParseIso("1999-01-05")->ToSwift(), "990105");
}

TEST(DateTest, WeekdaysAndComponents) {
  EXPECT_EQ(Date::ParseIso("1970-01-01")->weekday(), Weekday::kThursday);
  EXPECT_EQ(Date::ParseIso("2026-11-24")->weekday(), Weekday::kTuesday);
  EXPECT_EQ(Date::ParseIso("2026-11-29")->weekday(), Weekday::kSunday);
  EXPECT_EQ(Date::ParseIso("1969-12-31")->weekday(), Weekday::kWednesday);
  Date d = *Date::ParseIso("2026-11-24");
  EXPECT_EQ(d.year(), 2026);
  EXPECT_EQ(d.month(), 11);
  EXPECT_EQ(d.day(), 24);
}

TEST(DateTest, ArithmeticAndOrdering) {
  Date a = *Date::ParseIso("2026-12-31");
  EXPECT_EQ(a.AddDays(1).ToIso(), "2027-01-01");
  EXPECT_EQ(a.AddDays(-365).ToIso(), "2025-12-31");
  EXPECT_EQ(Date::ParseIso("2026-10-20")->DaysUntil(*Date::ParseIso("2026-11-10")), 21);
  EXPECT_LT(*Date::ParseIso("2026-10-20"), *Date::ParseIso("2026-10-21"));
  EXPECT_EQ(*Date::ParseIso("2026-10-20"), Date::ParseIso("2026-10-19")->AddDays(1));
}

TEST(DateTest, RoundTripsEveryDayOfFourCenturies) {
  for (int32_t d = Date::ParseIso("1900-01-01")->days(); d <= Date::ParseIso("2199-12-31")->days();
       d += 1) {
    Date date = Date::FromDays(d);
    auto back = Date::ParseIso(date.ToIso());
    ASSERT_TRUE(back.ok()) << date.ToIso();
    ASSERT_EQ(back->days(), d);
  }
}

}  // namespace
}  // namespace lcproc::trade
