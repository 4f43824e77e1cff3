// BankingCalendar: the days on which banks at one place are open, for UCP 600 art. 29(a)
// (expiry and last day for presentation extended past a closing day), art. 14(b) (five
// banking days to examine) and art. 33.
//
// A banking day is a day that is neither a weekend day nor a listed holiday. The text
// format read by Parse, one directive a line:
//
//   # TARGET2 closing days 2026           (comment; blank lines are ignored)
//   name TARGET2                          (optional, for messages)
//   weekend sat sun                       (weekday names mon..sun; default sat sun)
//   holiday 2026-12-25 Christmas Day      (ISO date, then an optional description)
//
// Immutable after construction; safe to share between threads. The caller reads the
// file; this class never touches the file system.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/date.h"

namespace lcproc::trade {

class BankingCalendar {
 public:
  struct Holiday {
    Date date;
    std::string name;
  };

  // Saturday and Sunday closed, no holidays.
  BankingCalendar();
  // REQUIRES: fewer than 7 weekend days (asserted; Parse refuses it).
  BankingCalendar(std::string name, std::vector<Weekday> weekend, std::vector<Holiday> holidays);

  // Malformed with the line number for a bad line; InvalidArgument when every day of the
  // week would be a weekend day (no banking day would exist).
  static Result<BankingCalendar> Parse(std::string_view text);

  const std::string& name() const { return name_; }
  const std::vector<Holiday>& holidays() const { return holidays_; }
  bool IsWeekend(Date d) const;
  bool IsHoliday(Date d) const;
  bool IsBankingDay(Date d) const { return !IsWeekend(d) && !IsHoliday(d); }
  // `d` if it is a banking day, else the first following banking day (art. 29(a)).
  Date OnOrNextBankingDay(Date d) const;
  // The first banking day strictly after `d`.
  Date NextBankingDay(Date d) const;
  // The n-th banking day following `d` (d itself not counted): art. 14(b)'s "five banking
  // days following the day of presentation" is AddBankingDays(presented_on, 5).
  // REQUIRES: n >= 0; n == 0 returns d.
  Date AddBankingDays(Date d, int n) const;
  // Banking days left before a deadline: the number of banking days in (from, to], so 0
  // when `to` is `from` or no banking day lies between, and negative (minus the banking
  // days in (to, from]) once the deadline has passed. Art. 14(b) and 16(d) time left on
  // `from` is BankingDaysUntil(from, deadline): 1 means the deadline is the next banking day.
  int BankingDaysUntil(Date from, Date to) const;

 private:
  std::string name_;
  unsigned weekend_mask_ = 0;      // bit (weekday - 1)
  std::vector<Holiday> holidays_;  // sorted by date, unique
};

}  // namespace lcproc::trade
