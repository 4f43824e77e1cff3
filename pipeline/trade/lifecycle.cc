#include "pipeline/trade/lifecycle.h"

#include <algorithm>

#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/examiner.h"
#include "pipeline/trade/lifecycle_internal.h"
#include "pipeline/trade/roles.h"

namespace lcproc::trade {
namespace {

using internal::Accept;
using internal::Credit;
using internal::Decide;
using internal::Pay;
using internal::Present;
using internal::Reject;
using internal::WaiveDiscrepancies;

// Common to documents that change the credit's terms or parties: not after expiry
// (art. 6(d)). The returned state records the expiry when nothing is outstanding.
std::optional<Transition> RejectIfExpired(const CreditState& s, Date today,
                                          const BankingCalendar& calendar) {
  const Date expiry = s.EffectiveExpiry(calendar);
  if (today <= expiry) return std::nullopt;
  Transition t =
      Reject(&s, kRejectExpired, FailedPrecondition(Credit(s) + " expired on " + expiry.ToIso()));
  if (!s.HasOpenPresentation()) t.state->status = CreditStatus::kExpired;
  return t;
}

Transition Issue(const LetterOfCredit& lc, Date today, const BankingCalendar& calendar) {
  CreditState s;
  s.original = lc;
  s.terms = lc;
  s.status = CreditStatus::kIssued;
  s.issued_on = today;
  s.drawn = Money{lc.amount.currency, 0};
  s.paid = Money{lc.amount.currency, 0};
  if (today > s.EffectiveExpiry(calendar)) {
    return Reject(nullptr, kRejectExpired,
                  FailedPrecondition("credit '" + lc.credit_number + "' would expire on " +
                                     lc.expiry_date.ToIso() + ", before it is issued"));
  }
  return Accept(std::move(s));
}

Transition Advise(const CreditState& cur, const Advice& a, const Bic& submitter, Date today,
                  const BankingCalendar& calendar) {
  if (cur.status != CreditStatus::kIssued) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition(Credit(cur) + " is already " +
                                     std::string(CreditStatusName(cur.status))));
  }
  if (auto expired = RejectIfExpired(cur, today, calendar)) return *expired;
  if (!(a.advising_bank == submitter)) {
    return Reject(&cur, kRejectWrongRole,
                  PermissionDenied("the advice names another advising bank"));
  }
  CreditState s = cur;
  s.advised_on = today;
  s.status = CreditStatus::kAdvised;
  if (a.confirmation_added) {
    // Art. 8: only at the issuing bank's request (49 CONFIRM or MAY ADD), and by the bank
    // 58a names when it names one.
    const Bic confirmer = a.confirming_bank.value_or(a.advising_bank);
    if (cur.terms.confirmation == ConfirmationInstruction::kWithout ||
        (cur.terms.confirming_bank && !(*cur.terms.confirming_bank == confirmer))) {
      return Reject(
          &cur, kRejectWrongRole,
          PermissionDenied(confirmer.str() + " is not authorised to confirm " + Credit(cur)));
    }
    s.confirming_bank = confirmer;
    s.status = CreditStatus::kConfirmed;
  }
  return Accept(std::move(s));
}

Transition Amend(const CreditState& cur, const Amendment& a, Date today,
                 const BankingCalendar& calendar) {
  if (auto expired = RejectIfExpired(cur, today, calendar)) return *expired;
  const int expected = static_cast<int>(cur.amendments.size()) + 1;
  if (a.amendment_number < expected) {
    return Reject(&cur, kRejectDuplicate,
                  AlreadyExists("amendment " + std::to_string(a.amendment_number) + " of " +
                                Credit(cur) + " already exists"));
  }
  if (a.amendment_number > expected) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition("amendment " + std::to_string(a.amendment_number) +
                                     " arrived before amendment " + std::to_string(expected)));
  }
  if (!cur.amendments.empty() && cur.amendments.back().status == AmendmentStatus::kPending) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition("amendment " + std::to_string(expected - 1) +
                                     " still awaits the beneficiary's answer (art. 10(c))"));
  }
  auto amended = ApplyAmendment(cur.terms, a);
  if (!amended.ok()) return Reject(&cur, kRejectInvalid, amended.status());
  CreditState probe = cur;
  probe.terms = *amended;
  if (probe.MaximumAmount() < cur.drawn) {
    return Reject(&cur, kRejectBeyondBalance,
                  FailedPrecondition("amendment would reduce " + Credit(cur) + " below the " +
                                     cur.drawn.ToDisplay() + " already drawn"));
  }
  CreditState s = cur;
  // Art. 10(b)(c): binding on the issuing bank now, on the beneficiary only on acceptance.
  s.amendments.push_back({a, AmendmentStatus::kPending, std::nullopt});
  return Accept(std::move(s));
}

Transition Respond(const CreditState& cur, const AmendmentResponse& r, Date today,
                   const BankingCalendar& calendar) {
  if (cur.status == CreditStatus::kIssued) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition(Credit(cur) + " has not been advised to the beneficiary"));
  }
  if (auto expired = RejectIfExpired(cur, today, calendar)) return *expired;
  const AmendmentRecord* rec = cur.FindAmendment(r.amendment_number);
  if (!rec) {
    return Reject(
        &cur, kRejectUnknownReference,
        NotFound("no amendment " + std::to_string(r.amendment_number) + " of " + Credit(cur)));
  }
  if (rec->status != AmendmentStatus::kPending) {
    return Reject(
        &cur, kRejectOutOfOrder,
        FailedPrecondition("amendment " + std::to_string(r.amendment_number) + " was already " +
                           std::string(AmendmentStatusName(rec->status))));
  }
  CreditState s = cur;
  AmendmentRecord& target = s.amendments[r.amendment_number - 1];
  target.decided_on = today;
  // Art. 10(e): a partial acceptance is not allowed and is deemed a rejection.
  if (r.decision != AmendmentDecision::kAccepted) {
    target.status = AmendmentStatus::kRejected;
    return Accept(std::move(s));
  }
  auto amended = ApplyAmendment(s.terms, target.amendment);
  if (!amended.ok()) return Reject(&cur, kRejectInvalid, amended.status());
  target.status = AmendmentStatus::kAccepted;
  s.terms = std::move(*amended);
  return Accept(std::move(s));
}

Transition Cancel(const CreditState& cur, const Cancellation& c, Date today,
                  const BankingCalendar& calendar) {
  if (auto expired = RejectIfExpired(cur, today, calendar)) return *expired;
  if (cur.HasOpenPresentation()) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition(Credit(cur) + " has a presentation outstanding"));
  }
  // Art. 10(a): no cancellation without the agreement of the issuing bank, the confirming
  // bank, if any, and the beneficiary.
  if (!c.beneficiary_agreed) {
    return Reject(&cur, kRejectAgreementMissing,
                  FailedPrecondition("cancellation of " + Credit(cur) +
                                     " needs the beneficiary's agreement (art. 10(a))"));
  }
  if (cur.confirmed() && !c.confirming_bank_agreed) {
    return Reject(&cur, kRejectAgreementMissing,
                  FailedPrecondition("cancellation of " + Credit(cur) +
                                     " needs the agreement of the confirming bank " +
                                     cur.confirming_bank->str() + " (art. 10(a))"));
  }
  CreditState s = cur;
  s.status = CreditStatus::kCancelled;
  return Accept(std::move(s));
}

}  // namespace

Result<Transition> Apply(const CreditState* current, const Document& doc, const Bic& submitter,
                         Date today, const BankingCalendar& calendar) {
  if (Status check = CheckDocument(doc); !check.ok()) {
    return Reject(current, kRejectInvalid, std::move(check));
  }
  const auto* lc = std::get_if<LetterOfCredit>(&doc);
  if (current == nullptr && lc == nullptr) {
    return Reject(nullptr, kRejectUnknownCredit,
                  NotFound("no credit '" + CreditNumber(doc) + "' has been issued"));
  }
  if (current != nullptr && lc != nullptr) {
    return Reject(current, kRejectDuplicateCredit,
                  AlreadyExists("credit '" + lc->credit_number + "' already exists"));
  }
  if (current != nullptr && current->credit_number() != CreditNumber(doc)) {
    return Internal("Apply called with the state of credit '" + current->credit_number() +
                    "' for a document of credit '" + CreditNumber(doc) + "'");
  }
  if (Status role = CheckRole(current, doc, submitter); !role.ok()) {
    return Reject(current, kRejectWrongRole, std::move(role));
  }
  if (lc) return Issue(*lc, today, calendar);
  const CreditState& cur = *current;
  if (cur.status == CreditStatus::kClosed || cur.status == CreditStatus::kCancelled) {
    return Reject(
        &cur, kRejectClosed,
        FailedPrecondition(Credit(cur) + " is " + std::string(CreditStatusName(cur.status))));
  }
  if (cur.status == CreditStatus::kExpired && TypeOf(doc) != DocumentType::kExaminationResult &&
      TypeOf(doc) != DocumentType::kWaiver && TypeOf(doc) != DocumentType::kPayment) {
    return Reject(&cur, kRejectExpired, FailedPrecondition(Credit(cur) + " has expired"));
  }
  struct Visitor {
    const CreditState& cur;
    const Bic& submitter;
    Date today;
    const BankingCalendar& calendar;
    Transition operator()(const LetterOfCredit&) const { return Transition{}; }  // handled above
    Transition operator()(const Amendment& a) const { return Amend(cur, a, today, calendar); }
    Transition operator()(const AmendmentResponse& r) const {
      return Respond(cur, r, today, calendar);
    }
    Transition operator()(const Advice& a) const {
      return Advise(cur, a, submitter, today, calendar);
    }
    Transition operator()(const Presentation& p) const {
      return Present(cur, p, submitter, today, calendar);
    }
    Transition operator()(const ExaminationResult& e) const { return Decide(cur, e, today); }
    Transition operator()(const Waiver& w) const { return WaiveDiscrepancies(cur, w); }
    Transition operator()(const Payment& p) const { return Pay(cur, p, submitter); }
    Transition operator()(const Cancellation& c) const { return Cancel(cur, c, today, calendar); }
  };
  return std::visit(Visitor{cur, submitter, today, calendar}, doc);
}

}  // namespace lcproc::trade
