// CreditState: everything lcproc knows about one documentary credit at a point of its
// life: the terms in force, the lifecycle status, amendments (pending, accepted,
// rejected), presentations with their examination and deadline, and the amounts drawn.
//
// Built and changed only by Apply (lifecycle.h), serially per credit in arrival order;
// the engine stores it between documents. A plain value type: copy it to change it;
// thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/trade/amendment.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/examination.h"
#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/money.h"
#include "pipeline/trade/presentation.h"

namespace lcproc::trade {

// The credit's status after its latest accepted document.
enum class CreditStatus {
  kIssued,      // MT700 recorded, not yet advised to the beneficiary
  kAdvised,     // advised (art. 9)
  kConfirmed,   // advised with confirmation added (art. 8)
  kPresented,   // the latest presentation was examined compliant
  kDiscrepant,  // the latest presentation was examined discrepant
  kRefused,     // the issuing/confirming bank refused it (art. 16)
  kWaived,      // the applicant waived its discrepancies (art. 16(b))
  kHonoured,    // paid; the credit stays available for further drawings
  kClosed,      // fully drawn, or honoured where partial drawings are not allowed
  kExpired,     // a document arrived after the expiry date with nothing outstanding
  kCancelled,   // cancelled with every agreement art. 10(a) requires
};
std::string_view CreditStatusName(CreditStatus v);  // "issued", "advised", …
Result<CreditStatus> ParseCreditStatus(std::string_view s);

enum class AmendmentStatus { kPending, kAccepted, kRejected };
std::string_view AmendmentStatusName(AmendmentStatus v);

struct AmendmentRecord {
  Amendment amendment;
  AmendmentStatus status = AmendmentStatus::kPending;
  std::optional<Date> decided_on;
  friend bool operator==(const AmendmentRecord&, const AmendmentRecord&) = default;
};

enum class PresentationStatus { kCompliant, kDiscrepant, kRefused, kWaived, kHonoured };
std::string_view PresentationStatusName(PresentationStatus v);

struct PresentationRecord {
  Presentation presentation;
  ExaminationResult examination;  // the automatic one; its deadline is art. 14(b)'s
  PresentationStatus status = PresentationStatus::kCompliant;
  std::optional<Date> refused_on;
  // Art. 16(f): refused after the deadline, so the bank is precluded from claiming the
  // documents do not comply.
  bool refused_after_deadline = false;
  std::optional<Money> paid;
  std::optional<Date> paid_on;
  friend bool operator==(const PresentationRecord&, const PresentationRecord&) = default;
};

struct CreditState {
  LetterOfCredit original;  // as issued
  LetterOfCredit terms;     // in force: original + accepted amendments (art. 10(b)(c))
  CreditStatus status = CreditStatus::kIssued;
  Date issued_on;
  std::optional<Date> advised_on;
  std::optional<Bic> confirming_bank;  // set once a confirmation is added (art. 8)
  std::vector<AmendmentRecord> amendments;
  std::vector<PresentationRecord> presentations;
  // Drawings of presentations not refused: reserved while under examination, then paid.
  Money drawn;
  Money paid;

  const std::string& credit_number() const { return terms.credit_number; }
  bool confirmed() const { return confirming_bank.has_value(); }
  // The most the credit allows in total: the amount plus 39A's plus tolerance, or +10%
  // for "about" (art. 30(a)), rounded down (the stricter side).
  Money MaximumAmount() const;
  // MaximumAmount() − drawn; may be zero, never negative for a consistent state.
  Money AvailableBalance() const;
  // The last day for presentation under 31D extended by art. 29(a).
  Date EffectiveExpiry(const class BankingCalendar& calendar) const;
  const PresentationRecord* FindPresentation(int number) const;
  PresentationRecord* FindPresentation(int number);
  const AmendmentRecord* FindAmendment(int number) const;
  // True while a presentation is neither refused nor honoured.
  bool HasOpenPresentation() const;
  // Presentations that count as drawings (not refused), for art. 31 and 32.
  int DrawingCount() const;

  friend bool operator==(const CreditState&, const CreditState&) = default;
};

}  // namespace lcproc::trade
