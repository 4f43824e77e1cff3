#include "pipeline/trade/calendar.h"

#include <gtest/gtest.h>

namespace lcproc::trade {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

constexpr char kTarget[] =
    "# TARGET2 closing days\n"
    "name TARGET2\n"
    "weekend sat sun\n"
    "\n"
    "holiday 2026-12-25 Christmas Day\n"
    "holiday 2026-12-26 Boxing Day\n"
    "holiday 2027-01-01 New Year's Day\r\n";

TEST(CalendarTest, ParsesTheDocumentedFormat) {
  auto cal = BankingCalendar::Parse(kTarget);
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->name(), "TARGET2");
  ASSERT_EQ(cal->holidays().size(), 3u);
  EXPECT_EQ(cal->holidays()[0].name, "Christmas Day");
  EXPECT_TRUE(cal->IsHoliday(D("2026-12-25")));
  EXPECT_FALSE(cal->IsBankingDay(D("2026-12-25")));
  EXPECT_FALSE(cal->IsBankingDay(D("2026-11-28")));  // Saturday
  EXPECT_TRUE(cal->IsBankingDay(D("2026-11-27")));   // Friday
}

TEST(CalendarTest, RefusesBadLinesWithTheirNumber) {
  auto bad_day = BankingCalendar::Parse("weekend sat sunday\n");
  ASSERT_FALSE(bad_day.ok());
  EXPECT_EQ(bad_day.status().code(), StatusCode::kMalformed);
  EXPECT_NE(bad_day.status().message().find("line 1"), std::string::npos);
  auto bad_date = BankingCalendar::Parse("# x\nholiday 2026-02-30 Nope\n");
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(BankingCalendar::Parse("closed 2026-12-25\n").ok());
  EXPECT_FALSE(BankingCalendar::Parse("weekend mon tue wed thu fri sat sun\n").ok());
}

TEST(CalendarTest, FridaySaturdayWeekend) {
  auto cal = BankingCalendar::Parse("weekend fri sat\n");
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(cal->IsBankingDay(D("2026-11-27")));  // Friday
  EXPECT_TRUE(cal->IsBankingDay(D("2026-11-29")));   // Sunday
  EXPECT_EQ(cal->NextBankingDay(D("2026-11-26")), D("2026-11-29"));
}

TEST(CalendarTest, OnOrNextBankingDaySkipsWeekendsAndHolidays) {
  auto cal = *BankingCalendar::Parse(kTarget);
  EXPECT_EQ(cal.OnOrNextBankingDay(D("2026-11-27")), D("2026-11-27"));
  EXPECT_EQ(cal.OnOrNextBankingDay(D("2026-11-28")), D("2026-11-30"));
  // Christmas Friday, Boxing Day Saturday, then Sunday: open again on Monday the 28th.
  EXPECT_EQ(cal.OnOrNextBankingDay(D("2026-12-25")), D("2026-12-28"));
  EXPECT_EQ(cal.NextBankingDay(D("2026-12-24")), D("2026-12-28"));
}

TEST(CalendarTest, AddBankingDaysCountsDaysFollowing) {
  auto cal = *BankingCalendar::Parse(kTarget);
  // Art. 14(b): five banking days following a Monday presentation end on Monday.
  EXPECT_EQ(cal.AddBankingDays(D("2026-11-23"), 5), D("2026-11-30"));
  // Presented on a Saturday: Monday is the first banking day following.
  EXPECT_EQ(cal.AddBankingDays(D("2026-11-28"), 1), D("2026-11-30"));
  // Across Christmas and New Year: Dec 22 (Tue) -> 23, 24, 28, 29, 30.
  EXPECT_EQ(cal.AddBankingDays(D("2026-12-22"), 5), D("2026-12-30"));
  EXPECT_EQ(cal.AddBankingDays(D("2026-12-29"), 3), D("2027-01-04"));
  EXPECT_EQ(cal.AddBankingDays(D("2026-12-29"), 0), D("2026-12-29"));
}

TEST(CalendarTest, BankingDaysUntilCountsTimeLeftBeforeADeadline) {
  auto cal = *BankingCalendar::Parse(kTarget);
  // Presented Tue Dec 22: the 14(b) deadline is Wed Dec 30 (see above).
  const Date deadline = cal.AddBankingDays(D("2026-12-22"), 5);
  EXPECT_EQ(cal.BankingDaysUntil(D("2026-12-22"), deadline), 5);
  // On Christmas Eve 28, 29 and 30 are left; on the 29th only the deadline day itself.
  EXPECT_EQ(cal.BankingDaysUntil(D("2026-12-24"), deadline), 3);
  EXPECT_EQ(cal.BankingDaysUntil(D("2026-12-29"), deadline), 1);
  EXPECT_EQ(cal.BankingDaysUntil(deadline, deadline), 0);
  // Overdue: past the deadline by the banking days 31 Dec and 4 Jan (1 Jan is closed).
  EXPECT_EQ(cal.BankingDaysUntil(D("2027-01-04"), deadline), -2);
}

TEST(CalendarTest, DefaultIsSaturdaySundayWithoutHolidays) {
  BankingCalendar cal;
  EXPECT_TRUE(cal.IsBankingDay(D("2026-12-25")));
  EXPECT_FALSE(cal.IsBankingDay(D("2026-12-27")));
}

}  // namespace
}  // namespace lcproc::trade
