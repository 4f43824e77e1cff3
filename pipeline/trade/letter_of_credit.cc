#include "pipeline/trade/letter_of_credit.h"

#include <iterator>

#include "pipeline/trade/enum_names_internal.h"

namespace lcproc::trade {
namespace {

using internal::NameOf;
using internal::ValueOf;

constexpr std::pair<CreditForm, std::string_view> kForms[] = {
    {CreditForm::kIrrevocable, "irrevocable"},
    {CreditForm::kIrrevocableTransferable, "irrevocableTransferable"},
};
constexpr std::pair<ApplicableRules, std::string_view> kRules[] = {
    {ApplicableRules::kUcpLatestVersion, "ucpLatestVersion"},
    {ApplicableRules::kEucpLatestVersion, "eucpLatestVersion"},
    {ApplicableRules::kUcpUrrLatestVersion, "ucpUrrLatestVersion"},
    {ApplicableRules::kEucpUrrLatestVersion, "eucpUrrLatestVersion"},
    {ApplicableRules::kOther, "other"},
};
constexpr std::pair<AvailableBy, std::string_view> kBy[] = {
    {AvailableBy::kPayment, "payment"},
    {AvailableBy::kAcceptance, "acceptance"},
    {AvailableBy::kNegotiation, "negotiation"},
    {AvailableBy::kDeferredPayment, "deferredPayment"},
    {AvailableBy::kMixedPayment, "mixedPayment"},
};
constexpr std::pair<ShipmentPermission, std::string_view> kShipment[] = {
    {ShipmentPermission::kAllowed, "allowed"},
    {ShipmentPermission::kNotAllowed, "notAllowed"},
    {ShipmentPermission::kConditional, "conditional"},
};
constexpr std::pair<ConfirmationInstruction, std::string_view> kConfirmation[] = {
    {ConfirmationInstruction::kConfirm, "confirm"},
    {ConfirmationInstruction::kMayAdd, "mayAdd"},
    {ConfirmationInstruction::kWithout, "without"},
};
constexpr std::pair<TradeDocumentType, std::string_view> kTradeDocs[] = {
    {TradeDocumentType::kCommercialInvoice, "commercialInvoice"},
    {TradeDocumentType::kBillOfLading, "billOfLading"},
    {TradeDocumentType::kInsuranceDocument, "insuranceDocument"},
    {TradeDocumentType::kCertificateOfOrigin, "certificateOfOrigin"},
    {TradeDocumentType::kPackingList, "packingList"},
    {TradeDocumentType::kDraft, "draft"},
    {TradeDocumentType::kMultimodalTransportDocument, "multimodalTransportDocument"},
    {TradeDocumentType::kSeaWaybill, "seaWaybill"},
    {TradeDocumentType::kCharterPartyBillOfLading, "charterPartyBillOfLading"},
    {TradeDocumentType::kAirTransportDocument, "airTransportDocument"},
    {TradeDocumentType::kRoadTransportDocument, "roadTransportDocument"},
    {TradeDocumentType::kRailTransportDocument, "railTransportDocument"},
    {TradeDocumentType::kInlandWaterwayTransportDocument, "inlandWaterwayTransportDocument"},
    {TradeDocumentType::kCourierReceipt, "courierReceipt"},
    {TradeDocumentType::kPostReceipt, "postReceipt"},
    {TradeDocumentType::kInspectionCertificate, "inspectionCertificate"},
    {TradeDocumentType::kWeightCertificate, "weightCertificate"},
    {TradeDocumentType::kQualityCertificate, "qualityCertificate"},
    {TradeDocumentType::kAnalysisCertificate, "analysisCertificate"},
    {TradeDocumentType::kPhytosanitaryCertificate, "phytosanitaryCertificate"},
    {TradeDocumentType::kHealthCertificate, "healthCertificate"},
    {TradeDocumentType::kFumigationCertificate, "fumigationCertificate"},
    {TradeDocumentType::kBeneficiaryCertificate, "beneficiaryCertificate"},
    {TradeDocumentType::kOtherDocument, "otherDocument"},
};
static_assert(std::size(kTradeDocs) == std::size(kAllTradeDocumentTypes));

}  // namespace

std::string_view CreditFormName(CreditForm v) { return NameOf(kForms, v); }
Result<CreditForm> ParseCreditForm(std::string_view s) { return ValueOf(kForms, s, "credit form"); }
std::string_view ApplicableRulesName(ApplicableRules v) { return NameOf(kRules, v); }
Result<ApplicableRules> ParseApplicableRules(std::string_view s) {
  return ValueOf(kRules, s, "applicable rules");
}
std::string_view AvailableByName(AvailableBy v) { return NameOf(kBy, v); }
Result<AvailableBy> ParseAvailableBy(std::string_view s) { return ValueOf(kBy, s, "available by"); }
std::string_view ShipmentPermissionName(ShipmentPermission v) { return NameOf(kShipment, v); }
Result<ShipmentPermission> ParseShipmentPermission(std::string_view s) {
  return ValueOf(kShipment, s, "shipment permission");
}
std::string_view ConfirmationInstructionName(ConfirmationInstruction v) {
  return NameOf(kConfirmation, v);
}
Result<ConfirmationInstruction> ParseConfirmationInstruction(std::string_view s) {
  return ValueOf(kConfirmation, s, "confirmation instruction");
}
std::string_view TradeDocumentTypeName(TradeDocumentType v) { return NameOf(kTradeDocs, v); }
Result<TradeDocumentType> ParseTradeDocumentType(std::string_view s) {
  return ValueOf(kTradeDocs, s, "trade document type");
}

bool IsTransportDocument(TradeDocumentType t) {
  return t == TradeDocumentType::kBillOfLading ||
         (t >= TradeDocumentType::kMultimodalTransportDocument &&
          t <= TradeDocumentType::kPostReceipt);
}

bool IsCertificate(TradeDocumentType t) {
  return t >= TradeDocumentType::kInspectionCertificate &&
         t <= TradeDocumentType::kBeneficiaryCertificate;
}

}  // namespace lcproc::trade
