// Amendment (SWIFT MT707) and AmendmentResponse: a change to a credit proposed by the
// issuing bank, and the beneficiary's answer to it.
//
// UCP 600 art. 10: an amendment binds the issuing bank from its issue but does not bind
// the beneficiary until accepted; until then the original terms (with amendments accepted
// earlier) stand; a partial acceptance is a rejection. Every optional member of Amendment
// that is set replaces the credit's field. Plain value types; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/date_term.h"
#include "pipeline/trade/extra_field.h"
#include "pipeline/trade/letter_of_credit.h"
#include "pipeline/trade/money.h"

namespace lcproc::trade {

struct Amendment {
  std::string credit_number;                                // 20 (and 21, the receiver's reference)
  int amendment_number = 1;                                 // 26E, 1, 2, … in order
  Date date_of_amendment;                                   // 30
  Bic issuing_bank;                                         // 52a / sender
  std::optional<Money> increase;                            // 32B
  std::optional<Money> decrease;                            // 33B
  std::optional<Date> new_expiry_date;                      // 31E
  std::optional<Date> new_latest_shipment_date;             // 44C
  std::optional<DateTerm> new_shipment_period;              // 44D
  std::optional<PercentageTolerance> new_tolerance;         // 39A
  std::optional<ShipmentPermission> new_partial_shipments;  // 43P
  std::optional<ShipmentPermission> new_transhipment;       // 43T
  std::optional<std::string> new_port_of_loading;           // 44E
  std::optional<std::string> new_port_of_discharge;         // 44F
  std::optional<PresentationPeriod> new_presentation_period;            // 48
  std::optional<std::vector<GoodsLine>> new_goods;                      // 45B, whole list replaced
  std::optional<std::vector<RequiredDocument>> new_documents_required;  // 46B, replaced
  std::optional<Party> new_beneficiary;                                 // 59
  std::string narrative;                 // 79Z, other changes in words
  std::string charges;                   // 71N
  std::vector<ExtraField> extra_fields;  // tags not modelled, kept verbatim

  friend bool operator==(const Amendment&, const Amendment&) = default;
};

enum class AmendmentDecision {
  kAccepted,
  kRejected,
  kPartiallyAccepted,  // art. 10(e): treated as a rejection
};

std::string_view AmendmentDecisionName(AmendmentDecision v);  // "accepted" …
Result<AmendmentDecision> ParseAmendmentDecision(std::string_view s);

// The beneficiary's acceptance or rejection, conveyed by the advising bank (art. 10(c)).
struct AmendmentResponse {
  std::string credit_number;
  int amendment_number = 1;
  AmendmentDecision decision = AmendmentDecision::kAccepted;
  Date date;
  Bic advising_bank;  // the bank that conveys the beneficiary's answer
  std::string narrative;

  friend bool operator==(const AmendmentResponse&, const AmendmentResponse&) = default;
};

// The credit's terms with `amendment` applied: what the credit says once the beneficiary
// accepts it. InvalidArgument when an increase or decrease is in another currency or the
// decrease exceeds the amount.
Result<LetterOfCredit> ApplyAmendment(const LetterOfCredit& terms, const Amendment& amendment);

}  // namespace lcproc::trade
