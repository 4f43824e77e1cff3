// The lifecycle of a documentary credit: applying one document to a credit's state.
//
// Apply is the serial stage of the pipeline (stage 4): the engine calls it per credit, in
// arrival order, with the credit's current state (or null when the credit number is
// unknown). It is a pure function: no I/O, `today` and the banking calendar are passed
// in. Every document gets an answer: accepted (with the new state) or rejected (with a
// reason code and a Status, the state unchanged). A presentation is examined on the spot
// (examiner.h) and its discrepancies travel in the outcome.
//
// CheckDocument is the stateless stage 3 check (formats and internal consistency) and
// may run on any thread. Both are thread-safe: they touch only their arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/calendar.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/document.h"
#include "pipeline/trade/examination.h"

namespace lcproc::trade {

// Stable reason codes of a rejection (Outcome::reason_code).
inline constexpr char kRejectUnknownCredit[] = "UNKNOWN_CREDIT";         // kNotFound
inline constexpr char kRejectDuplicateCredit[] = "DUPLICATE_CREDIT";     // kAlreadyExists
inline constexpr char kRejectWrongRole[] = "WRONG_ROLE";                 // kPermissionDenied
inline constexpr char kRejectOutOfOrder[] = "OUT_OF_ORDER";              // kFailedPrecondition
inline constexpr char kRejectExpired[] = "CREDIT_EXPIRED";               // kFailedPrecondition
inline constexpr char kRejectClosed[] = "CREDIT_CLOSED";                 // kFailedPrecondition
inline constexpr char kRejectBeyondBalance[] = "AMOUNT_BEYOND_BALANCE";  // kFailedPrecondition
inline constexpr char kRejectInvalid[] = "INVALID_DOCUMENT";             // CheckDocument's code
inline constexpr char kRejectUnknownReference[] = "UNKNOWN_REFERENCE";   // kNotFound
inline constexpr char kRejectDuplicate[] = "DUPLICATE";                  // kAlreadyExists
inline constexpr char kRejectAgreementMissing[] = "AGREEMENT_MISSING";   // kFailedPrecondition

struct Outcome {
  bool accepted = true;
  std::string reason_code;  // empty when accepted; one of kReject* otherwise
  Status reason;            // OK when accepted
  // For a presentation: its discrepancies (empty when compliant). For a refusal after
  // the art. 14(b) deadline: the REFUSAL_AFTER_DEADLINE flag of art. 16(f).
  std::vector<Discrepancy> discrepancies;
  // For a presentation: the automatic examination, with the art. 14(b) deadline.
  std::optional<ExaminationResult> examination;
};

struct Transition {
  // The credit after the document: the new state when accepted, a copy of the current
  // one when rejected, nullopt when rejected for an unknown credit.
  std::optional<CreditState> state;
  Outcome outcome;
};

// Applies `doc`, submitted by `submitter` on `today`, to the credit whose state is
// `current` (null when no credit of that number exists).
// Returns a Transition for every well-formed call, accepted or rejected; a non-OK
// Result only for an internal failure (never for a bad document).
// REQUIRES: current is null or current->credit_number() == CreditNumber(doc).
// Copies the state once (the Transition's); ApplyInPlace copies nothing.
Result<Transition> Apply(const CreditState* current, const Document& doc, const Bic& submitter,
                         Date today, const BankingCalendar& calendar);

// The same rules as Apply, changing `state` in place (nullopt when no credit of that
// number exists; an accepted issuance sets it). Accepted: `state` is the credit after
// the document. Rejected or a non-OK Result: `state` is exactly as it was (Apply's
// rejected Transition may also record the expiry it found; this never does).
// REQUIRES: state is nullopt or state->credit_number() == CreditNumber(doc).
Result<Outcome> ApplyInPlace(std::optional<CreditState>& state, const Document& doc,
                             const Bic& submitter, Date today, const BankingCalendar& calendar);
// The same, moving what the state keeps of `doc` (the credit, an amendment, a
// presentation) instead of copying it: `doc` is left valid but unspecified.
Result<Outcome> ApplyInPlace(std::optional<CreditState>& state, Document&& doc,
                             const Bic& submitter, Date today, const BankingCalendar& calendar);
// The same again for a caller that has already run CheckDocument on `doc` and had it
// pass (the engine checks every document in its parallel stage, before the serial one
// that applies it): CheckDocument is not run a second time.
struct AlreadyChecked {};
Result<Outcome> ApplyInPlace(std::optional<CreditState>& state, Document&& doc,
                             const Bic& submitter, Date today, const BankingCalendar& calendar,
                             AlreadyChecked);

// Stateless validation: required fields present, codes valid, amounts in one currency,
// dates ordered (issue ≤ expiry, latest shipment ≤ expiry …). InvalidArgument naming the
// field (a camelCase path such as "goods[1].quantity") otherwise.
Status CheckDocument(const Document& doc);

}  // namespace lcproc::trade
