#include "pipeline/trade/goods.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace lcproc::trade {
namespace {

constexpr std::string_view kIncoterms[] = {"",    "EXW", "FCA", "FAS", "FOB", "CFR",
                                           "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"};

// Weight, volume, length and area units as trade documents write them.
constexpr std::string_view kMeasuredUnits[] = {
    "G",       "GR",      "GRAMS",
    "KG",      "KGS",     "KILOGRAMS",
    "MT",      "MTS",     "TNE",
    "TON",     "TONS",    "T",
    "LB",      "LBS",     "POUNDS",
    "OZ",      "L",       "LTR",
    "LITRES",  "LITERS",  "HL",
    "M3",      "CBM",     "CUBIC METRES",
    "GAL",     "GALLONS", "BBL",
    "BARRELS", "M",       "MTR",
    "METRES",  "METERS",  "YD",
    "YARDS",   "FT",      "FEET",
    "M2",      "SQM",     "SQUARE METRES",
    "KM",
};

}  // namespace

Result<Quantity> Quantity::Parse(std::string_view number, std::string_view unit) {
  auto bad = [&] {
    return InvalidArgument("quantity '" + std::string(number) +
                           "' is not a decimal with at most 3 places");
  };
  size_t dot = number.find('.');
  std::string_view integer = number.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : number.substr(dot + 1);
  if (integer.empty() || fraction.size() > 3 ||
      (dot != std::string_view::npos && fraction.empty())) {
    return bad();
  }
  int64_t value = 0;
  for (char c : integer) {
    if (c < '0' || c > '9') return bad();
    if (value > (std::numeric_limits<int64_t>::max() / 1000 - 9) / 10) return bad();
    value = value * 10 + (c - '0');
  }
  int64_t frac = 0;
  for (size_t i = 0; i < 3; ++i) {
    char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return bad();
    frac = frac * 10 + (c - '0');
  }
  if (unit.empty()) return InvalidArgument("quantity '" + std::string(number) + "' has no unit");
  return Quantity{value * 1000 + frac, NormalizeText(unit)};
}

std::string Quantity::NumberText() const {
  std::string out = std::to_string(thousandths / 1000);
  int64_t frac = thousandths % 1000;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f = std::string(3 - f.size(), '0') + f;
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

bool IsMeasuredUnit(std::string_view unit) {
  std::string u = NormalizeText(unit);
  return std::find(std::begin(kMeasuredUnits), std::end(kMeasuredUnits), u) !=
         std::end(kMeasuredUnits);
}

std::string_view IncotermName(Incoterm term) { return kIncoterms[static_cast<int>(term)]; }

Result<Incoterm> ParseIncoterm(std::string_view text) {
  for (size_t i = 1; i < std::size(kIncoterms); ++i) {
    if (kIncoterms[i] == text) return static_cast<Incoterm>(i);
  }
  return InvalidArgument("unknown Incoterms 2020 rule '" + std::string(text) + "'");
}

std::string NormalizeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

namespace {

// Reads a string as NormalizeText would, one character at a time.
class NormalizedReader {
 public:
  explicit NormalizedReader(std::string_view s) : s_(s) { SkipSpace(); }
  bool done() const { return !pending_space_ && i_ >= s_.size(); }
  // The next character; a run of white space between words reads as one ' '.
  char Next() {
    if (pending_space_) {
      pending_space_ = false;
      return ' ';
    }
    char ch = s_[i_++];
    if (SkipSpace() && i_ < s_.size()) pending_space_ = true;
    return (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  }

 private:
  static bool IsSpace(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }
  bool SkipSpace() {
    bool any = false;
    while (i_ < s_.size() && IsSpace(s_[i_])) {
      ++i_;
      any = true;
    }
    return any;
  }
  std::string_view s_;
  size_t i_ = 0;
  bool pending_space_ = false;
};

}  // namespace

bool SameText(std::string_view a, std::string_view b) {
  NormalizedReader x(a), y(b);
  while (!x.done() && !y.done()) {
    if (x.Next() != y.Next()) return false;
  }
  return x.done() && y.done();
}

}  // namespace lcproc::trade
