#include "pipeline/trade/calendar.h"

#include <algorithm>
#include <cassert>

namespace lcproc::trade {
namespace {

constexpr std::string_view kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Splits off the first whitespace-separated word of `s`.
std::string_view NextWord(std::string_view& s) {
  s = Trim(s);
  size_t end = s.find_first_of(" \t");
  std::string_view word = s.substr(0, end);
  s = end == std::string_view::npos ? std::string_view() : Trim(s.substr(end));
  return word;
}

}  // namespace

BankingCalendar::BankingCalendar()
    : BankingCalendar("", {Weekday::kSaturday, Weekday::kSunday}, {}) {}

BankingCalendar::BankingCalendar(std::string name, std::vector<Weekday> weekend,
                                 std::vector<Holiday> holidays)
    : name_(std::move(name)), holidays_(std::move(holidays)) {
  for (Weekday w : weekend) weekend_mask_ |= 1u << (static_cast<int>(w) - 1);
  assert(weekend_mask_ != 0x7f);
  std::sort(holidays_.begin(), holidays_.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end(),
                              [](const Holiday& a, const Holiday& b) { return a.date == b.date; }),
                  holidays_.end());
}

Result<BankingCalendar> BankingCalendar::Parse(std::string_view text) {
  std::string name;
  std::vector<Weekday> weekend = {Weekday::kSaturday, Weekday::kSunday};
  std::vector<Holiday> holidays;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto bad = [&](std::string_view why) {
      return Malformed("calendar line " + std::to_string(line_no) + ": " + std::string(why));
    };
    std::string_view keyword = NextWord(line);
    if (keyword == "name") {
      name = std::string(line);
    } else if (keyword == "weekend") {
      weekend.clear();
      while (!line.empty()) {
        std::string_view day = NextWord(line);
        auto it = std::find(std::begin(kDayNames), std::end(kDayNames), day);
        if (it == std::end(kDayNames)) return bad("unknown weekday '" + std::string(day) + "'");
        weekend.push_back(static_cast<Weekday>(it - std::begin(kDayNames) + 1));
      }
      std::sort(weekend.begin(), weekend.end());
      weekend.erase(std::unique(weekend.begin(), weekend.end()), weekend.end());
      if (weekend.size() == 7) {
        return InvalidArgument("calendar line " + std::to_string(line_no) +
                               ": every day is a weekend day");
      }
    } else if (keyword == "holiday") {
      std::string_view date_text = NextWord(line);
      auto date = Date::ParseIso(date_text);
      if (!date.ok()) return bad(date.status().message());
      holidays.push_back({*date, std::string(line)});
    } else {
      return bad("unknown directive '" + std::string(keyword) + "'");
    }
  }
  return BankingCalendar(std::move(name), std::move(weekend), std::move(holidays));
}

bool BankingCalendar::IsWeekend(Date d) const {
  return (weekend_mask_ >> (static_cast<int>(d.weekday()) - 1)) & 1u;
}

bool BankingCalendar::IsHoliday(Date d) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), Holiday{d, {}},
                            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
}

Date BankingCalendar::OnOrNextBankingDay(Date d) const {
  // Terminates: at least one weekday is open and the holiday list is finite.
  while (!IsBankingDay(d)) d = d.AddDays(1);
  return d;
}

Date BankingCalendar::NextBankingDay(Date d) const { return OnOrNextBankingDay(d.AddDays(1)); }

Date BankingCalendar::AddBankingDays(Date d, int n) const {
  assert(n >= 0);
  for (int i = 0; i < n; ++i) d = NextBankingDay(d);
  return d;
}

static int CountBankingDaysAfter(const BankingCalendar& c, Date from, Date to) {
  int n = 0;
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) n += c.IsBankingDay(d) ? 1 : 0;
  return n;
}

int BankingCalendar::BankingDaysUntil(Date from, Date to) const {
  // Day by day: deadlines lie days or weeks away, never years.
  return from <= to ? CountBankingDaysAfter(*this, from, to)
                    : -CountBankingDaysAfter(*this, to, from);
}

}  // namespace lcproc::trade
