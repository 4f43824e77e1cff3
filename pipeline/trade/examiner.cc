#include "pipeline/trade/examiner.h"

#include <algorithm>
#include <iterator>

#include "pipeline/trade/examiner_internal.h"

namespace lcproc::trade {

const ExaminationRule* FindExaminationRule(std::string_view code) {
  for (const auto& rule : AllExaminationRules()) {
    if (rule.code == code) return &rule;
  }
  return nullptr;
}

std::span<const ExaminationRule> AllExaminationRules() {
  static constexpr ExaminationRule kRules[] = {
      kPresentedAfterExpiry,
      kLatePresentation,
      kDocumentMissing,
      kInsufficientOriginals,
      kDocumentDatedAfterPresentation,
      kDrawingExceedsBalance,
      kDrawingExceedsInvoice,
      kShortDrawing,
      kPartialShipmentNotAllowed,
      kInstalmentOutOfSchedule,
      kInstalmentCeased,
      kInstalmentAmountExceeded,
      kLateShipment,
      kShipmentOutsidePeriod,
      kDataConflictQuantity,
      kDataConflictGoods,
      kDataConflictPort,
      kDataConflictCurrency,
      kAddressCountryMismatch,
      kInvoiceNotIssuedByBeneficiary,
      kInvoiceNotMadeOutToApplicant,
      kInvoiceCurrencyMismatch,
      kInvoiceGoodsMismatch,
      kQuantityOutOfTolerance,
      kUnitPriceOutOfTolerance,
      kBlCarrierNotNamed,
      kBlNotSigned,
      kBlNotOnBoard,
      kBlPortOfLoading,
      kBlPortOfDischarge,
      kBlFullSet,
      kBlCharterParty,
      kTranshipmentNotAllowed,
      kBlNotClean,
      kTransportCarrierNotNamed,
      kTransportNotSigned,
      kTransportNotOnBoard,
      kTransportPlaceOfDispatch,
      kTransportPlaceOfDestination,
      kTransportFullSet,
      kTransportCharterParty,
      kTransportNotClean,
      kOnDeck,
      kFreightMarking,
      kAddressNotAsInCredit,
      kDraftDrawnOnApplicant,
      kDraftDrawee,
      kDraftTenor,
      kDraftAmount,
      kDraftDrawer,
      kDocumentIssuer,
      kCertificateAfterShipment,
      kInsuranceCoverNote,
      kInsuranceOriginals,
      kInsuranceDatedAfterShipment,
      kInsuranceCurrency,
      kInsuranceUnderinsured,
      kInsuranceRoute,
      kRefusalAfterDeadline,
  };
  return kRules;
}

namespace internal {

void ExamContext::Refer(std::string_view document, std::string_view article, std::string_view field,
                        std::string message, const void* presented) const {
  result->manual_checks.push_back(ManualCheck{std::string(document), std::string(article),
                                              std::string(field), std::move(message)});
  if (presented != nullptr &&
      std::find(referred->begin(), referred->end(), presented) == referred->end()) {
    referred->push_back(presented);
  }
}

const RequiredDocument* ExamContext::Requirement(TradeDocumentType t) const {
  for (const RequiredDocument& d : lc.documents_required) {
    if (d.type == t) return &d;
  }
  return nullptr;
}

bool ExamContext::Reported(const ExaminationRule& rule, std::string_view document) const {
  for (const Discrepancy& d : result->discrepancies) {
    if (d.code == rule.code && (document.empty() || d.document == document)) return true;
  }
  return false;
}

}  // namespace internal

namespace {

// The types the credit requires: each 46A item's, and a draft when 42C calls for drafts.
// A credit without 46A (possible in JSON) has every presented document examined.
uint32_t RequiredTypes(const LetterOfCredit& lc) {
  if (lc.documents_required.empty()) return ~0u;
  uint32_t mask = 0;
  for (const RequiredDocument& d : lc.documents_required) mask |= internal::Bit(d.type);
  if (!lc.drafts_at.empty()) mask |= internal::Bit(TradeDocumentType::kDraft);
  return mask;
}

}  // namespace

ExaminationResult Examine(const CreditState& state, const Presentation& presentation,
                          Date presented_on, const BankingCalendar& calendar) {
  ExaminationResult result;
  result.credit_number = state.credit_number();
  result.presentation_number = presentation.presentation_number;
  result.presented_on = presented_on;
  result.examined_on = presented_on;
  // Art. 14(b): a maximum of five banking days following the day of presentation.
  result.deadline = calendar.AddBankingDays(presented_on, 5);
  result.available_before = state.AvailableBalance();

  std::vector<const void*> referred;
  internal::ExamContext c{state,        state.terms, presentation,
                          presented_on, calendar,    std::nullopt,
                          std::nullopt, &result,     RequiredTypes(state.terms),
                          &referred};
  c.shipment = internal::ShipmentOf(presentation);
  if (c.shipment) c.shipment_date = c.shipment->date;
  internal::CheckExpiryAndPeriod(c);
  internal::CheckShipmentDate(c);
  internal::CheckRequiredDocuments(c);
  internal::CheckDocumentDates(c);
  internal::CheckInvoice(c);  // before the drawing: a short quantity is reported once
  internal::CheckDrawing(c);
  internal::CheckInstalments(c);
  internal::CheckBillOfLading(c);
  internal::CheckOtherTransport(c);
  internal::CheckInsurance(c);
  internal::CheckDraft(c);
  internal::CheckCertificates(c);
  internal::CheckOtherDocuments(c);
  internal::CheckCrossDocument(c);

  result.decision = result.discrepancies.empty() ? ExaminationDecision::kCompliant
                                                 : ExaminationDecision::kDiscrepant;
  result.documents_presented = presentation.DocumentCount();
  result.documents_examined_automatically = result.documents_presented -
                                            static_cast<int>(result.disregarded_documents.size()) -
                                            static_cast<int>(referred.size());
  return result;
}

}  // namespace lcproc::trade
