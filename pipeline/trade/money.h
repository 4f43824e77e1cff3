// Money: an exact amount in one currency, counted in the currency's minor units.
//
// Never floating point. USD 1234.56 is {USD, 123456}; JPY 1000 is {JPY, 1000}; KWD 1.5
// is {KWD, 1500}. Arithmetic that can fail (currency mismatch, int64 overflow) returns a
// Result. Percentages and tolerances are computed in 128-bit integers with an explicit
// Rounding; the rule used throughout lcproc is "round toward the stricter side": a
// maximum (credit amount + tolerance) is rounded down, a minimum (amount − tolerance,
// insurance at 110%) is rounded up, so no rounding ever lets a discrepancy through.
// A value type; thread-compatible. Amounts are non-negative when parsed; subtraction may
// produce a negative value (a shortfall).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "pipeline/trade/currency.h"

namespace lcproc::trade {

enum class Rounding {
  kDown,  // toward negative infinity (floor)
  kUp,    // toward positive infinity (ceiling)
};

struct Money {
  CurrencyCode currency;
  int64_t minor = 0;  // in minor units of `currency`

  static Money FromMinor(CurrencyCode currency, int64_t minor) { return Money{currency, minor}; }
  // "1234.56", "1234", "0.5": digits, an optional '.' and at most minor_units() decimals.
  // No sign, no grouping, no exponent. InvalidArgument otherwise, or on overflow.
  static Result<Money> Parse(CurrencyCode currency, std::string_view text);
  // SWIFT amount form (MT field 32B): digits with a mandatory decimal comma, "1234,56",
  // "1000," ; at most 15 characters including the comma.
  static Result<Money> ParseSwift(CurrencyCode currency, std::string_view text);

  // "1234.56" with exactly minor_units() decimals ("1000" for JPY). Negative as "-12.00".
  std::string ToString() const;
  // "1234,56"; for 0-decimal currencies "1000,". REQUIRES: minor >= 0.
  std::string ToSwift() const;
  // "USD 1234.56", for messages.
  std::string ToDisplay() const;

  // InvalidArgument on a currency mismatch, ResourceExhausted-free: overflow is
  // InvalidArgument too (an amount beyond 9.2e18 minor units is not a real amount).
  Result<Money> Add(const Money& other) const;
  Result<Money> Subtract(const Money& other) const;
  // this * numerator / denominator, rounded as asked. REQUIRES: denominator > 0.
  Result<Money> Scale(int64_t numerator, int64_t denominator, Rounding rounding) const;
  // this * percent / 100, rounded as asked (110% insurance: Percent(110, kUp)).
  Result<Money> Percent(int64_t percent, Rounding rounding) const {
    return Scale(percent, 100, rounding);
  }

  bool is_zero() const { return minor == 0; }
  bool same_currency(const Money& other) const { return currency == other.currency; }
  friend bool operator==(const Money& a, const Money& b) {
    return a.currency == b.currency && a.minor == b.minor;
  }
  // Orders by amount only. REQUIRES: same currency (compare currency first).
  friend std::strong_ordering operator<=>(const Money& a, const Money& b) {
    return a.minor <=> b.minor;
  }
};

// floor/ceil of value * numerator / denominator in 128-bit arithmetic; InvalidArgument
// when the result does not fit int64. Shared by Money and quantity tolerances.
// REQUIRES: denominator > 0.
Result<int64_t> ScaleInteger(int64_t value, int64_t numerator, int64_t denominator,
                             Rounding rounding);

}  // namespace lcproc::trade
