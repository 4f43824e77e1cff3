// Cancellation: the issuing bank's request to cancel a credit before expiry, with the
// agreements UCP 600 art. 10(a) requires: the beneficiary's (conveyed by the advising
// bank) and, for a confirmed credit, the confirming bank's. A plain value type.
#pragma once

#include <optional>
#include <string>

#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"

namespace lcproc::trade {

struct Cancellation {
  std::string credit_number;
  Bic issuing_bank;
  Date request_date;
  std::string reason;
  bool beneficiary_agreed = false;
  std::optional<Date> beneficiary_agreed_on;
  bool confirming_bank_agreed = false;
  std::optional<Bic> confirming_bank;

  friend bool operator==(const Cancellation&, const Cancellation&) = default;
};

}  // namespace lcproc::trade
