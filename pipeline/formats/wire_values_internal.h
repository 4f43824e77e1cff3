// Wire forms of the trade value types, shared by the JSON and Cap'n Proto codecs.
//
// Text leaves (TextLeaf<T>): a value written as one string. Dates are ISO 8601, codes are
// upper case, a DateTerm is its art. 3 text ("ON OR ABOUT 2026-10-15"), an Incoterm its
// three letters. Money is {currency, amount} with the amount a decimal string in the
// currency's minor units ("125000.00"), and a Quantity {value, unit} ("250", "MT"): two
// members that are parsed together because the amount's precision depends on the currency.
// Internal to pipeline/formats. Thread-safe (no state).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/formats/field_list.h"
#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/country.h"
#include "pipeline/trade/currency.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/date_term.h"
#include "pipeline/trade/goods.h"
#include "pipeline/trade/money.h"

namespace lcproc::formats {

template <class T>
struct TextLeaf;

template <>
struct TextLeaf<trade::Date> {
  static constexpr std::string_view kFormat = "date";
  static std::string Format(const trade::Date& d) { return d.ToIso(); }
  static Result<trade::Date> Parse(std::string_view s) { return trade::Date::ParseIso(s); }
};

template <>
struct TextLeaf<trade::CurrencyCode> {
  static constexpr std::string_view kFormat = "iso4217";
  static std::string Format(const trade::CurrencyCode& c) { return c.str(); }
  static Result<trade::CurrencyCode> Parse(std::string_view s) {
    return trade::CurrencyCode::Parse(s);
  }
};

template <>
struct TextLeaf<trade::CountryCode> {
  static constexpr std::string_view kFormat = "iso3166";
  static std::string Format(const trade::CountryCode& c) { return c.str(); }
  static Result<trade::CountryCode> Parse(std::string_view s) {
    return trade::CountryCode::Parse(s);
  }
};

template <>
struct TextLeaf<trade::Bic> {
  static constexpr std::string_view kFormat = "bic";
  static std::string Format(const trade::Bic& b) { return b.str(); }
  static Result<trade::Bic> Parse(std::string_view s) { return trade::Bic::Parse(s); }
};

template <>
struct TextLeaf<trade::DateTerm> {
  static constexpr std::string_view kFormat = "dateTerm";
  static std::string Format(const trade::DateTerm& t) { return t.ToText(); }
  static Result<trade::DateTerm> Parse(std::string_view s) { return trade::DateTerm::Parse(s); }
};

template <>
struct TextLeaf<trade::Incoterm> {
  static constexpr std::string_view kFormat = "incoterm";
  static std::string Format(const trade::Incoterm& t) {
    return std::string(trade::IncotermName(t));
  }
  static Result<trade::Incoterm> Parse(std::string_view s) {
    if (s.empty()) return trade::Incoterm::kNone;
    return trade::ParseIncoterm(s);
  }
};

template <class T>
concept TextLeafType = requires(const T& t) {
  TextLeaf<T>::Format(t);
};

// The amount of `money` as the wire writes it ("125000.00").
inline std::string MoneyAmountText(const trade::Money& money) { return money.ToString(); }

// Parses the two members of a Money. Errors name which member is wrong through `which`
// (set to "currency" or "amount").
inline Result<trade::Money> ParseMoney(std::string_view currency, std::string_view amount,
                                       std::string_view* which) {
  *which = "currency";
  auto code = trade::CurrencyCode::Parse(currency);
  if (!code.ok()) return code.status();
  *which = "amount";
  return trade::Money::Parse(*code, amount);
}

// Optional members are left out when "empty": an absent optional, an empty string, list
// or code, a struct equal to its default. Scalars (numbers, booleans, enums, dates, money)
// are always written, so the output states every term explicitly and decoding it gives
// back the same value.
template <class T>
bool IsEmptyValue(const T& value) {
  if constexpr (IsOptional<T>::value) {
    return !value.has_value();
  } else if constexpr (IsVector<T>::value || std::is_same_v<T, std::string> ||
                       std::is_same_v<T, trade::CurrencyCode> ||
                       std::is_same_v<T, trade::CountryCode> || std::is_same_v<T, trade::Bic>) {
    return value.empty();
  } else if constexpr (std::is_same_v<T, trade::Incoterm>) {
    return value == trade::Incoterm::kNone;
  } else if constexpr (DescribedStruct<T>) {
    return value == T{};
  } else {
    return false;
  }
}

}  // namespace lcproc::formats
