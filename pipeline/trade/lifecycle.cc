#include "pipeline/trade/lifecycle.h"

namespace lcproc::trade {

Result<Transition> Apply(const CreditState*, const Document&, const Bic&, Date,
                         const BankingCalendar&) {
  return Internal("lifecycle not implemented yet");
}

Status CheckDocument(const Document&) { return Status::Ok(); }

}  // namespace lcproc::trade
