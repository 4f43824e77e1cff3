// The examiner's working context and its per-article check functions, shared by the
// examiner_*.cc files and visible to tests. Not part of the public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/trade/calendar.h"
#include "pipeline/trade/credit_state.h"
#include "pipeline/trade/discrepancy_codes.h"
#include "pipeline/trade/examination.h"
#include "pipeline/trade/presentation.h"

namespace lcproc::trade::internal {

// The document that evidences shipment, and its date (art. 19(a)(ii) … 25(a)(ii)).
struct ShipmentEvidence {
  Date date;
  TradeDocumentType document = TradeDocumentType::kBillOfLading;
  std::string_view field;  // "onBoardDate" or "date"
};

inline constexpr uint32_t Bit(TradeDocumentType t) { return 1u << static_cast<int>(t); }

struct ExamContext {
  const CreditState& state;
  const LetterOfCredit& lc;  // state.terms
  const Presentation& p;
  Date presented_on;
  const BankingCalendar& calendar;
  std::optional<ShipmentEvidence> shipment;
  std::optional<Date> shipment_date;  // shipment->date
  ExaminationResult* result;
  // The document types the credit requires (46A, and a draft when 42C calls for one); a
  // document of another type is disregarded (art. 14(g)). Every type when 46A is empty.
  uint32_t required = 0;
  // Documents presented that got a manual check (counted once each for coverage).
  std::vector<const void*>* referred;

  void Add(const ExaminationRule& rule, std::string_view document, std::string_view field,
           std::string message, std::string_view article_override = {}) const {
    result->discrepancies.push_back(
        Discrepancy{std::string(rule.code),
                    std::string(article_override.empty() ? rule.article : article_override),
                    std::string(document), std::string(field), std::move(message)});
  }
  // A "needs a document checker" item about `presented` (null when it is about a document
  // that is not there).
  void Refer(std::string_view document, std::string_view article, std::string_view field,
             std::string message, const void* presented) const;
  bool Requires(TradeDocumentType t) const { return (required & Bit(t)) != 0; }
  // The credit's first requirement of type `t`, or null.
  const RequiredDocument* Requirement(TradeDocumentType t) const;
  // Whether `rule` was already reported (for `document`, when given): one defect, one
  // discrepancy.
  bool Reported(const ExaminationRule& rule, std::string_view document = {}) const;
};

// examiner_presentation.cc: the presentation as a whole.
void CheckExpiryAndPeriod(const ExamContext& c);    // 6(d), 14(c), 29(a)
void CheckShipmentDate(const ExamContext& c);       // 3, 20(a)(ii), 29(c)
void CheckRequiredDocuments(const ExamContext& c);  // 46A, 14(a), 17(a), 14(g)
void CheckDocumentDates(const ExamContext& c);      // 14(i)
void CheckDrawing(const ExamContext& c);            // 18(b), 30(c), 31, 14(d)
void CheckInstalments(const ExamContext& c);        // 32
// examiner_documents.cc: one document at a time, and across documents.
void CheckInvoice(const ExamContext& c);        // 18, 30
void CheckBillOfLading(const ExamContext& c);   // 20, 26, 27
void CheckInsurance(const ExamContext& c);      // 28
void CheckCrossDocument(const ExamContext& c);  // 14(d), 14(j)
// examiner_transport.cc: art. 19, 21 to 25, with 26 and 27.
void CheckOtherTransport(const ExamContext& c);
// examiner_certificates.cc: draft (6(c)), certificates and other documents (14(f)).
void CheckDraft(const ExamContext& c);
void CheckCertificates(const ExamContext& c);
void CheckOtherDocuments(const ExamContext& c);

// Same port or place as an examiner reads it (NormalizeText on both sides, no allocation).
bool SamePlace(std::string_view a, std::string_view b);
// `needle` occurs in `haystack`, both read through NormalizeText.
bool ContainsText(std::string_view haystack, std::string_view needle);
// The same issuer as the credit names it: equal or contained either way after
// NormalizeText, or `named` is the acronym of `issuer` ("VCCI" for "VIETNAM CHAMBER OF
// COMMERCE AND INDUSTRY"; ISBP 821 A1 allows generally accepted abbreviations).
bool IssuerMatches(std::string_view issuer, std::string_view named);
// The shipment evidence of a presentation, if any: the first transport document's.
std::optional<ShipmentEvidence> ShipmentOf(const Presentation& p);
// The on-board date (or other date of shipment) of an earlier presentation, if any.
std::optional<Date> ShipmentDateOf(const Presentation& p);
// Art. 14(j): a party shown in a document against the beneficiary and the applicant of the
// credit (same country; for a transport document's consignee or notify party, with
// `exact_applicant`, the applicant's address as in the credit).
void CheckPartyAddress(const ExamContext& c, std::string_view document, std::string_view field,
                       const Party& party, bool exact_applicant = false);
// Art. 14(d): goods lines of a document other than the invoice against 45A and the invoice.
void CheckOtherDocumentGoods(const ExamContext& c, std::string_view document,
                             const std::vector<GoodsLine>& lines);

}  // namespace lcproc::trade::internal
