// Date: a civil (proleptic Gregorian) date without time zone, as UCP 600 and SWIFT use
// dates: stored as days since 1970-01-01.
//
// ISO 8601 "2026-11-24" in JSON, YYMMDD "261124" in SWIFT MT. SWIFT years have two
// digits; the pivot is fixed: YY 00–79 means 2000–2079, YY 80–99 means 1980–1999, so
// ToSwift is only defined for years 1980–2079. Years 1900–2199 are accepted by
// ParseIso. A value type; thread-compatible. A default-constructed Date is 1970-01-01.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace lcproc::trade {

// ISO 8601 numbering: Monday is 1, Sunday is 7.
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // InvalidArgument unless 1900 <= year <= 2199 and the day exists (leap years of the
  // Gregorian calendar: 2000 and 2024 have 29 February, 1900 and 2100 do not).
  static Result<Date> FromCivil(int year, int month, int day);
  // "2026-11-24" exactly (10 characters).
  static Result<Date> ParseIso(std::string_view text);
  // "261124" exactly (6 digits), with the pivot described above.
  static Result<Date> ParseSwift(std::string_view text);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  Weekday weekday() const;
  // The last day of this date's month.
  Date EndOfMonth() const;
  std::string ToIso() const;
  // REQUIRES: 1980 <= year() <= 2079.
  std::string ToSwift() const;

  Date AddDays(int32_t n) const { return Date(days_ + n); }
  // later - this, in calendar days.
  int32_t DaysUntil(Date later) const { return later.days_ - days_; }

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

}  // namespace lcproc::trade
