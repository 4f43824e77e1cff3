#include "pipeline/trade/date.h"

#include <cassert>
#include <cstdio>

namespace lcproc::trade {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain,
// http://howardhinnant.github.io/date_algorithms.html), exact for the Gregorian calendar.
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int year, month, day;
};

Civil CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

Result<Date> Date::FromCivil(int year, int month, int day) {
  if (year < 1900 || year > 2199) {
    return InvalidArgument("year " + std::to_string(year) + " outside 1900-2199");
  }
  if (month < 1 || month > 12)
    return InvalidArgument("month " + std::to_string(month) + " invalid");
  if (day < 1 || day > DaysInMonth(year, month)) {
    return InvalidArgument("day " + std::to_string(day) + " does not exist in " +
                           std::to_string(year) + "-" + std::to_string(month));
  }
  return Date(DaysFromCivil(year, month, day));
}

Result<Date> Date::ParseIso(std::string_view text) {
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text.substr(0, 4), y) ||
      !ParseDigits(text.substr(5, 2), m) || !ParseDigits(text.substr(8, 2), d)) {
    return InvalidArgument("date '" + std::string(text) + "' is not YYYY-MM-DD (ISO 8601)");
  }
  auto date = FromCivil(y, m, d);
  if (!date.ok()) return date.status().WithContext("date '" + std::string(text) + "'");
  return date;
}

Result<Date> Date::ParseSwift(std::string_view text) {
  int yy, m, d;
  if (text.size() != 6 || !ParseDigits(text.substr(0, 2), yy) ||
      !ParseDigits(text.substr(2, 2), m) || !ParseDigits(text.substr(4, 2), d)) {
    return InvalidArgument("date '" + std::string(text) + "' is not YYMMDD (SWIFT)");
  }
  const int year = yy < 80 ? 2000 + yy : 1900 + yy;
  auto date = FromCivil(year, m, d);
  if (!date.ok()) return date.status().WithContext("date '" + std::string(text) + "'");
  return date;
}

int Date::year() const { return CivilFromDays(days_).year; }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  int w = ((days_ % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<Weekday>(w + 1);
}

Date Date::EndOfMonth() const {
  Civil c = CivilFromDays(days_);
  return Date(DaysFromCivil(c.year, c.month, DaysInMonth(c.year, c.month)));
}

std::string Date::ToIso() const {
  Civil c = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

std::string Date::ToSwift() const {
  Civil c = CivilFromDays(days_);
  assert(c.year >= 1980 && c.year <= 2079);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d%02d%02d", c.year % 100, c.month, c.day);
  return buf;
}

}  // namespace lcproc::trade
