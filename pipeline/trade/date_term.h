// DateTerm: a date expression of UCP 600 art. 3 as a credit may state a shipment period
// (field 44D): "on or about", "before", "after", "from", "to/until/till", "between",
// "first half", "second half", "beginning", "middle", "end" of a month.
//
// Resolve turns a term into the inclusive range of days it allows, by art. 3:
// - "on or about": five calendar days before until five after, both included;
// - "to", "until", "till", "from", "between" include the dates mentioned (for shipment);
// - "before" and "after" exclude the date mentioned;
// - "first half" 1st–15th, "second half" 16th–last day; "beginning" 1st–10th,
//   "middle" 11th–20th, "end" 21st–last day, all inclusive.
// Text form (ToText/Parse), upper case as SWIFT narrative writes it, ISO dates:
//   "ON 2026-10-15", "ON OR ABOUT 2026-10-15", "BEFORE 2026-10-15", "AFTER 2026-10-15",
//   "FROM 2026-10-15", "UNTIL 2026-10-15", "BETWEEN 2026-10-01 AND 2026-10-15",
//   "FIRST HALF 2026-10", "SECOND HALF 2026-10", "BEGINNING 2026-10", "MIDDLE 2026-10",
//   "END 2026-10".
// Value types; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "pipeline/trade/date.h"

namespace lcproc::trade {

enum class DateTermKind {
  kOn,
  kOnOrAbout,
  kBefore,
  kAfter,
  kFrom,
  kUntil,
  kBetween,
  kFirstHalf,
  kSecondHalf,
  kBeginning,
  kMiddle,
  kEnd,
};

struct DateTerm {
  DateTermKind kind = DateTermKind::kOn;
  // The date mentioned; for month terms any day of the month (conventionally the 1st).
  Date date;
  // kBetween only: the second date.
  std::optional<Date> until;

  std::string ToText() const;
  static Result<DateTerm> Parse(std::string_view text);
  friend bool operator==(const DateTerm&, const DateTerm&) = default;
};

// Inclusive on both ends. Open-ended terms use far-away bounds.
struct DateRange {
  Date first;
  Date last;
  bool Contains(Date d) const { return first <= d && d <= last; }
};

// InvalidArgument for kBetween without `until` or with until < date.
Result<DateRange> Resolve(const DateTerm& term);

}  // namespace lcproc::trade
