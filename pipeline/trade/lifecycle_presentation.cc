// Presentations and what follows them: examination on arrival, the bank's decision
// (art. 16), the applicant's waiver (art. 16(b)) and honour.
#include <algorithm>

#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/examiner.h"
#include "pipeline/trade/lifecycle_internal.h"

namespace lcproc::trade::internal {

Outcome Reject(const char* code, Status reason) {
  Outcome out;
  out.accepted = false;
  out.reason_code = code;
  out.reason = std::move(reason);
  return out;
}

std::string Credit(const CreditState& s) { return "credit '" + s.credit_number() + "'"; }

std::optional<Money> Reinstate(const CreditState& s, const Presentation& p) {
  if (!p.drawing_amount.same_currency(s.drawn) || p.drawing_amount > s.AvailableBalance()) {
    return std::nullopt;
  }
  auto drawn = s.drawn.Add(p.drawing_amount);
  return drawn.ok() ? std::optional<Money>(*drawn) : std::nullopt;
}

Outcome Present(CreditState& s, const Presentation& p, Presentation* owned, const Bic& submitter,
                Date today, const BankingCalendar& calendar) {
  if (s.status == CreditStatus::kIssued) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition(Credit(s) + " has not been advised to the beneficiary"));
  }
  if (!(p.presenting_bank == submitter)) {
    return Reject(kRejectWrongRole,
                  PermissionDenied("the presentation names " + p.presenting_bank.str() +
                                   " as presenting bank, not the submitter"));
  }
  if (s.FindPresentation(p.presentation_number)) {
    return Reject(kRejectDuplicate,
                  AlreadyExists("presentation " + std::to_string(p.presentation_number) + " of " +
                                Credit(s) + " already exists"));
  }
  if (p.presentation_date > today) {
    return Reject(
        kRejectInvalid,
        InvalidArgument("presentationDate " + p.presentation_date.ToIso() + " is in the future"));
  }
  ExaminationResult exam = Examine(s, p, p.presentation_date, calendar);
  exam.examined_on = today;
  const Money drawing = p.drawing_amount;
  PresentationRecord rec;
  rec.presentation = TakeOrCopy(owned, p);  // `p` is not used from here on
  rec.examination = exam;
  rec.status = exam.compliant() ? PresentationStatus::kCompliant : PresentationStatus::kDiscrepant;
  s.presentations.push_back(std::move(rec));
  if (drawing.same_currency(s.drawn)) {
    auto drawn = s.drawn.Add(drawing);
    if (drawn.ok()) s.drawn = *drawn;
  }
  s.status = exam.compliant() ? CreditStatus::kPresented : CreditStatus::kDiscrepant;
  Outcome out;
  out.discrepancies = exam.discrepancies;
  out.examination = std::move(exam);
  return out;
}

Outcome Decide(CreditState& s, const ExaminationResult& e, Date today) {
  PresentationRecord* rec = s.FindPresentation(e.presentation_number);
  if (!rec) {
    return Reject(
        kRejectUnknownReference,
        NotFound("no presentation " + std::to_string(e.presentation_number) + " of " + Credit(s)));
  }
  if (rec->status != PresentationStatus::kCompliant &&
      rec->status != PresentationStatus::kDiscrepant) {
    return Reject(
        kRejectOutOfOrder,
        FailedPrecondition("presentation " + std::to_string(e.presentation_number) +
                           " is already " + std::string(PresentationStatusName(rec->status))));
  }
  PresentationRecord& target = *rec;
  Outcome out;
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
      out.discrepancies.push_back(
          Discrepancy{std::string(kRefusalAfterDeadline.code),
                      std::string(kRefusalAfterDeadline.article), "examinationResult", "examinedOn",
                      "refusal on " + today.ToIso() + ", after the examination deadline " +
                          target.examination.deadline.ToIso() +
                          ": the bank is precluded from claiming non-compliance"});
    }
  }
  return out;
}

Outcome WaiveDiscrepancies(CreditState& s, const Waiver& w) {
  PresentationRecord* rec = s.FindPresentation(w.presentation_number);
  if (!rec) {
    return Reject(
        kRejectUnknownReference,
        NotFound("no presentation " + std::to_string(w.presentation_number) + " of " + Credit(s)));
  }
  // Art. 16(b): the issuing bank may approach the applicant for a waiver of discrepancies,
  // before or after refusing (16(c)(iii)(b): holding documents until a waiver arrives).
  if (rec->status != PresentationStatus::kDiscrepant &&
      rec->status != PresentationStatus::kRefused) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition("presentation " + std::to_string(w.presentation_number) +
                                     " is " + std::string(PresentationStatusName(rec->status)) +
                                     "; there is nothing to waive"));
  }
  if (!w.waived_codes.empty()) {
    for (const Discrepancy& d : rec->examination.discrepancies) {
      if (std::find(w.waived_codes.begin(), w.waived_codes.end(), d.code) == w.waived_codes.end()) {
        return Reject(kRejectInvalid,
                      InvalidArgument("waiver leaves discrepancy " + d.code + " unwaived"));
      }
    }
  }
  PresentationRecord& target = *rec;
  if (target.status == PresentationStatus::kRefused) {
    auto drawn = Reinstate(s, target.presentation);
    if (!drawn) {
      return Reject(kRejectBeyondBalance,
                    FailedPrecondition("the credit's balance no longer covers presentation " +
                                       std::to_string(w.presentation_number)));
    }
    s.drawn = *drawn;
  }
  target.status = PresentationStatus::kWaived;
  s.status = CreditStatus::kWaived;
  return Outcome{};
}

Outcome Pay(CreditState& s, const Payment& p, const Bic& submitter) {
  PresentationRecord* rec = s.FindPresentation(p.presentation_number);
  if (!rec) {
    return Reject(
        kRejectUnknownReference,
        NotFound("no presentation " + std::to_string(p.presentation_number) + " of " + Credit(s)));
  }
  if (!(p.paying_bank == submitter)) {
    return Reject(kRejectWrongRole, PermissionDenied("the payment names another paying bank"));
  }
  const bool precluded_refusal =
      rec->status == PresentationStatus::kRefused && rec->refused_after_deadline;
  if (rec->status != PresentationStatus::kCompliant && rec->status != PresentationStatus::kWaived &&
      !precluded_refusal) {
    return Reject(kRejectOutOfOrder,
                  FailedPrecondition("presentation " + std::to_string(p.presentation_number) +
                                     " is " + std::string(PresentationStatusName(rec->status)) +
                                     "; only a complying or waived presentation is honoured"));
  }
  const Money drawing = rec->presentation.drawing_amount;
  if (!p.amount.same_currency(drawing) || p.amount > drawing) {
    return Reject(kRejectBeyondBalance,
                  FailedPrecondition("payment " + p.amount.ToDisplay() + " exceeds the drawing " +
                                     drawing.ToDisplay()));
  }
  // Every amount is worked out before the state changes: a rejection leaves it as it was.
  Money drawn_before = s.drawn;
  if (precluded_refusal) {
    auto reinstated = Reinstate(s, rec->presentation);
    if (!reinstated) {
      return Reject(kRejectBeyondBalance,
                    FailedPrecondition("the credit's balance no longer covers the drawing"));
    }
    drawn_before = *reinstated;
  }
  // Paying less than drawn frees the difference for later drawings.
  auto freed = drawing.Subtract(p.amount);
  auto drawn = freed.ok() ? drawn_before.Subtract(*freed) : freed;
  auto paid = s.paid.Add(p.amount);
  if (!drawn.ok() || !paid.ok())
    return Reject(kRejectInvalid, drawn.ok() ? paid.status() : drawn.status());
  rec->status = PresentationStatus::kHonoured;
  rec->paid = p.amount;
  rec->paid_on = p.value_date;
  s.drawn = *drawn;
  s.paid = *paid;
  const bool exhausted = s.AvailableBalance().is_zero() ||
                         s.terms.partial_shipments == ShipmentPermission::kNotAllowed;
  s.status =
      exhausted && !s.HasOpenPresentation() ? CreditStatus::kClosed : CreditStatus::kHonoured;
  return Outcome{};
}

}  // namespace lcproc::trade::internal
