// Payment: honour of one presentation (UCP 600 art. 2 "honour", art. 7, 8, 15) by the
// issuing, confirming or nominated bank, as an MT756/MT202-style settlement record.
// A plain value type.
#pragma once

#include <string>

#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/money.h"

namespace lcproc::trade {

struct Payment {
  std::string credit_number;
  int presentation_number = 1;
  Bic paying_bank;
  Money amount;
  Date value_date;
  std::string debit_account;
  std::string credit_account;

  friend bool operator==(const Payment&, const Payment&) = default;
};

}  // namespace lcproc::trade
