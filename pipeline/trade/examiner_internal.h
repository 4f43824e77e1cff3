// The examiner's working context and its per-article check functions, shared by the
// examiner_*.cc files and visible to tests. Not part of the public API.
#pragma once

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

struct ExamContext {
  const CreditState& state;
  const LetterOfCredit& lc;  // state.terms
  const Presentation& p;
  Date presented_on;
  const BankingCalendar& calendar;
  // The on-board date of the bill of lading: the date of shipment (art. 20(a)(ii)).
  std::optional<Date> shipment_date;
  std::vector<Discrepancy>* out;

  void Add(const ExaminationRule& rule, std::string_view document, std::string_view field,
           std::string message, std::string_view article_override = {}) const {
    out->push_back(Discrepancy{std::string(rule.code),
                               std::string(article_override.empty() ? rule.article
                                                                    : article_override),
                               std::string(document), std::string(field), std::move(message)});
  }
};

// examiner.cc: the presentation as a whole.
void CheckExpiryAndPeriod(const ExamContext& c);   // 6(d), 14(c), 29(a)
void CheckShipmentDate(const ExamContext& c);      // 3, 20(a)(ii), 29(c)
void CheckRequiredDocuments(const ExamContext& c); // 46A, 14(a), 17(a)
void CheckDocumentDates(const ExamContext& c);     // 14(i)
void CheckDrawing(const ExamContext& c);           // 18(b), 30(c), 31, 14(d)
void CheckInstalments(const ExamContext& c);       // 32
// examiner_documents.cc: one document at a time, and across documents.
void CheckInvoice(const ExamContext& c);           // 18, 30
void CheckBillOfLading(const ExamContext& c);      // 20, 27
void CheckInsurance(const ExamContext& c);         // 28
void CheckCrossDocument(const ExamContext& c);     // 14(d), 14(j)

// Same port or place as an examiner reads it (NormalizeText on both sides).
bool SamePlace(std::string_view a, std::string_view b);
// The on-board date of an earlier presentation's bill of lading, if any.
std::optional<Date> ShipmentDateOf(const Presentation& p);

}  // namespace lcproc::trade::internal
