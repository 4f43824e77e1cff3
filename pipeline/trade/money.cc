#include "pipeline/trade/money.h"

#include <cassert>
#include <limits>

namespace lcproc::trade {
namespace {

constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000};

Result<Money> ParseDecimal(CurrencyCode currency, std::string_view text, char separator,
                           bool separator_required) {
  if (currency.empty()) return InvalidArgument("amount has no currency");
  const int digits_allowed = currency.minor_units();
  size_t sep = text.find(separator);
  std::string_view integer = text.substr(0, sep);
  std::string_view fraction =
      sep == std::string_view::npos ? std::string_view() : text.substr(sep + 1);
  auto bad = [&](std::string_view why) {
    return InvalidArgument("amount '" + std::string(text) + "' in " + currency.str() + ": " +
                           std::string(why));
  };
  if (separator_required && sep == std::string_view::npos) return bad("decimal comma missing");
  if (integer.empty()) return bad("no digits before the decimal separator");
  for (char c : integer) {
    if (c < '0' || c > '9') return bad("not a plain decimal number");
  }
  for (char c : fraction) {
    if (c < '0' || c > '9') return bad("not a plain decimal number");
  }
  if (!separator_required && sep != std::string_view::npos && fraction.empty()) {
    return bad("no digits after the decimal point");
  }
  if (static_cast<int>(fraction.size()) > digits_allowed) {
    return bad("more decimals than the currency's " + std::to_string(digits_allowed) +
               " minor units (ISO 4217)");
  }
  int64_t value = 0;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  for (char c : integer) {
    if (value > (kMax - (c - '0')) / 10) return bad("amount too large");
    value = value * 10 + (c - '0');
  }
  int64_t scale = kPow10[digits_allowed];
  if (value > kMax / scale) return bad("amount too large");
  value *= scale;
  int64_t frac = 0;
  for (char c : fraction) frac = frac * 10 + (c - '0');
  frac *= kPow10[digits_allowed - fraction.size()];
  if (value > kMax - frac) return bad("amount too large");
  return Money{currency, value + frac};
}

std::string Format(const Money& m, char separator, bool drop_zero_decimals) {
  const int digits = m.currency.minor_units();
  // Work in unsigned to format INT64_MIN without overflow.
  uint64_t abs = m.minor < 0 ? 0 - static_cast<uint64_t>(m.minor) : static_cast<uint64_t>(m.minor);
  uint64_t scale = static_cast<uint64_t>(kPow10[digits]);
  std::string out = m.minor < 0 ? "-" : "";
  out += std::to_string(abs / scale);
  if (digits > 0) {
    std::string frac = std::to_string(abs % scale);
    out += separator;
    out += std::string(digits - frac.size(), '0') + frac;
  } else if (!drop_zero_decimals) {
    out += separator;
  }
  return out;
}

}  // namespace

Result<Money> Money::Parse(CurrencyCode currency, std::string_view text) {
  return ParseDecimal(currency, text, '.', false);
}

Result<Money> Money::ParseSwift(CurrencyCode currency, std::string_view text) {
  if (text.size() > 15) {
    return InvalidArgument("SWIFT amount '" + std::string(text) + "' longer than 15 characters");
  }
  return ParseDecimal(currency, text, ',', true);
}

std::string Money::ToString() const { return Format(*this, '.', true); }

std::string Money::ToSwift() const {
  assert(minor >= 0);
  return Format(*this, ',', false);
}

std::string Money::ToDisplay() const { return currency.str() + " " + ToString(); }

Result<Money> Money::Add(const Money& other) const {
  if (!(currency == other.currency)) {
    return InvalidArgument("cannot add " + other.currency.str() + " to " + currency.str());
  }
  int64_t sum;
  if (__builtin_add_overflow(minor, other.minor, &sum)) return InvalidArgument("amount overflow");
  return Money{currency, sum};
}

Result<Money> Money::Subtract(const Money& other) const {
  if (!(currency == other.currency)) {
    return InvalidArgument("cannot subtract " + other.currency.str() + " from " + currency.str());
  }
  int64_t diff;
  if (__builtin_sub_overflow(minor, other.minor, &diff)) return InvalidArgument("amount overflow");
  return Money{currency, diff};
}

Result<Money> Money::Scale(int64_t numerator, int64_t denominator, Rounding rounding) const {
  LCPROC_ASSIGN_OR_RETURN(int64_t scaled, ScaleInteger(minor, numerator, denominator, rounding));
  return Money{currency, scaled};
}

Result<int64_t> ScaleInteger(int64_t value, int64_t numerator, int64_t denominator,
                             Rounding rounding) {
  assert(denominator > 0);
  if (denominator <= 0) return InvalidArgument("scale denominator must be positive");
  __int128 product = static_cast<__int128>(value) * numerator;
  __int128 quotient = product / denominator;  // truncates toward zero
  __int128 remainder = product % denominator;
  if (remainder != 0) {
    if (rounding == Rounding::kDown && product < 0) --quotient;
    if (rounding == Rounding::kUp && product > 0) ++quotient;
  }
  if (quotient > std::numeric_limits<int64_t>::max() ||
      quotient < std::numeric_limits<int64_t>::min()) {
    return InvalidArgument("amount overflow in percentage");
  }
  return static_cast<int64_t>(quotient);
}

}  // namespace lcproc::trade
