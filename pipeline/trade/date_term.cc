#include "pipeline/trade/date_term.h"

#include <iterator>
#include <utility>

namespace lcproc::trade {
namespace {

constexpr Date kDistantPast = Date::FromDays(-25567);   // 1900-01-01
constexpr Date kDistantFuture = Date::FromDays(84006);  // 2199-12-31

struct KindName {
  DateTermKind kind;
  std::string_view text;
  bool month;  // the term names a month, not a day
};

// Longest prefixes first so "ON OR ABOUT" is not read as "ON".
constexpr KindName kKinds[] = {
    {DateTermKind::kOnOrAbout, "ON OR ABOUT", false},
    {DateTermKind::kOn, "ON", false},
    {DateTermKind::kBefore, "BEFORE", false},
    {DateTermKind::kAfter, "AFTER", false},
    {DateTermKind::kFrom, "FROM", false},
    {DateTermKind::kUntil, "UNTIL", false},
    {DateTermKind::kBetween, "BETWEEN", false},
    {DateTermKind::kFirstHalf, "FIRST HALF", true},
    {DateTermKind::kSecondHalf, "SECOND HALF", true},
    {DateTermKind::kBeginning, "BEGINNING", true},
    {DateTermKind::kMiddle, "MIDDLE", true},
    {DateTermKind::kEnd, "END", true},
};

const KindName& Find(DateTermKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[0];
}

Date DayOfMonth(Date d, int day) { return d.AddDays(day - d.day()); }

}  // namespace

std::string DateTerm::ToText() const {
  const KindName& k = Find(kind);
  std::string out(k.text);
  out += ' ';
  out += k.month ? date.ToIso().substr(0, 7) : date.ToIso();
  if (kind == DateTermKind::kBetween && until) out += " AND " + until->ToIso();
  return out;
}

Result<DateTerm> DateTerm::Parse(std::string_view text) {
  for (const auto& k : kKinds) {
    if (text.size() <= k.text.size() + 1 || text.substr(0, k.text.size()) != k.text ||
        text[k.text.size()] != ' ') {
      continue;
    }
    std::string_view rest = text.substr(k.text.size() + 1);
    DateTerm term;
    term.kind = k.kind;
    if (k.month) {
      auto d = Date::ParseIso(std::string(rest) + "-01");
      if (!d.ok() || rest.size() != 7) {
        return InvalidArgument("date term '" + std::string(text) + "': expected YYYY-MM");
      }
      term.date = *d;
      return term;
    }
    std::string_view first = rest.substr(0, 10);
    LCPROC_ASSIGN_OR_RETURN(term.date, Date::ParseIso(first));
    rest.remove_prefix(first.size());
    if (k.kind == DateTermKind::kBetween) {
      if (rest.substr(0, 5) != " AND ") {
        return InvalidArgument("date term '" + std::string(text) + "': BETWEEN needs AND");
      }
      LCPROC_ASSIGN_OR_RETURN(Date until, Date::ParseIso(rest.substr(5)));
      term.until = until;
      rest = {};
    }
    if (!rest.empty()) {
      return InvalidArgument("date term '" + std::string(text) + "': trailing text");
    }
    return term;
  }
  return InvalidArgument("unknown date term '" + std::string(text) + "' (UCP 600 art. 3)");
}

Result<DateRange> Resolve(const DateTerm& term) {
  const Date d = term.date;
  switch (term.kind) {
    case DateTermKind::kOn: return DateRange{d, d};
    case DateTermKind::kOnOrAbout: return DateRange{d.AddDays(-5), d.AddDays(5)};
    case DateTermKind::kBefore: return DateRange{kDistantPast, d.AddDays(-1)};
    case DateTermKind::kAfter: return DateRange{d.AddDays(1), kDistantFuture};
    case DateTermKind::kFrom: return DateRange{d, kDistantFuture};
    case DateTermKind::kUntil: return DateRange{kDistantPast, d};
    case DateTermKind::kBetween:
      if (!term.until || *term.until < d) {
        return InvalidArgument("BETWEEN needs a second date on or after the first");
      }
      return DateRange{d, *term.until};
    case DateTermKind::kFirstHalf: return DateRange{DayOfMonth(d, 1), DayOfMonth(d, 15)};
    case DateTermKind::kSecondHalf: return DateRange{DayOfMonth(d, 16), d.EndOfMonth()};
    case DateTermKind::kBeginning: return DateRange{DayOfMonth(d, 1), DayOfMonth(d, 10)};
    case DateTermKind::kMiddle: return DateRange{DayOfMonth(d, 11), DayOfMonth(d, 20)};
    case DateTermKind::kEnd: return DateRange{DayOfMonth(d, 21), d.EndOfMonth()};
  }
  return InvalidArgument("unknown date term kind");
}

}  // namespace lcproc::trade
