// CountryCode: an ISO 3166-1 alpha-2 country code, officially assigned codes only.
//
// User-assigned codes (XA–XZ, AA, QM–QZ, ZZ) are refused by Parse. SWIFT, however,
// uses XK for Kosovo in BICs; ParseForBic accepts that one code in addition, so a BIC
// of a Kosovar bank is not refused. A value type; thread-compatible. A
// default-constructed code is empty.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace lcproc::trade {

class CountryCode {
 public:
  CountryCode() = default;

  // "DE" -> DE. Upper case only. InvalidArgument when not officially assigned.
  static Result<CountryCode> Parse(std::string_view code);
  // As Parse, plus "XK" (Kosovo), which ISO 9362 BICs use.
  static Result<CountryCode> ParseForBic(std::string_view code);

  bool empty() const { return code_[0] == '\0'; }
  std::string_view code() const { return std::string_view(code_.data(), empty() ? 0 : 2); }
  std::string str() const { return std::string(code()); }

  friend bool operator==(const CountryCode& a, const CountryCode& b) { return a.code_ == b.code_; }

 private:
  explicit CountryCode(std::string_view code) : code_{code[0], code[1], '\0'} {}
  std::array<char, 3> code_{};
};

}  // namespace lcproc::trade
