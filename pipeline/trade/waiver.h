// Waiver: the applicant's waiver of the discrepancies of one presentation, sent by the
// issuing bank on its behalf (UCP 600 art. 16(b)). A plain value type.
#pragma once

#include <string>
#include <vector>

#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"

namespace lcproc::trade {

struct Waiver {
  std::string credit_number;
  int presentation_number = 1;
  Bic issuing_bank;
  Date date;
  // Discrepancy codes waived; empty means all discrepancies of the presentation. A waiver
  // that leaves any discrepancy unwaived does not make the presentation honourable.
  std::vector<std::string> waived_codes;
  std::string narrative;

  friend bool operator==(const Waiver&, const Waiver&) = default;
};

}  // namespace lcproc::trade
