#include "pipeline/trade/examiner.h"

namespace lcproc::trade {

ExaminationResult Examine(const CreditState& state, const Presentation& presentation,
                          Date presented_on, const BankingCalendar& calendar) {
  ExaminationResult r;
  r.credit_number = state.credit_number();
  r.presentation_number = presentation.presentation_number;
  r.presented_on = presented_on;
  r.examined_on = presented_on;
  r.deadline = calendar.AddBankingDays(presented_on, 5);
  return r;
}

}  // namespace lcproc::trade
