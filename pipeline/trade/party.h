// Party: a person or company named in a credit or a document (applicant, field 50;
// beneficiary, field 59; shipper, consignee …), with the country of its address, which
// UCP 600 art. 14(j) compares across documents. A value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/trade/bic.h"
#include "pipeline/trade/country.h"

namespace lcproc::trade {

struct Party {
  std::string name;
  std::vector<std::string> address_lines;
  CountryCode country;
  // The party's own BIC (option A of a SWIFT party field) or, for the beneficiary, its
  // bank's, when known.
  std::optional<Bic> bic;
  // An account number (the "/account" line of a SWIFT party field), when given.
  std::string account;

  friend bool operator==(const Party&, const Party&) = default;
};

// Same party as an examiner reads it: names equal after NormalizeText.
bool SameName(const Party& a, const Party& b);

}  // namespace lcproc::trade
