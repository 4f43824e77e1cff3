// EnumNames for every trade enum that travels on the wire: the camelCase names are
// trade's own (CreditFormName, ParseCreditForm …), so JSON, Cap'n Proto enumerants and
// messages agree. Internal to pipeline/formats. Thread-safe (no state).
#pragma once

#include <string_view>

#include "pipeline/formats/field_list.h"
#include "pipeline/status.h"
#include "pipeline/trade/document.h"

namespace lcproc::formats {

template <>
struct EnumNames<trade::CreditForm> {
  static constexpr trade::CreditForm kValues[] = {trade::CreditForm::kIrrevocable,
                                                  trade::CreditForm::kIrrevocableTransferable};
  static std::string_view Name(trade::CreditForm v) { return trade::CreditFormName(v); }
  static Result<trade::CreditForm> Parse(std::string_view s) { return trade::ParseCreditForm(s); }
};

template <>
struct EnumNames<trade::ApplicableRules> {
  static constexpr trade::ApplicableRules kValues[] = {
      trade::ApplicableRules::kUcpLatestVersion, trade::ApplicableRules::kEucpLatestVersion,
      trade::ApplicableRules::kUcpUrrLatestVersion, trade::ApplicableRules::kEucpUrrLatestVersion,
      trade::ApplicableRules::kOther};
  static std::string_view Name(trade::ApplicableRules v) { return trade::ApplicableRulesName(v); }
  static Result<trade::ApplicableRules> Parse(std::string_view s) {
    return trade::ParseApplicableRules(s);
  }
};

template <>
struct EnumNames<trade::AvailableBy> {
  static constexpr trade::AvailableBy kValues[] = {
      trade::AvailableBy::kPayment, trade::AvailableBy::kAcceptance,
      trade::AvailableBy::kNegotiation, trade::AvailableBy::kDeferredPayment,
      trade::AvailableBy::kMixedPayment};
  static std::string_view Name(trade::AvailableBy v) { return trade::AvailableByName(v); }
  static Result<trade::AvailableBy> Parse(std::string_view s) { return trade::ParseAvailableBy(s); }
};

template <>
struct EnumNames<trade::ShipmentPermission> {
  static constexpr trade::ShipmentPermission kValues[] = {trade::ShipmentPermission::kAllowed,
                                                          trade::ShipmentPermission::kNotAllowed,
                                                          trade::ShipmentPermission::kConditional};
  static std::string_view Name(trade::ShipmentPermission v) {
    return trade::ShipmentPermissionName(v);
  }
  static Result<trade::ShipmentPermission> Parse(std::string_view s) {
    return trade::ParseShipmentPermission(s);
  }
};

template <>
struct EnumNames<trade::ConfirmationInstruction> {
  static constexpr trade::ConfirmationInstruction kValues[] = {
      trade::ConfirmationInstruction::kConfirm, trade::ConfirmationInstruction::kMayAdd,
      trade::ConfirmationInstruction::kWithout};
  static std::string_view Name(trade::ConfirmationInstruction v) {
    return trade::ConfirmationInstructionName(v);
  }
  static Result<trade::ConfirmationInstruction> Parse(std::string_view s) {
    return trade::ParseConfirmationInstruction(s);
  }
};

template <>
struct EnumNames<trade::TradeDocumentType> {
  static constexpr auto& kValues = trade::kAllTradeDocumentTypes;
  static std::string_view Name(trade::TradeDocumentType v) {
    return trade::TradeDocumentTypeName(v);
  }
  static Result<trade::TradeDocumentType> Parse(std::string_view s) {
    return trade::ParseTradeDocumentType(s);
  }
};

template <>
struct EnumNames<trade::AmendmentDecision> {
  static constexpr trade::AmendmentDecision kValues[] = {
      trade::AmendmentDecision::kAccepted, trade::AmendmentDecision::kRejected,
      trade::AmendmentDecision::kPartiallyAccepted};
  static std::string_view Name(trade::AmendmentDecision v) {
    return trade::AmendmentDecisionName(v);
  }
  static Result<trade::AmendmentDecision> Parse(std::string_view s) {
    return trade::ParseAmendmentDecision(s);
  }
};

template <>
struct EnumNames<trade::ExaminationDecision> {
  static constexpr trade::ExaminationDecision kValues[] = {trade::ExaminationDecision::kCompliant,
                                                           trade::ExaminationDecision::kDiscrepant};
  static std::string_view Name(trade::ExaminationDecision v) {
    return trade::ExaminationDecisionName(v);
  }
  static Result<trade::ExaminationDecision> Parse(std::string_view s) {
    return trade::ParseExaminationDecision(s);
  }
};

template <>
struct EnumNames<trade::BillOfLadingSigner> {
  static constexpr trade::BillOfLadingSigner kValues[] = {
      trade::BillOfLadingSigner::kUnsigned,         trade::BillOfLadingSigner::kCarrier,
      trade::BillOfLadingSigner::kMaster,           trade::BillOfLadingSigner::kAgentForCarrier,
      trade::BillOfLadingSigner::kAgentForMaster,   trade::BillOfLadingSigner::kOwner,
      trade::BillOfLadingSigner::kCharterer,        trade::BillOfLadingSigner::kAgentForOwner,
      trade::BillOfLadingSigner::kAgentForCharterer};
  static std::string_view Name(trade::BillOfLadingSigner v) {
    return trade::BillOfLadingSignerName(v);
  }
  static Result<trade::BillOfLadingSigner> Parse(std::string_view s) {
    return trade::ParseBillOfLadingSigner(s);
  }
};

template <>
struct EnumNames<trade::InsuranceDocumentKind> {
  static constexpr trade::InsuranceDocumentKind kValues[] = {
      trade::InsuranceDocumentKind::kPolicy, trade::InsuranceDocumentKind::kCertificate,
      trade::InsuranceDocumentKind::kDeclaration, trade::InsuranceDocumentKind::kCoverNote};
  static std::string_view Name(trade::InsuranceDocumentKind v) {
    return trade::InsuranceDocumentKindName(v);
  }
  static Result<trade::InsuranceDocumentKind> Parse(std::string_view s) {
    return trade::ParseInsuranceDocumentKind(s);
  }
};

template <>
struct EnumNames<trade::FreightTerms> {
  static constexpr trade::FreightTerms kValues[] = {trade::FreightTerms::kNotStated,
                                                    trade::FreightTerms::kPrepaid,
                                                    trade::FreightTerms::kCollect};
  static std::string_view Name(trade::FreightTerms v) { return trade::FreightTermsName(v); }
  static Result<trade::FreightTerms> Parse(std::string_view s) {
    return trade::ParseFreightTerms(s);
  }
};

}  // namespace lcproc::formats
