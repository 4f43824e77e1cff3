#include "pipeline/trade/bic.h"

namespace lcproc::trade {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlnum(char c) { return IsUpper(c) || (c >= '0' && c <= '9'); }

}  // namespace

Result<Bic> Bic::Parse(std::string_view text) {
  if (text.size() != 8 && text.size() != 11) {
    return InvalidArgument("BIC must have 8 or 11 characters (ISO 9362): '" + std::string(text) +
                           "'");
  }
  for (size_t i = 0; i < 4; ++i) {
    if (!IsUpper(text[i])) {
      return InvalidArgument("BIC institution code must be 4 letters: '" + std::string(text) + "'");
    }
  }
  auto country = CountryCode::ParseForBic(text.substr(4, 2));
  if (!country.ok()) return country.status().WithContext("BIC '" + std::string(text) + "'");
  for (size_t i = 6; i < text.size(); ++i) {
    if (!IsAlnum(text[i])) {
      return InvalidArgument("BIC location and branch must be upper-case alphanumeric: '" +
                             std::string(text) + "'");
    }
  }
  Bic bic;
  bic.text_ = std::string(text);
  bic.country_ = *country;
  return bic;
}

std::string_view Bic::branch() const {
  if (text_.size() == 11) return std::string_view(text_).substr(8, 3);
  return "XXX";
}

std::string Bic::normalized() const {
  if (text_.size() == 8) return text_ + "XXX";
  return text_;
}

bool operator==(const Bic& a, const Bic& b) {
  if (a.text_.size() == b.text_.size()) return a.text_ == b.text_;
  if (a.empty() || b.empty()) return false;
  return a.normalized() == b.normalized();
}

}  // namespace lcproc::trade
