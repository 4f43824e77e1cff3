// Discrepancy and ExaminationResult: the outcome of examining a presentation against its
// credit under UCP 600 art. 14, and the notice an issuing or confirming bank gives of it
// (art. 16(c): a single notice stating each discrepancy).
//
// Discrepancy codes are stable strings ("LATE_PRESENTATION"): they are part of the public
// contract (JSON, problem+json, the README's table) and never change meaning.
// Plain value types; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/trade/bic.h"
#include "pipeline/trade/date.h"
#include "pipeline/trade/money.h"

namespace lcproc::trade {

struct Discrepancy {
  std::string code;      // "LATE_PRESENTATION"
  std::string article;   // "14(c)"
  std::string document;  // "presentation", "commercialInvoice", "billOfLading", …
  std::string field;     // "onBoardDate", "amount", "46A" …
  std::string message;   // for an operator
  friend bool operator==(const Discrepancy&, const Discrepancy&) = default;
};

enum class ExaminationDecision { kCompliant, kDiscrepant };
std::string_view ExaminationDecisionName(ExaminationDecision v);  // "compliant", "discrepant"
Result<ExaminationDecision> ParseExaminationDecision(std::string_view s);

// As computed by Examine (examiner.h) and stored with the presentation, or as sent by the
// issuing/confirming bank: a kDiscrepant result from a bank is its notice of refusal
// (art. 16(c)); a kCompliant one is its determination that the presentation complies.
struct ExaminationResult {
  std::string credit_number;
  int presentation_number = 1;
  ExaminationDecision decision = ExaminationDecision::kCompliant;
  std::vector<Discrepancy> discrepancies;
  Date presented_on;
  Date deadline;          // art. 14(b): 5 banking days following presentation
  Date examined_on;
  std::optional<Bic> examining_bank;  // set when a bank sends it
  std::optional<Money> available_before;  // the balance the drawing was checked against
  std::string narrative;

  bool compliant() const { return decision == ExaminationDecision::kCompliant; }
  friend bool operator==(const ExaminationResult&, const ExaminationResult&) = default;
};

}  // namespace lcproc::trade
