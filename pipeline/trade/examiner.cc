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
      kPresentedAfterExpiry, kLatePresentation, kDocumentMissing, kInsufficientOriginals,
      kDocumentDatedAfterPresentation, kDrawingExceedsBalance, kDrawingExceedsInvoice,
      kShortDrawing, kPartialShipmentNotAllowed, kInstalmentOutOfSchedule, kInstalmentCeased,
      kInstalmentAmountExceeded, kLateShipment, kShipmentOutsidePeriod, kDataConflictQuantity,
      kDataConflictGoods, kDataConflictPort, kDataConflictCurrency, kAddressCountryMismatch,
      kInvoiceNotIssuedByBeneficiary, kInvoiceNotMadeOutToApplicant, kInvoiceCurrencyMismatch,
      kInvoiceGoodsMismatch, kQuantityOutOfTolerance, kUnitPriceOutOfTolerance,
      kBlCarrierNotNamed, kBlNotSigned, kBlNotOnBoard, kBlPortOfLoading, kBlPortOfDischarge,
      kBlFullSet, kBlCharterParty, kTranshipmentNotAllowed, kBlNotClean, kInsuranceCoverNote,
      kInsuranceOriginals, kInsuranceDatedAfterShipment, kInsuranceCurrency,
      kInsuranceUnderinsured, kInsuranceRoute, kRefusalAfterDeadline,
  };
  return kRules;
}

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

  internal::ExamContext c{state,        state.terms, presentation, presented_on,
                          calendar,     internal::ShipmentDateOf(presentation),
                          &result.discrepancies};
  internal::CheckExpiryAndPeriod(c);
  internal::CheckShipmentDate(c);
  internal::CheckRequiredDocuments(c);
  internal::CheckDocumentDates(c);
  internal::CheckDrawing(c);
  internal::CheckInstalments(c);
  internal::CheckInvoice(c);
  internal::CheckBillOfLading(c);
  internal::CheckInsurance(c);
  internal::CheckCrossDocument(c);

  result.decision = result.discrepancies.empty() ? ExaminationDecision::kCompliant
                                                 : ExaminationDecision::kDiscrepant;
  return result;
}

}  // namespace lcproc::trade
