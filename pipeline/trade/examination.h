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

// What the automatic examination could not decide and a document checker must look at
// (art. 14(f)'s "appears to fulfil the function", an issuer named in other words …). Not a
// discrepancy and not a pass: operations see it beside the decision.
struct ManualCheck {
  std::string document;  // "phytosanitaryCertificate", "otherDocument" …
  std::string article;   // "14(f)"
  std::string field;     // "issuer", "statements" …
  std::string message;   // what to look at
  friend bool operator==(const ManualCheck&, const ManualCheck&) = default;
};

enum class ExaminationDecision { kCompliant, kDiscrepant };
std::string_view ExaminationDecisionName(ExaminationDecision v);  // "compliant", "discrepant"
Result<ExaminationDecision> ParseExaminationDecision(std::string_view s);

// `decision` covers what was examined automatically; manual_checks lists what a document
// checker still has to decide before the bank honours.
// As computed by Examine (examiner.h) and stored with the presentation, or as sent by the
// issuing/confirming bank: a kDiscrepant result from a bank is its notice of refusal
// (art. 16(c)); a kCompliant one is its determination that the presentation complies.
struct ExaminationResult {
  std::string credit_number;
  int presentation_number = 1;
  ExaminationDecision decision = ExaminationDecision::kCompliant;
  std::vector<Discrepancy> discrepancies;
  Date presented_on;
  Date deadline;  // art. 14(b): 5 banking days following presentation
  Date examined_on;
  std::optional<Bic> examining_bank;      // set when a bank sends it
  std::optional<Money> available_before;  // the balance the drawing was checked against
  std::string narrative;
  // Coverage: of the documents presented, how many lcproc examined wholly automatically;
  // those named by a manual check were examined in part; those disregarded under art.
  // 14(g) (presented but not required) were not examined.
  int documents_presented = 0;
  int documents_examined_automatically = 0;
  std::vector<ManualCheck> manual_checks;          // "needs a document checker"
  std::vector<std::string> disregarded_documents;  // art. 14(g), may be returned

  bool compliant() const { return decision == ExaminationDecision::kCompliant; }
  friend bool operator==(const ExaminationResult&, const ExaminationResult&) = default;
};

}  // namespace lcproc::trade
