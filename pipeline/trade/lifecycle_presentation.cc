// Presentations and what follows them: examination on arrival, the bank's decision
// (art. 16), the applicant's waiver (art. 16(b)) and honour.
#include <algorithm>

#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/examiner.h"
#include "pipeline/trade/lifecycle_internal.h"

namespace lcproc::trade::internal {

Transition Reject(const CreditState* current, const char* code, Status reason) {
  Transition t;
  if (current) t.state = *current;
  t.outcome.accepted = false;
  t.outcome.reason_code = code;
  t.outcome.reason = std::move(reason);
  return t;
}

Transition Accept(CreditState state) {
  Transition t;
  t.state = std::move(state);
  return t;
}

std::string Credit(const CreditState& s) { return "credit '" + s.credit_number() + "'"; }

std::optional<Money> Reinstate(const CreditState& s, const Presentation& p) {
  if (!p.drawing_amount.same_currency(s.drawn) || p.drawing_amount > s.AvailableBalance()) {
    return std::nullopt;
  }
  auto drawn = s.drawn.Add(p.drawing_amount);
  return drawn.ok() ? std::optional<Money>(*drawn) : std::nullopt;
}

Transition Present(const CreditState& cur, const Presentation& p, const Bic& submitter, Date today,
                   const BankingCalendar& calendar) {
  if (cur.status == CreditStatus::kIssued) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition(Credit(cur) + " has not been advised to the beneficiary"));
  }
  if (!(p.presenting_bank == submitter)) {
    return Reject(&cur, kRejectWrongRole,
                  PermissionDenied("the presentation names " + p.presenting_bank.str() +
                                   " as presenting bank, not the submitter"));
  }
  if (cur.FindPresentation(p.presentation_number)) {
    return Reject(&cur, kRejectDuplicate,
                  AlreadyExists("presentation " + std::to_string(p.presentation_number) + " of " +
                                Credit(cur) + " already exists"));
  }
  if (p.presentation_date > today) {
    return Reject(
        &cur, kRejectInvalid,
        InvalidArgument("presentationDate " + p.presentation_date.ToIso() + " is in the future"));
  }
  ExaminationResult exam = Examine(cur, p, p.presentation_date, calendar);
  exam.examined_on = today;
  CreditState s = cur;
  PresentationRecord rec;
  rec.presentation = p;
  rec.examination = exam;
  rec.status = exam.compliant() ? PresentationStatus::kCompliant : PresentationStatus::kDiscrepant;
  s.presentations.push_back(std::move(rec));
  if (p.drawing_amount.same_currency(s.drawn)) {
    auto drawn = s.drawn.Add(p.drawing_amount);
    if (drawn.ok()) s.drawn = *drawn;
  }
  s.status = exam.compliant() ? CreditStatus::kPresented : CreditStatus::kDiscrepant;
  Transition t = Accept(std::move(s));
  t.outcome.discrepancies = exam.discrepancies;
  t.outcome.examination = std::move(exam);
  return t;
}

Transition Decide(const CreditState& cur, const ExaminationResult& e, Date today) {
  const PresentationRecord* rec = cur.FindPresentation(e.presentation_number);
  if (!rec) {
    return Reject(&cur, kRejectUnknownReference,
                  NotFound("no presentation " + std::to_string(e.presentation_number) + " of " +
                           Credit(cur)));
  }
  if (rec->status != PresentationStatus::kCompliant &&
      rec->status != PresentationStatus::kDiscrepant) {
    return Reject(
        &cur, kRejectOutOfOrder,
        FailedPrecondition("presentation " + std::to_string(e.presentation_number) +
                           " is already " + std::string(PresentationStatusName(rec->status))));
  }
  CreditState s = cur;
  PresentationRecord& target = *s.FindPresentation(e.presentation_number);
  Transition t;
  if (e.compliant()) {
    target.status = PresentationStatus::kCompliant;
    s.status = CreditStatus::kPresented;
  } else {
    // Art. 16(c)/(d): a single notice of refusal, by the fifth banking day; art. 16(f):
    // after that, the bank is precluded from claiming non-compliance.
    target.status = PresentationStatus::kRefused;
    target.refused_on = today;
    target.refused_after_deadline = today > target.examination.deadline;
    if (target.presentation.drawing_amount.same_currency(s.drawn)) {
      auto drawn = s.drawn.Subtract(target.presentation.drawing_amount);
      if (drawn.ok()) s.drawn = *drawn;
    }
    s.status = CreditStatus::kRefused;
    if (target.refused_after_deadline) {
      t.outcome.discrepancies.push_back(
          Discrepancy{std::string(kRefusalAfterDeadline.code),
                      std::string(kRefusalAfterDeadline.article), "examinationResult", "examinedOn",
                      "refusal on " + today.ToIso() + ", after the examination deadline " +
                          target.examination.deadline.ToIso() +
                          ": the bank is precluded from claiming non-compliance"});
    }
  }
  t.state = std::move(s);
  return t;
}

Transition WaiveDiscrepancies(const CreditState& cur, const Waiver& w) {
  const PresentationRecord* rec = cur.FindPresentation(w.presentation_number);
  if (!rec) {
    return Reject(&cur, kRejectUnknownReference,
                  NotFound("no presentation " + std::to_string(w.presentation_number) + " of " +
                           Credit(cur)));
  }
  // Art. 16(b): the issuing bank may approach the applicant for a waiver of discrepancies,
  // before or after refusing (16(c)(iii)(b): holding documents until a waiver arrives).
  if (rec->status != PresentationStatus::kDiscrepant &&
      rec->status != PresentationStatus::kRefused) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition("presentation " + std::to_string(w.presentation_number) +
                                     " is " + std::string(PresentationStatusName(rec->status)) +
                                     "; there is nothing to waive"));
  }
  if (!w.waived_codes.empty()) {
    for (const Discrepancy& d : rec->examination.discrepancies) {
      if (std::find(w.waived_codes.begin(), w.waived_codes.end(), d.code) == w.waived_codes.end()) {
        return Reject(&cur, kRejectInvalid,
                      InvalidArgument("waiver leaves discrepancy " + d.code + " unwaived"));
      }
    }
  }
  CreditState s = cur;
  PresentationRecord& target = *s.FindPresentation(w.presentation_number);
  if (target.status == PresentationStatus::kRefused) {
    auto drawn = Reinstate(s, target.presentation);
    if (!drawn) {
      return Reject(&cur, kRejectBeyondBalance,
                    FailedPrecondition("the credit's balance no longer covers presentation " +
                                       std::to_string(w.presentation_number)));
    }
    s.drawn = *drawn;
  }
  target.status = PresentationStatus::kWaived;
  s.status = CreditStatus::kWaived;
  return Accept(std::move(s));
}

Transition Pay(const CreditState& cur, const Payment& p, const Bic& submitter) {
  const PresentationRecord* rec = cur.FindPresentation(p.presentation_number);
  if (!rec) {
    return Reject(&cur, kRejectUnknownReference,
                  NotFound("no presentation " + std::to_string(p.presentation_number) + " of " +
                           Credit(cur)));
  }
  if (!(p.paying_bank == submitter)) {
    return Reject(&cur, kRejectWrongRole,
                  PermissionDenied("the payment names another paying bank"));
  }
  const bool precluded_refusal =
      rec->status == PresentationStatus::kRefused && rec->refused_after_deadline;
  if (rec->status != PresentationStatus::kCompliant && rec->status != PresentationStatus::kWaived &&
      !precluded_refusal) {
    return Reject(&cur, kRejectOutOfOrder,
                  FailedPrecondition("presentation " + std::to_string(p.presentation_number) +
                                     " is " + std::string(PresentationStatusName(rec->status)) +
                                     "; only a complying or waived presentation is honoured"));
  }
  const Money& drawing = rec->presentation.drawing_amount;
  if (!p.amount.same_currency(drawing) || p.amount > drawing) {
    return Reject(&cur, kRejectBeyondBalance,
                  FailedPrecondition("payment " + p.amount.ToDisplay() + " exceeds the drawing " +
                                     drawing.ToDisplay()));
  }
  CreditState s = cur;
  if (precluded_refusal) {
    auto drawn = Reinstate(s, rec->presentation);
    if (!drawn) {
      return Reject(&cur, kRejectBeyondBalance,
                    FailedPrecondition("the credit's balance no longer covers the drawing"));
    }
    s.drawn = *drawn;
  }
  PresentationRecord& target = *s.FindPresentation(p.presentation_number);
  target.status = PresentationStatus::kHonoured;
  target.paid = p.amount;
  target.paid_on = p.value_date;
  // Paying less than drawn frees the difference for later drawings.
  auto freed = drawing.Subtract(p.amount);
  auto drawn = freed.ok() ? s.drawn.Subtract(*freed) : freed;
  auto paid = s.paid.Add(p.amount);
  if (!drawn.ok() || !paid.ok())
    return Reject(&cur, kRejectInvalid, drawn.ok() ? paid.status() : drawn.status());
  s.drawn = *drawn;
  s.paid = *paid;
  const bool exhausted = s.AvailableBalance().is_zero() ||
                         s.terms.partial_shipments == ShipmentPermission::kNotAllowed;
  s.status =
      exhausted && !s.HasOpenPresentation() ? CreditStatus::kClosed : CreditStatus::kHonoured;
  return Accept(std::move(s));
}

}  // namespace lcproc::trade::internal
