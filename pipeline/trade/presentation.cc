#include "pipeline/trade/presentation.h"

#include "pipeline/trade/enum_names_internal.h"

namespace lcproc::trade {
namespace {

constexpr std::pair<BillOfLadingSigner, std::string_view> kSigners[] = {
    {BillOfLadingSigner::kUnsigned, "unsigned"},
    {BillOfLadingSigner::kCarrier, "carrier"},
    {BillOfLadingSigner::kMaster, "master"},
    {BillOfLadingSigner::kAgentForCarrier, "agentForCarrier"},
    {BillOfLadingSigner::kAgentForMaster, "agentForMaster"},
    {BillOfLadingSigner::kOwner, "owner"},
    {BillOfLadingSigner::kCharterer, "charterer"},
    {BillOfLadingSigner::kAgentForOwner, "agentForOwner"},
    {BillOfLadingSigner::kAgentForCharterer, "agentForCharterer"},
};
constexpr std::pair<FreightTerms, std::string_view> kFreight[] = {
    {FreightTerms::kNotStated, "notStated"},
    {FreightTerms::kPrepaid, "prepaid"},
    {FreightTerms::kCollect, "collect"},
};
constexpr std::pair<InsuranceDocumentKind, std::string_view> kInsuranceKinds[] = {
    {InsuranceDocumentKind::kPolicy, "policy"},
    {InsuranceDocumentKind::kCertificate, "certificate"},
    {InsuranceDocumentKind::kDeclaration, "declaration"},
    {InsuranceDocumentKind::kCoverNote, "coverNote"},
};

}  // namespace

std::string_view BillOfLadingSignerName(BillOfLadingSigner v) {
  return internal::NameOf(kSigners, v);
}
Result<BillOfLadingSigner> ParseBillOfLadingSigner(std::string_view s) {
  return internal::ValueOf(kSigners, s, "bill of lading signer");
}
std::string_view InsuranceDocumentKindName(InsuranceDocumentKind v) {
  return internal::NameOf(kInsuranceKinds, v);
}
Result<InsuranceDocumentKind> ParseInsuranceDocumentKind(std::string_view s) {
  return internal::ValueOf(kInsuranceKinds, s, "insurance document kind");
}

std::string_view FreightTermsName(FreightTerms v) { return internal::NameOf(kFreight, v); }
Result<FreightTerms> ParseFreightTerms(std::string_view s) {
  return internal::ValueOf(kFreight, s, "freight terms");
}

int Presentation::DocumentCount() const {
  return invoice.has_value() + transport.has_value() + insurance.has_value() +
         certificate_of_origin.has_value() + packing_list.has_value() + draft.has_value() +
         multimodal_transport.has_value() + sea_waybill.has_value() +
         charter_party_bill_of_lading.has_value() + air_transport.has_value() +
         road_transport.has_value() + rail_transport.has_value() +
         inland_waterway_transport.has_value() + courier_receipt.has_value() +
         post_receipt.has_value() + static_cast<int>(certificates.size()) +
         static_cast<int>(other_documents.size());
}

const TransportDocument* Presentation::Transport(TradeDocumentType type) const {
  auto of = [](const auto& slot) -> const TransportDocument* {
    return slot.has_value() ? &*slot : nullptr;
  };
  switch (type) {
    case TradeDocumentType::kBillOfLading: return of(transport);
    case TradeDocumentType::kMultimodalTransportDocument: return of(multimodal_transport);
    case TradeDocumentType::kSeaWaybill: return of(sea_waybill);
    case TradeDocumentType::kCharterPartyBillOfLading: return of(charter_party_bill_of_lading);
    case TradeDocumentType::kAirTransportDocument: return of(air_transport);
    case TradeDocumentType::kRoadTransportDocument: return of(road_transport);
    case TradeDocumentType::kRailTransportDocument: return of(rail_transport);
    case TradeDocumentType::kInlandWaterwayTransportDocument: return of(inland_waterway_transport);
    default: return nullptr;
  }
}

const CourierReceipt* Presentation::Receipt(TradeDocumentType type) const {
  if (type == TradeDocumentType::kCourierReceipt && courier_receipt) return &*courier_receipt;
  if (type == TradeDocumentType::kPostReceipt && post_receipt) return &*post_receipt;
  return nullptr;
}

}  // namespace lcproc::trade
