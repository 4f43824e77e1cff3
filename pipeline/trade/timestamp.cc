#include "pipeline/trade/timestamp.h"

#include <cstdio>

#include "pipeline/trade/date.h"

namespace lcproc::trade {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

Result<int64_t> ParseUtcTimestampMillis(std::string_view s) {
  const std::string quoted = "timestamp '" + std::string(s) + "'";
  int h, mi, sec, frac = 0;
  if (s.size() < 20 || s[10] != 'T' || !Digits(s, 11, 2, h) || s[13] != ':' ||
      !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, sec)) {
    return InvalidArgument(quoted + " is not YYYY-MM-DDTHH:MM:SS[.fff]Z (RFC 3339, UTC)");
  }
  auto date = Date::ParseIso(s.substr(0, 10));
  if (!date.ok()) return date.status().WithContext(quoted);
  size_t pos = 19;
  if (s[pos] == '.') {
    if (!Digits(s, pos + 1, 3, frac)) return InvalidArgument(quoted + ": need 3 fraction digits");
    pos += 4;
  }
  if (pos + 1 != s.size() || s[pos] != 'Z') return InvalidArgument(quoted + " must end in Z (UTC)");
  if (h > 23 || mi > 59 || sec > 59) return InvalidArgument(quoted + ": time of day out of range");
  return int64_t{date->days()} * kMillisPerDay + ((h * 60 + mi) * 60 + sec) * int64_t{1000} + frac;
}

std::string FormatUtcTimestampMillis(int64_t millis) {
  int64_t days = millis / kMillisPerDay, rem = millis % kMillisPerDay;
  if (rem < 0) {
    rem += kMillisPerDay;
    --days;
  }
  const Date date = Date::FromDays(static_cast<int32_t>(days));
  char time[24];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02d.%03dZ", static_cast<int>(rem / 3'600'000),
                static_cast<int>(rem / 60'000 % 60), static_cast<int>(rem / 1000 % 60),
                static_cast<int>(rem % 1000));
  return date.ToIso() + time;
}

}  // namespace lcproc::trade
