// Fuzzes the banking calendar parser (trade/calendar.h): any bytes must parse or fail with
// a Status; a parsed calendar written back in the same text format parses to the same
// name, weekend and holidays, and its banking-day arithmetic terminates.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/trade/calendar.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using lcproc::trade::BankingCalendar;
using lcproc::trade::Date;

constexpr const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// The calendar has no writer of its own (files are written by people): the format of
// calendar.h, from what the calendar exposes. 2024-01-01 was a Monday.
std::string Write(const BankingCalendar& c) {
  std::string out;
  if (!c.name().empty()) out += "name " + c.name() + "\n";
  out += "weekend";
  Date monday = Date::ParseIso("2024-01-01").value();
  for (int i = 0; i < 7; ++i) {
    if (c.IsWeekend(monday.AddDays(i))) out += std::string(" ") + kDayNames[i];
  }
  out += "\n";
  for (const BankingCalendar::Holiday& h : c.holidays()) {
    out += "holiday " + h.date.ToIso() + (h.name.empty() ? "" : " " + h.name) + "\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto calendar = BankingCalendar::Parse(text);
  if (!calendar.ok()) return 0;
  std::string written = Write(*calendar);
  auto again = BankingCalendar::Parse(written);
  FUZZ_CHECK(again.ok(), again.status().ToString() + " for " + written);
  FUZZ_CHECK(Write(*again) == written, written);
  FUZZ_CHECK(again->name() == calendar->name(), written);
  FUZZ_CHECK(again->holidays().size() == calendar->holidays().size(), written);
  for (size_t i = 0; i < calendar->holidays().size(); ++i) {
    FUZZ_CHECK(again->holidays()[i].date == calendar->holidays()[i].date &&
                   again->holidays()[i].name == calendar->holidays()[i].name,
               written);
  }
  // Art. 14(b) arithmetic around the first holiday must end (a weekend of 7 days is refused).
  Date start = calendar->holidays().empty() ? Date::ParseIso("2026-01-01").value()
                                            : calendar->holidays().front().date;
  Date after = calendar->AddBankingDays(start, 5);
  FUZZ_CHECK(calendar->IsBankingDay(after) && start < after, written);
  return 0;
}
