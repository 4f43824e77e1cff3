// CurrencyCode: an ISO 4217 alphabetic currency code with its number of minor units.
//
// Only codes of ISO 4217 List One that are active and have minor units are accepted
// (funds codes such as CLF and USN included; precious metals, XDR and the testing codes
// have no minor units and cannot be an amount of a credit). The table is the 2025 edition.
// A value type: copy freely, thread-compatible. A default-constructed code is empty and
// is never the result of Parse.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace lcproc::trade {

class CurrencyCode {
 public:
  CurrencyCode() = default;  // empty: "no currency yet"

  // "USD" -> USD (2 minor units). Upper case only, as SWIFT and ISO 4217 write it.
  // InvalidArgument for a malformed or unknown code.
  static Result<CurrencyCode> Parse(std::string_view code);

  bool empty() const { return code_[0] == '\0'; }
  std::string_view code() const { return std::string_view(code_.data(), empty() ? 0 : 3); }
  std::string str() const { return std::string(code()); }
  // Digits after the decimal separator: JPY 0, USD 2, KWD 3, CLF 4.
  int minor_units() const { return minor_units_; }

  friend bool operator==(const CurrencyCode& a, const CurrencyCode& b) {
    return a.code_ == b.code_;
  }

 private:
  CurrencyCode(std::string_view code, int minor_units);
  std::array<char, 4> code_{};
  uint8_t minor_units_ = 0;
};

}  // namespace lcproc::trade
