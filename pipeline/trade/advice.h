// Advice: the advising bank's advice of a credit to the beneficiary (UCP 600 art. 9),
// optionally with its confirmation added (art. 8), as the MT730/MT710 family reports it.
// A plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>

#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"

namespace lcproc::trade {

struct Advice {
  std::string credit_number;
  Bic advising_bank;
  Date date_of_advice;
  // Art. 8: the advising bank adds its confirmation (only if field 49 is CONFIRM or
  // MAY ADD). The confirming bank is then the advising bank unless `confirming_bank`
  // names the one the credit asked for (58a).
  bool confirmation_added = false;
  std::optional<Bic> confirming_bank;
  std::string narrative;

  friend bool operator==(const Advice&, const Advice&) = default;
};

}  // namespace lcproc::trade
