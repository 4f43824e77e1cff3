// Bic: a Business Identifier Code (ISO 9362), the identity of a bank in lcproc.
//
// Form: 4-letter institution code, 2-letter ISO 3166 country code (validated), 2
// alphanumeric location characters, and an optional 3-alphanumeric branch code. An
// 8-character BIC designates the primary office, the same as its "XXX" branch form, so
// equality compares the 11-character normalised form (DEUTDEFF == DEUTDEFFXXX) while
// str() returns what was parsed. A value type; thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "pipeline/trade/country.h"

namespace lcproc::trade {

class Bic {
 public:
  Bic() = default;  // empty

  // "DEUTDEFF" or "DEUTDEFF500". Upper case only, as SWIFT requires.
  // InvalidArgument naming the bad part.
  static Result<Bic> Parse(std::string_view text);

  bool empty() const { return text_.empty(); }
  // As parsed: 8 or 11 characters.
  const std::string& str() const { return text_; }
  // Always 11 characters, "XXX" for the primary office.
  std::string normalized() const;
  std::string_view institution() const { return std::string_view(text_).substr(0, 4); }
  CountryCode country() const { return country_; }
  std::string_view location() const { return std::string_view(text_).substr(6, 2); }
  // "XXX" when the BIC has 8 characters.
  std::string_view branch() const;

  friend bool operator==(const Bic& a, const Bic& b);
  friend bool operator<(const Bic& a, const Bic& b) { return a.normalized() < b.normalized(); }

 private:
  std::string text_;
  CountryCode country_;
};

}  // namespace lcproc::trade
