// Goods: the structured lines of a credit's field 45A and of the documents that describe
// the same goods, the quantities they name, and the Incoterms rule of the sale.
//
// Quantities are exact decimals with three places (thousandths of the unit), never
// floating point. Whether a unit is "counted" (pieces, cartons) or "measured" (kg, metric
// tons, litres) decides UCP 600 art. 30(b): the ±5% quantity tolerance applies only to
// goods not stated as a number of packing units or individual items.
// Value types; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/money.h"

namespace lcproc::trade {

struct Quantity {
  int64_t thousandths = 0;  // 1.5 MT is {1500, "MT"}
  std::string unit;         // upper case: "MT", "KG", "PCS", "CARTONS"

  // "1000", "12.5", "0.125" (at most 3 decimals) and a unit. InvalidArgument otherwise.
  static Result<Quantity> Parse(std::string_view number, std::string_view unit);
  // "12.5" (no trailing zeros), without the unit.
  std::string NumberText() const;
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

// True for units of weight, volume, length or area (KG, MT, LBS, L, M3, M, M2 …), to which
// the ±5% of art. 30(b) applies; false for units that count packages or items.
bool IsMeasuredUnit(std::string_view unit);

struct GoodsLine {
  std::string description;  // "FROZEN SHRIMP, GRADE A"
  std::optional<Quantity> quantity;
  std::optional<Money> unit_price;
  // "about"/"approximately" qualifies this line's quantity and unit price: ±10%
  // (art. 30(a)).
  bool about = false;
  friend bool operator==(const GoodsLine&, const GoodsLine&) = default;
};

// Incoterms 2020 rules. kNone when the credit names none.
enum class Incoterm { kNone, kExw, kFca, kFas, kFob, kCfr, kCif, kCpt, kCip, kDap, kDpu, kDdp };

// "CIF"; "" for kNone.
std::string_view IncotermName(Incoterm term);
// "CIF" -> kCif. InvalidArgument for anything else (including "").
Result<Incoterm> ParseIncoterm(std::string_view text);
// CIF and CIP: the seller insures, and art. 28(f)(ii)'s 110% rule has a basis.
inline bool IncludesInsurance(Incoterm t) { return t == Incoterm::kCif || t == Incoterm::kCip; }

// Upper-cases and collapses runs of white space, so descriptions are compared as an
// examiner reads them ("Frozen  shrimp" matches "FROZEN SHRIMP").
std::string NormalizeText(std::string_view text);
// NormalizeText(a) == NormalizeText(b), without allocating (the examiner's hot path).
bool SameText(std::string_view a, std::string_view b);

}  // namespace lcproc::trade
