// Helpers shared by lifecycle.cc and lifecycle_presentation.cc: building accepted and
// rejected transitions, and the handlers of each document type. Not public API.
#pragma once

#include <optional>
#include <string>

#include "pipeline/trade/lifecycle.h"

namespace lcproc::trade::internal {

Transition Reject(const CreditState* current, const char* code, Status reason);
Transition Accept(CreditState state);
// "credit 'LC123'", for messages.
std::string Credit(const CreditState& s);
// Puts a refused presentation's drawing back on the credit (waiver, or payment when a
// late refusal is precluded by art. 16(f)); nullopt if the balance no longer allows it.
std::optional<Money> Reinstate(const CreditState& s, const Presentation& p);

Transition Present(const CreditState& cur, const Presentation& p, const Bic& submitter, Date today,
                   const BankingCalendar& calendar);
Transition Decide(const CreditState& cur, const ExaminationResult& e, Date today);
Transition WaiveDiscrepancies(const CreditState& cur, const Waiver& w);
Transition Pay(const CreditState& cur, const Payment& p, const Bic& submitter);

}  // namespace lcproc::trade::internal
