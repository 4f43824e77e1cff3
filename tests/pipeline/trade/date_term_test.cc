#include "pipeline/trade/date_term.h"

#include <gtest/gtest.h>

namespace lcproc::trade {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

struct TermCase {
  const char* text;
  const char* inside;   // a day the term allows (boundary)
  const char* outside;  // the day just beyond it
};

// UCP 600 art. 3, each term's boundary day in and the next day out.
class DateTermTest : public ::testing::TestWithParam<TermCase> {};

TEST_P(DateTermTest, AllowsItsBoundaryAndNotBeyond) {
  auto term = DateTerm::Parse(GetParam().text);
  ASSERT_TRUE(term.ok()) << term.status().ToString();
  EXPECT_EQ(term->ToText(), GetParam().text);
  auto range = Resolve(*term);
  ASSERT_TRUE(range.ok());
  EXPECT_TRUE(range->Contains(D(GetParam().inside))) << GetParam().text;
  EXPECT_FALSE(range->Contains(D(GetParam().outside))) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Article3, DateTermTest,
    ::testing::Values(TermCase{"ON 2026-10-15", "2026-10-15", "2026-10-16"},
                      // "on or about": five calendar days before until five after, both included.
                      TermCase{"ON OR ABOUT 2026-10-15", "2026-10-20", "2026-10-21"},
                      TermCase{"ON OR ABOUT 2026-10-15", "2026-10-10", "2026-10-09"},
                      // "before" and "after" exclude the date mentioned.
                      TermCase{"BEFORE 2026-10-15", "2026-10-14", "2026-10-15"},
                      TermCase{"AFTER 2026-10-15", "2026-10-16", "2026-10-15"},
                      // "from", "until", "between" include it (for shipment).
                      TermCase{"FROM 2026-10-15", "2026-10-15", "2026-10-14"},
                      TermCase{"UNTIL 2026-10-15", "2026-10-15", "2026-10-16"},
                      TermCase{"BETWEEN 2026-10-01 AND 2026-10-15", "2026-10-01", "2026-09-30"},
                      TermCase{"BETWEEN 2026-10-01 AND 2026-10-15", "2026-10-15", "2026-10-16"},
                      // Halves: 1st-15th, 16th-last.
                      TermCase{"FIRST HALF 2026-10", "2026-10-15", "2026-10-16"},
                      TermCase{"SECOND HALF 2026-10", "2026-10-16", "2026-10-15"},
                      TermCase{"SECOND HALF 2026-02", "2026-02-28", "2026-03-01"},
                      // Beginning 1-10, middle 11-20, end 21-last.
                      TermCase{"BEGINNING 2026-10", "2026-10-10", "2026-10-11"},
                      TermCase{"MIDDLE 2026-10", "2026-10-11", "2026-10-10"},
                      TermCase{"MIDDLE 2026-10", "2026-10-20", "2026-10-21"},
                      TermCase{"END 2026-10", "2026-10-21", "2026-10-20"},
                      TermCase{"END 2024-02", "2024-02-29", "2024-03-01"}));

TEST(DateTermParseTest, RefusesUnknownOrMalformed) {
  for (const char* bad :
       {"", "SOMETIME 2026-10-15", "ON 2026-10-32", "FIRST HALF 2026-10-01", "BETWEEN 2026-10-01",
        "BETWEEN 2026-10-01 TO 2026-10-05", "ON 2026-10-15X"}) {
    EXPECT_FALSE(DateTerm::Parse(bad).ok()) << bad;
  }
  DateTerm backwards{DateTermKind::kBetween, D("2026-10-15"), D("2026-10-01")};
  EXPECT_FALSE(Resolve(backwards).ok());
}

}  // namespace
}  // namespace lcproc::trade
