#include "pipeline/trade/lifecycle.h"

#include <algorithm>

#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/examiner.h"
#include "pipeline/trade/lifecycle_internal.h"
#include "pipeline/trade/roles.h"

namespace lcproc::trade {
namespace {

using internal::Credit;
using internal::Decide;
using internal::Pay;
using internal::Present;
using internal::Reject;
using internal::TakeOrCopy;
using internal::WaiveDiscrepancies;

// Common to documents that change the credit's terms or parties: not after expiry
// (art. 6(d)). Apply's rejected Transition records the expiry when nothing is
// outstanding (ApplyInPlace leaves the state as it was).
std::optional<Outcome> RejectIfExpired(const CreditState& s, Date today,
                                       const BankingCalendar& calendar) {
  const Date expiry = s.EffectiveExpiry(calendar);
  if (today <= expiry) return std::nullopt;
  return Reject(kRejectExpired, FailedPrecondition(Credit(s) + " expired on " + expiry.ToIso()));
}

// `owned`, when given, is `lc` itself, to be moved into the state (ApplyInPlace(&&)).
Outcome Issue(std::optional<CreditState>& state, const LetterOfCredit& lc, LetterOfCredit* owned,
              Date today, const BankingCalendar& calendar) {
  CreditState s;
  s.original = lc;
  s.terms = TakeOrCopy(owned, lc);  // `lc` is not used from here on: read s.terms
  s.status = CreditStatus::kIssued;
  s.issued_on = today;
  s.drawn = Money{s.terms.amount.currency, 0};
  s.paid = Money{s.terms.amount.currency, 0};
  if (today > s.EffectiveExpiry(calendar)) {
    return Reject(kRejectExpired,
                  FailedPrecondition("credit '" + s.terms.credit_number + "' would expire on " +
                                     s.terms.expiry_date.ToIso() + ", before it is issued"));
  }
  state = std::move(s);
  return Outcome{};
}

Outcome Advise(CreditState& s, const Advice& a, const Bic& submitter, Date today,
               const BankingCalendar& calendar) {
  if (s.status != CreditStatus::kIssued) {
    return Reject(kRejectOutOfOrder, FailedPrecondition(Credit(s) + " is already " +
                                                        std::string(CreditStatusName(s.status))));
  }
  if (auto expired = RejectIfExpired(s, today, calendar)) return *expired;
  if (!(a.advising_bank == submitter)) {
    return Reject(kRejectWrongRole, PermissionDenied("the advice names another advising bank"));
  }
  std::optional<Bic> confirmer;
  if (a.confirmation_added) {
    // Art. 8: only at the issuing bank's request (49 CONFIRM or MAY ADD), and by the bank
    // 58a names when it names one.
    confirmer = a.confirming_bank.value_or(a.advising_bank);
    if (s.terms.confirmation == ConfirmationInstruction::kWithout ||
        (s.terms.confirming_bank && !(*s.terms.confirming_bank == *confirmer))) {
      return Reject(
          kRejectWrongRole,
          PermissionDenied(confirmer->str() + " is not authorised to confirm " + Credit(s)));
    }
  }
  s.advised_on = today;
  s.status = CreditStatus::kAdvised;
  if (confirmer) {
    s.confirming_bank = *confirmer;
    s.status = CreditStatus::kConfirmed;
  }
  return Outcome{};
}

Outcome Amend(CreditState& s, const Amendment& a, Amendment* owned, Date today,
              const BankingCalendar& calendar) {
  if (auto expired = RejectIfExpired(s, today, calendar)) return *expired;
  const int expected = static_cast<int>(s.amendments.size()) + 1;
  if (a.amendment_number < expected) {
    return Reject(kRejectDuplicate,
                  AlreadyExists("amendment " + std::to_string(a.amendment_number) + " of " +
                                Credit(s) + " already exists"));
  }
  if (a.amendment_number > expected) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition("amendment " + std::to_string(a.amendment_number) +
                                     " arrived before amendment " + std::to_string(expected)));
  }
  if (!s.amendments.empty() && s.amendments.back().status == AmendmentStatus::kPending) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition("amendment " + std::to_string(expected - 1) +
                                     " still awaits the beneficiary's answer (art. 10(c))"));
  }
  auto amended = ApplyAmendment(s.terms, a);
  if (!amended.ok()) return Reject(kRejectInvalid, amended.status());
  // The maximum under the amended terms, without copying the state: the terms are
  // swapped in for the computation and back out.
  std::swap(s.terms, *amended);
  const Money amended_maximum = s.MaximumAmount();
  std::swap(s.terms, *amended);
  if (amended_maximum < s.drawn) {
    return Reject(kRejectBeyondBalance,
                  FailedPrecondition("amendment would reduce " + Credit(s) + " below the " +
                                     s.drawn.ToDisplay() + " already drawn"));
  }
  // Art. 10(b)(c): binding on the issuing bank now, on the beneficiary only on acceptance.
  s.amendments.push_back({TakeOrCopy(owned, a), AmendmentStatus::kPending, std::nullopt});
  return Outcome{};
}

Outcome Respond(CreditState& s, const AmendmentResponse& r, Date today,
                const BankingCalendar& calendar) {
  if (s.status == CreditStatus::kIssued) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition(Credit(s) + " has not been advised to the beneficiary"));
  }
  if (auto expired = RejectIfExpired(s, today, calendar)) return *expired;
  const AmendmentRecord* rec = s.FindAmendment(r.amendment_number);
  if (!rec) {
    return Reject(
        kRejectUnknownReference,
        NotFound("no amendment " + std::to_string(r.amendment_number) + " of " + Credit(s)));
  }
  if (rec->status != AmendmentStatus::kPending) {
    return Reject(
        kRejectOutOfOrder,
        FailedPrecondition("amendment " + std::to_string(r.amendment_number) + " was already " +
                           std::string(AmendmentStatusName(rec->status))));
  }
  AmendmentRecord& target = s.amendments[r.amendment_number - 1];
  // Art. 10(e): a partial acceptance is not allowed and is deemed a rejection.
  if (r.decision != AmendmentDecision::kAccepted) {
    target.decided_on = today;
    target.status = AmendmentStatus::kRejected;
    return Outcome{};
  }
  auto amended = ApplyAmendment(s.terms, target.amendment);
  if (!amended.ok()) return Reject(kRejectInvalid, amended.status());
  target.decided_on = today;
  target.status = AmendmentStatus::kAccepted;
  s.terms = std::move(*amended);
  return Outcome{};
}

Outcome Cancel(CreditState& s, const Cancellation& c, Date today, const BankingCalendar& calendar) {
  if (auto expired = RejectIfExpired(s, today, calendar)) return *expired;
  if (s.HasOpenPresentation()) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition(Credit(s) + " has a presentation outstanding"));
  }
  // Art. 10(a): no cancellation without the agreement of the issuing bank, the confirming
  // bank, if any, and the beneficiary.
  if (!c.beneficiary_agreed) {
    return Reject(kRejectAgreementMissing,
                  FailedPrecondition("cancellation of " + Credit(s) +
                                     " needs the beneficiary's agreement (art. 10(a))"));
  }
  if (s.confirmed() && !c.confirming_bank_agreed) {
    return Reject(kRejectAgreementMissing,
                  FailedPrecondition("cancellation of " + Credit(s) +
                                     " needs the agreement of the confirming bank " +
                                     s.confirming_bank->str() + " (art. 10(a))"));
  }
  s.status = CreditStatus::kCancelled;
  return Outcome{};
}

// ApplyInPlace; `owned`, when given, is `doc` itself: what the state keeps of it is moved.
// `checked`: CheckDocument(doc) already passed.
Result<Outcome> ApplyTo(std::optional<CreditState>& state, const Document& doc, Document* owned,
                        const Bic& submitter, Date today, const BankingCalendar& calendar,
                        bool checked) {
  if (!checked) {
    if (Status check = CheckDocument(doc); !check.ok()) {
      return Reject(kRejectInvalid, std::move(check));
    }
  }
  const auto* lc = std::get_if<LetterOfCredit>(&doc);
  if (!state && lc == nullptr) {
    return Reject(kRejectUnknownCredit,
                  NotFound("no credit '" + CreditNumber(doc) + "' has been issued"));
  }
  if (state && lc != nullptr) {
    return Reject(kRejectDuplicateCredit,
                  AlreadyExists("credit '" + lc->credit_number + "' already exists"));
  }
  if (state && state->credit_number() != CreditNumber(doc)) {
    return Internal("Apply called with the state of credit '" + state->credit_number() +
                    "' for a document of credit '" + CreditNumber(doc) + "'");
  }
  if (Status role = CheckRole(state ? &*state : nullptr, doc, submitter); !role.ok()) {
    return Reject(kRejectWrongRole, std::move(role));
  }
  if (lc)
    return Issue(state, *lc, owned ? std::get_if<LetterOfCredit>(owned) : nullptr, today, calendar);
  CreditState& s = *state;
  if (s.status == CreditStatus::kClosed || s.status == CreditStatus::kCancelled) {
    return Reject(kRejectClosed,
                  FailedPrecondition(Credit(s) + " is " + std::string(CreditStatusName(s.status))));
  }
  if (s.status == CreditStatus::kExpired && TypeOf(doc) != DocumentType::kExaminationResult &&
      TypeOf(doc) != DocumentType::kWaiver && TypeOf(doc) != DocumentType::kPayment) {
    return Reject(kRejectExpired, FailedPrecondition(Credit(s) + " has expired"));
  }
  struct Visitor {
    CreditState& s;
    Document* owned;
    const Bic& submitter;
    Date today;
    const BankingCalendar& calendar;
    Outcome operator()(const LetterOfCredit&) const { return Outcome{}; }  // handled above
    Outcome operator()(const Amendment& a) const {
      return Amend(s, a, owned ? std::get_if<Amendment>(owned) : nullptr, today, calendar);
    }
    Outcome operator()(const AmendmentResponse& r) const { return Respond(s, r, today, calendar); }
    Outcome operator()(const Advice& a) const { return Advise(s, a, submitter, today, calendar); }
    Outcome operator()(const Presentation& p) const {
      return Present(s, p, owned ? std::get_if<Presentation>(owned) : nullptr, submitter, today,
                     calendar);
    }
    Outcome operator()(const ExaminationResult& e) const { return Decide(s, e, today); }
    Outcome operator()(const Waiver& w) const { return WaiveDiscrepancies(s, w); }
    Outcome operator()(const Payment& p) const { return Pay(s, p, submitter); }
    Outcome operator()(const Cancellation& c) const { return Cancel(s, c, today, calendar); }
  };
  return std::visit(Visitor{s, owned, submitter, today, calendar}, doc);
}

}  // namespace

Result<Outcome> ApplyInPlace(std::optional<CreditState>& state, const Document& doc,
                             const Bic& submitter, Date today, const BankingCalendar& calendar) {
  return ApplyTo(state, doc, nullptr, submitter, today, calendar, /*checked=*/false);
}

Result<Outcome> ApplyInPlace(std::optional<CreditState>& state, Document&& doc,
                             const Bic& submitter, Date today, const BankingCalendar& calendar) {
  return ApplyTo(state, doc, &doc, submitter, today, calendar, /*checked=*/false);
}

Result<Outcome> ApplyInPlace(std::optional<CreditState>& state, Document&& doc,
                             const Bic& submitter, Date today, const BankingCalendar& calendar,
                             AlreadyChecked) {
  return ApplyTo(state, doc, &doc, submitter, today, calendar, /*checked=*/true);
}

Result<Transition> Apply(const CreditState* current, const Document& doc, const Bic& submitter,
                         Date today, const BankingCalendar& calendar) {
  Transition t;
  if (current) t.state = *current;
  LCPROC_ASSIGN_OR_RETURN(t.outcome, ApplyInPlace(t.state, doc, submitter, today, calendar));
  // A document refused for the credit's expiry records the expiry on the returned state
  // when nothing is outstanding (the engine keeps only accepted states).
  if (!t.outcome.accepted && t.outcome.reason_code == kRejectExpired && t.state &&
      !t.state->HasOpenPresentation()) {
    t.state->status = CreditStatus::kExpired;
  }
  return t;
}

}  // namespace lcproc::trade
