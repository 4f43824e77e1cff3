// Helpers shared by lifecycle.cc and lifecycle_presentation.cc: rejected outcomes, and
// the handlers of each document type. Not public API.
//
// Every handler checks the document against the credit's state first and changes the
// state in place only once the document is accepted: a rejection leaves it untouched.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "pipeline/trade/lifecycle.h"

namespace lcproc::trade::internal {

// `*owned` moved when given (it is `value` itself, from ApplyInPlace(&&)), a copy of
// `value` otherwise. (`owned ? std::move(*owned) : value` would copy either way: its
// operands differ in constness.)
template <typename T>
T TakeOrCopy(T* owned, const T& value) {
  if (owned) return std::move(*owned);
  return value;
}

// A rejection with one of the kReject* codes.
Outcome Reject(const char* code, Status reason);
// "credit 'LC123'", for messages.
std::string Credit(const CreditState& s);
// Puts a refused presentation's drawing back on the credit (waiver, or payment when a
// late refusal is precluded by art. 16(f)); nullopt if the balance no longer allows it.
std::optional<Money> Reinstate(const CreditState& s, const Presentation& p);

// `owned`, when given, is `p` itself, to be moved into the state.
Outcome Present(CreditState& s, const Presentation& p, Presentation* owned, const Bic& submitter,
                Date today, const BankingCalendar& calendar);
Outcome Decide(CreditState& s, const ExaminationResult& e, Date today);
Outcome WaiveDiscrepancies(CreditState& s, const Waiver& w);
Outcome Pay(CreditState& s, const Payment& p, const Bic& submitter);

}  // namespace lcproc::trade::internal
